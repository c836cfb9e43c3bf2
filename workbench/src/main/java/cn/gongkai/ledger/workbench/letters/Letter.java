package cn.gongkai.ledger.workbench.letters;

import cn.gongkai.ledger.workbench.report.ReportHtml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/** A filled letter: its title and paragraphs (each left, or right-aligned for the agency and the date). */
record Letter(String title, List<Paragraph> paragraphs) {
    static final String RIGHT = "[右]";

    record Paragraph(String text, boolean right) {
    }

    /** Reads a filled template: the first non-empty line is the title, each further non-empty line a paragraph. */
    static Letter parse(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            boolean right = line.startsWith(RIGHT);
            paragraphs.add(new Paragraph(right ? line.substring(RIGHT.length()).strip() : line, right));
        }
        return new Letter(lines.get(0), paragraphs);
    }

    /** A Word document: title in 宋体 (小标宋-like) 22 pt, body in 仿宋 16 pt (三号) with a two-character indent. */
    byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            run(heading, title, "宋体", 22, true);
            for (Paragraph p : paragraphs) {
                XWPFParagraph paragraph = doc.createParagraph();
                paragraph.setAlignment(p.right() ? ParagraphAlignment.RIGHT : ParagraphAlignment.BOTH);
                boolean salutation = p.text().endsWith("：") && p.text().length() < 40;
                if (!p.right() && !salutation) {
                    paragraph.setIndentationFirstLine(640);
                }
                run(paragraph, p.text(), "仿宋", 16, false);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    /** The letter as an XHTML page for the PDF, in the embedded CJK font. */
    String xhtml(String fontFamily) {
        StringBuilder body = new StringBuilder();
        for (Paragraph p : paragraphs) {
            boolean salutation = p.text().endsWith("：") && p.text().length() < 40;
            body.append("<p class=\"").append(p.right() ? "right" : salutation ? "plain" : "indent").append("\">")
                    .append(ReportHtml.escape(p.text())).append("</p>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"/><title>%1$s</title>
                <style>
                  @page { size: A4; margin: 30mm 26mm 28mm 28mm; }
                  body { font-family: '%2$s'; font-size: 15pt; line-height: 1.75; }
                  h1 { font-size: 21pt; text-align: center; font-weight: normal; margin: 0 0 8mm; }
                  p { margin: 0; text-align: justify; }
                  p.indent { text-indent: 2em; }
                  p.right { text-align: right; }
                </style></head><body>
                <h1>%1$s</h1>
                %3$s
                </body></html>
                """.formatted(ReportHtml.escape(title), fontFamily, body);
    }
}
