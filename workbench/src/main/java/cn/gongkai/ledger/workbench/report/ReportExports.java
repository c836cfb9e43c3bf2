package cn.gongkai.ledger.workbench.report;

import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.workbench.report.OfficialTable.Cell;
import cn.gongkai.ledger.workbench.report.OfficialTable.Placed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The report's downloads, all drawn from {@link OfficialLayout}: DOCX (Word tables an office pastes into its
 * report, official headings, 仿宋/宋体), XLSX (one sheet per table, numbers as numbers, the merges kept), CSV
 * (one line per cell, by canonical key). The PDF is {@link ReportPdf}; the canonical JSON is the report API's.
 */
public final class ReportExports {
    /** The CJK fonts Word uses: 仿宋 for the tables, 黑体 for the headings, 宋体 for the title. */
    static final String BODY_FONT = "仿宋";
    static final String HEADING_FONT = "黑体";
    static final String TITLE_FONT = "宋体";

    private ReportExports() {
    }

    /** The line under the title: agency id, format, as-of time and the table-四 policy. */
    public static String meta(AnnualReport report) {
        String policy = report.appealPolicy() == null ? "表四按各机关各自的统计口径汇总"
                : report.appealPolicy() == AppealPolicy.FILED_IN_YEAR ? "表四统计本年新立案件"
                : "表四统计本年新立及上年结转未审结案件";
        String asOf = report.asOf() == null ? "" : "，数据截至 " + report.asOf().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        return "机关编号 " + report.agency().id() + "，" + report.format().code() + " 年版格式" + asOf + "，" + policy;
    }

