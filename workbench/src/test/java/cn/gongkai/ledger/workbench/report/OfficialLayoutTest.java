package cn.gongkai.ledger.workbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.workbench.report.OfficialTable.Cell;
import cn.gongkai.ledger.workbench.report.OfficialTable.Placed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The official layout tiles its grid exactly, holds every cell of the report once, and every export agrees. */
class OfficialLayoutTest {

    /** A report whose every count is distinct (its position), so that any misplaced cell shows. */
    static AnnualReport numbered(ReportFormat format) {
        AnnualReport blank = new AnnualReport(new AnnualReport.Agency("demo", "示范局"), 2024, format, null,
                AppealPolicy.OPEN_IN_YEAR, null, null, null, null);
        int[] n = {1};
        Map<String, Map<String, BigDecimal>> t2 = new LinkedHashMap<>();
        blank.table2().forEach((row, cols) -> {
            Map<String, BigDecimal> c = new LinkedHashMap<>();
            cols.keySet().forEach(k -> c.put(k, ReportFormat.isAmountColumn(k) ? new BigDecimal("1.2345") : BigDecimal.valueOf(n[0]++)));
            t2.put(row, c);
        });
        Map<String, Map<String, Integer>> t3 = new LinkedHashMap<>();
        blank.table3().forEach((row, cols) -> {
            Map<String, Integer> c = new LinkedHashMap<>();
            cols.keySet().forEach(k -> c.put(k, n[0]++));
            t3.put(row, c);
        });
        Map<String, Integer> t4 = new LinkedHashMap<>();
        blank.table4().keySet().forEach(k -> t4.put(k, n[0]++));
        return new AnnualReport(blank.agency(), 2024, format, null, AppealPolicy.OPEN_IN_YEAR, t2, t3, t4, null);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyCellOfTheReportAppearsOnceAndTheGridIsTiledExactly(ReportFormat format) {
        AnnualReport report = numbered(format);
        Set<String> addresses = new TreeSet<>();
        for (OfficialTable table : OfficialLayout.tables(report)) {
            int[][] covered = new int[table.rows().size()][table.width()];
            for (Placed placed : table.placed()) {
                Cell cell = placed.cell();
                for (int r = 0; r < cell.rowspan(); r++) {
                    for (int c = 0; c < cell.colspan(); c++) {
                        covered[placed.row() + r][placed.column() + c]++;
                    }
                }
                if (cell.isValue()) {
                    assertThat(addresses.add(cell.address())).as(cell.address()).isTrue();
                    assertThat(cell.value()).isEqualTo(report.cells().get(cell.address()));
                }
            }
            for (int[] row : covered) {
                assertThat(row).as(table.id()).containsOnly(1);
            }
        }
        assertThat(addresses).isEqualTo(new TreeSet<>(report.cells().keySet()));
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void theExportsHoldTheOfficialLabelsAndTheNumbersAsNumbers(ReportFormat format) throws Exception {
        AnnualReport report = numbered(format);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReportExports.docx(report)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(doc.getTables()).hasSize(3);
            assertThat(text.getText()).contains("示范局2024年政府信息公开工作年度报告", OfficialLayout.CHECK_NOTE,
                    "一、本年新收政府信息公开申请数量", "（三）不予公开", "3.危及“三安全一稳定”", "复议后起诉", "尚未审结");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportExports.xlsx(report)))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            var values = book.getSheetAt(2).getRow(4);
            for (int c = 0; c < 15; c++) {
                assertThat(values.getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(values.getCell(c).getNumericCellValue())
                        .isEqualTo(report.table4().get(ReportFormat.table4Keys().get(c)).doubleValue());
            }
        }
        String csv = new String(ReportExports.csv(report), StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(report.cells().size() + 1);
        assertThat(csv).contains("table3,三.七,总计," + report.table3().get("三.七").get("总计"));
    }

    /** 12345678901234567.89 yuan is 1234567890123.456789 万元: every export shows it exactly, none through a double. */
    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aFeeTooLargeForADoubleIsExactInEveryExport(ReportFormat format) throws Exception {
        AnnualReport numbered = numbered(format);
        BigDecimal exact = new BigDecimal("1234567890123.456789");
        Map<String, Map<String, BigDecimal>> t2 = new LinkedHashMap<>();
        numbered.table2().forEach((row, cols) -> {
            Map<String, BigDecimal> c = new LinkedHashMap<>(cols);
            c.replaceAll((k, v) -> ReportFormat.isAmountColumn(k) ? exact : v);
            t2.put(row, c);
        });
        AnnualReport report = new AnnualReport(numbered.agency(), 2024, format, null, AppealPolicy.OPEN_IN_YEAR, t2,
                numbered.table3(), numbered.table4(), null);

        assertThat(ReportExports.exactAsSpreadsheetNumber(exact)).isFalse();
        assertThat(ReportExports.exactAsSpreadsheetNumber(new BigDecimal("1.2345"))).isTrue();
        assertThat(new String(ReportExports.csv(report), StandardCharsets.UTF_8)).contains(",1234567890123.456789\r\n")
                .doesNotContain("1234567890123.4568");
        assertThat(ReportHtml.tables(report, cell -> "#")).contains("1234567890123.456789")
                .doesNotContain("1234567890123.4568");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReportExports.docx(report)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("1234567890123.456789").doesNotContain("1234567890123.4568");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportExports.xlsx(report)))) {
            java.util.List<String> amounts = new java.util.ArrayList<>();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("1234567890123")) {
                    amounts.add(cell.getStringCellValue());
                }
                if (cell.getCellType() == CellType.NUMERIC) {
                    assertThat(cell.getNumericCellValue()).isLessThan(1e12);
                }
            }));
            assertThat(amounts).isNotEmpty().containsOnly("1234567890123.456789");
        }
    }
}
