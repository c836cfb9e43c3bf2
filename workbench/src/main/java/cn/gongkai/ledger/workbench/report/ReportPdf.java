package cn.gongkai.ledger.workbench.report;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * PDFs with a CJK font embedded (subset): the first TrueType font found among {@code LEDGER_PDF_FONT} and the
 * fonts Debian's {@code fonts-wqy-zenhei} / {@code fonts-wqy-microhei} / {@code fonts-arphic-uming} packages ship
 * (installed by {@code bin/run-embedded} and {@code .ci/run}). A TrueType collection ({@code .ttc}) is read
 * through its first font.
 */
public final class ReportPdf {
    public static final String FONT_FAMILY = "LedgerCJK";
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private ReportPdf() {
    }

    /** The CJK font file the PDFs embed, if one is installed. */
    public static Optional<Path> font() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("LEDGER_PDF_FONT");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(CANDIDATES);
        return candidates.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    /** Renders an XHTML document to PDF; {@code font} is the file from {@link #font()}. */
    public static byte[] render(String xhtml, Path font) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeCollection collection = null;
            TrueTypeFont ttf;
            if (font.toString().endsWith(".ttc")) {
                collection = new TrueTypeCollection(font.toFile());
                List<TrueTypeFont> fonts = new ArrayList<>();
                collection.processAllFonts(fonts::add);
                ttf = fonts.get(0);
            } else {
                ttf = null;
            }
            try {
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.usePDDocument(doc);
                builder.useFastMode();
                if (ttf != null) {
                    builder.useFont(new PDFontSupplier(PDType0Font.load(doc, ttf, true)), FONT_FAMILY);
                } else {
                    File file = font.toFile();
                    builder.useFont(file, FONT_FAMILY);
                }
                builder.withHtmlContent(xhtml, null);
                builder.toStream(out);
                builder.run();
            } finally {
                if (collection != null) {
                    collection.close();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