    public static byte[] docx(AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CTSectPr section = doc.getDocument().getBody().addNewSectPr();
            CTPageSz size = section.addNewPgSz();
            size.setOrient(STPageOrientation.LANDSCAPE);
            size.setW(BigDecimalInt.of(16838));
            size.setH(BigDecimalInt.of(11906));
            paragraph(doc, OfficialLayout.title(report), TITLE_FONT, 18, true, ParagraphAlignment.CENTER);
            paragraph(doc, meta(report), BODY_FONT, 9, false, ParagraphAlignment.CENTER);
            for (OfficialTable table : OfficialLayout.tables(report)) {
                paragraph(doc, table.heading(), HEADING_FONT, 14, false, ParagraphAlignment.LEFT);
                wordTable(doc, table);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
                                  ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        font(run, font, size);
        run.setBold(bold);
        run.setText(text);
    }

    private static void font(XWPFRun run, String font, int size) {
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
    }

    private static void wordTable(XWPFDocument doc, OfficialTable table) {
        int rows = table.rows().size();
        XWPFTable t = doc.createTable(rows, table.width());
        t.setWidth("100%");
        t.setTableAlignment(TableRowAlign.CENTER);
        for (Placed placed : table.placed()) {
            Cell cell = placed.cell();
            for (int dr = 0; dr < cell.rowspan(); dr++) {
                for (int dc = 0; dc < cell.colspan(); dc++) {
                    XWPFTableCell target = t.getRow(placed.row() + dr).getCell(placed.column() + dc);
                    CTTcPr properties = target.getCTTc().isSetTcPr() ? target.getCTTc().getTcPr() : target.getCTTc().addNewTcPr();
                    if (cell.colspan() > 1) {
                        properties.addNewHMerge().setVal(dc == 0 ? STMerge.RESTART : STMerge.CONTINUE);
                    }
                    if (cell.rowspan() > 1) {
                        properties.addNewVMerge().setVal(dr == 0 ? STMerge.RESTART : STMerge.CONTINUE);
                    }
                }
            }
            XWPFTableCell target = t.getRow(placed.row()).getCell(placed.column());
            target.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = target.getParagraphs().get(0);
            p.setAlignment(cell.isValue() || cell.header() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            XWPFRun run = p.createRun();
            font(run, BODY_FONT, 10);
            run.setText(cell.text());
        }
    }

    public static byte[] xlsx(AnnualReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFFont font = book.createFont();
            font.setFontName(TITLE_FONT);
            font.setFontHeightInPoints((short) 10);
            CellStyle label = style(book, font, HorizontalAlignment.LEFT);
            CellStyle heading = style(book, font, HorizontalAlignment.CENTER);
            CellStyle count = style(book, font, HorizontalAlignment.CENTER);
            DataFormat format = book.createDataFormat();
            count.setDataFormat(format.getFormat("0"));
            CellStyle amount = style(book, font, HorizontalAlignment.CENTER);
            amount.setDataFormat(format.getFormat("0.######"));
            for (OfficialTable table : OfficialLayout.tables(report)) {
                Sheet sheet = book.createSheet(sheetName(table));
                sheet.createRow(0).createCell(0).setCellValue(OfficialLayout.title(report) + "　" + table.heading());
                int offset = 1;
                for (int r = 0; r < table.rows().size(); r++) {
                    sheet.createRow(r + offset);
                }
                for (Placed placed : table.placed()) {
                    Cell cell = placed.cell();
                    Row row = sheet.getRow(placed.row() + offset);
                    for (int dr = 0; dr < cell.rowspan(); dr++) {
                        Row covered = sheet.getRow(placed.row() + offset + dr);
                        for (int dc = 0; dc < cell.colspan(); dc++) {
                            covered.createCell(placed.column() + dc).setCellStyle(cell.header() ? heading : label);
                        }
                    }
                    org.apache.poi.ss.usermodel.Cell target = row.getCell(placed.column());
                    if (cell.isValue() && cell.value() != null) {
                        if (exactAsSpreadsheetNumber(cell.value())) {
                            target.setCellValue(cell.value().doubleValue());
                        } else {
                            target.setCellValue(cell.value().toPlainString());
                        }
                        target.setCellStyle(cell.amount() ? amount : count);
                    } else {
                        target.setCellValue(cell.text());
                    }
                    if (cell.colspan() > 1 || cell.rowspan() > 1) {
                        CellRangeAddress region = new CellRangeAddress(placed.row() + offset,
                                placed.row() + offset + cell.rowspan() - 1, placed.column(),
                                placed.column() + cell.colspan() - 1);
                        sheet.addMergedRegion(region);
                        RegionUtil.setBorderTop(BorderStyle.THIN, region, sheet);
                        RegionUtil.setBorderBottom(BorderStyle.THIN, region, sheet);
                        RegionUtil.setBorderLeft(BorderStyle.THIN, region, sheet);
                        RegionUtil.setBorderRight(BorderStyle.THIN, region, sheet);
                    }
                }
                for (int c = 0; c < table.width(); c++) {
                    sheet.setColumnWidth(c, columnWidth(table, c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int columnWidth(OfficialTable table, int column) {
        if (table.id().equals("table3")) {
            return column == 0 ? 12 * 256 : column == 1 ? 14 * 256 : column == 2 ? 40 * 256 : 11 * 256;
        }
        if (table.id().equals("table2")) {
            return column == 0 ? 18 * 256 : 22 * 256;
        }
        return 10 * 256;
    }

    private static String sheetName(OfficialTable table) {
        return switch (table.id()) {
            case "table2" -> "表二 主动公开";
            case "table3" -> "表三 依申请公开";
            default -> "表四 复议诉讼";
        };
    }

    private static CellStyle style(XSSFWorkbook book, XSSFFont font, HorizontalAlignment alignment) {
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    /**
     * One line per cell: the table, the canonical keys of the row and column, and the value (counts as integers,
     * amounts as 万元 decimals), in official order; UTF-8 with a byte-order mark so that Excel reads the Chinese.
     */
    public static byte[] csv(AnnualReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF表格,行,列,数值\r\n");
        for (Map.Entry<String, BigDecimal> cell : report.cells().entrySet()) {
            String address = cell.getKey();
            int first = address.indexOf('/');
            String table = address.substring(0, first);
            String rest = address.substring(first + 1);
            String row;
            String column;
            if (table.equals("table4")) {
                int dot = rest.indexOf('.');
                row = rest.substring(0, dot);
                column = rest.substring(dot + 1);
            } else {
                int slash = rest.indexOf('/');
                row = rest.substring(0, slash);
                column = rest.substring(slash + 1);
            }
            csv.append(field(table)).append(',').append(field(row)).append(',').append(field(column)).append(',')
                    .append(cell.getValue() == null ? "" : cell.getValue().toPlainString()).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** Page sizes in twentieths of a point, as the OOXML schema wants them. */
    /**
     * Whether a spreadsheet shows the value exactly as a number: a spreadsheet number is a double shown with at
     * most 15 significant digits, so a larger amount (12345678901234567.89 yuan is 1234567890123.456789 万元) is
     * written as its exact decimal text instead, never rounded.
     */
    static boolean exactAsSpreadsheetNumber(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.precision() <= 15 && new BigDecimal(Double.toString(value.doubleValue())).compareTo(value) == 0;
    }

    private static final class BigDecimalInt {
        static java.math.BigInteger of(long value) {
            return java.math.BigInteger.valueOf(value);
        }
    }
}
