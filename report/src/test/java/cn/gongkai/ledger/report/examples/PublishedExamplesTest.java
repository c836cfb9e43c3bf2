package cn.gongkai.ledger.report.examples;

import static cn.gongkai.ledger.api.agency.NormativeDocumentKind.NORMATIVE_DOCUMENT;
import static cn.gongkai.ledger.api.agency.NormativeDocumentKind.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.checker.ReportChecker;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.History;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.parser.PublishedReportParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every published example of spec/examples (copied to the test resources): the checker flags exactly the
 * cells where the published report is itself incomplete or inconsistent, and an event history consistent with
 * the published tables folds to the published report, cell for cell, except those flagged cells.
 */
class PublishedExamplesTest {
    private static final List<String> SIX = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");

    static String example(String name) {
        try (InputStream in = PublishedExamplesTest.class.getResourceAsStream("/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> flagged(AnnualReport published) {
        return ReportChecker.check(published).stream().map(c -> c.rule() + " " + c.cell()).collect(Collectors.toSet());
    }

    /** The blank check on every applicant column (not 总计) of table 三: one finding per column, blank throughout. */
    private static Set<String> blankApplicantColumns() {
        return SIX.stream().map(c -> "blank table3/*/" + c).collect(Collectors.toSet());
    }

    /** Every cell the checker flagged, grouped findings expanded to the cells they name. */
    private static Set<String> flaggedCells(AnnualReport published) {
        return ReportChecker.check(published).stream().flatMap(c -> c.cells().stream()).collect(Collectors.toSet());
    }

    /** The folded report equals the published one in every cell the checker did not flag. */
    private static void assertFoldMatches(AnnualReport published, History history) {
        AnnualReport folded = ReportFold.fold(history.events(),
                new ReportRequest(history.agency, published.year(), published.format(), null, null));
        Set<String> flaggedCells = flaggedCells(published);
        Map<String, BigDecimal> generated = folded.cells();
        List<String> compared = new ArrayList<>();
        published.cells().forEach((cell, value) -> {
            if (!flaggedCells.contains(cell)) {
                assertThat(generated.get(cell)).as(cell).isEqualByComparingTo(value);
                compared.add(cell);
            }
        });
        assertThat(compared.size() + flaggedCells.size()).isEqualTo(published.cells().size());
        assertThat(ReportChecker.check(folded)).isEmpty();
        assertThat(folded.agency().name()).isEqualTo(published.agency().name());
    }

    @Test
    void bazhou_2021_pipe_separated_is_consistent_and_folds_to_all_zeros() {
        AnnualReport published = PublishedReportParser.parse(example("bazhou-commerce-2021.txt"));
        assertThat(published.year()).isEqualTo(2021);
        assertThat(published.format()).isEqualTo(ReportFormat.Y2021);
        assertThat(flagged(published)).isEmpty();
        History h = new History("bazhou-commerce").register("巴州商务局")
                .issue("r1", RULE, LocalDate.of(2018, 3, 1)).repeal("r1", LocalDate.of(2020, 12, 31))
                .receive("2020-1", ApplicantType.NATURAL_PERSON, LocalDate.of(2020, 6, 1))
                .reply("2020-1", LocalDate.of(2020, 12, 31), Outcome.DISCLOSED)
                .receive("2022-1", ApplicantType.COMMERCIAL_ENTERPRISE, LocalDate.of(2022, 1, 1))
                .fileReconsideration("1", LocalDate.of(2020, 3, 1))
                .decideReconsideration("1", LocalDate.of(2020, 5, 1), ReconsiderationResult.UPHELD)
                .tally(Article20Category.LICENSING, LocalDate.of(2022, 1, 4), 3);
        assertFoldMatches(published, h);
    }

    @Test
    void laizhou_2023_tab_separated_misses_three_总计_cells() {
        AnnualReport published = PublishedReportParser.parse(example("laizhou-commerce-2023.txt"));
        assertThat(published.year()).isEqualTo(2023);
        assertThat(published.format()).isEqualTo(ReportFormat.Y2021);
        assertThat(published.table2().get("行政规范性文件")).containsEntry("本年废止件数", BigDecimal.valueOf(4));
        assertThat(flagged(published)).containsExactlyInAnyOrder("blank table3/一/总计", "blank table3/二/总计",
                "blank table3/三.一/总计");
        History h = new History("laizhou-commerce").register("莱州市商务局");
        for (int i = 1; i <= 4; i++) {
            h.issue("old" + i, NORMATIVE_DOCUMENT, LocalDate.of(2022, i, 10)).repeal("old" + i, LocalDate.of(2023, i, 20))
                    .issue("new" + i, NORMATIVE_DOCUMENT, LocalDate.of(2023, i + 2, 1));
        }
        h.receive("2022-1", ApplicantType.NATURAL_PERSON, LocalDate.of(2022, 11, 1))
                .reply("2022-1", LocalDate.of(2022, 11, 20), Outcome.UNAVAILABLE_NOT_HELD)
                .fileLawsuit("2022", Route.DIRECT, LocalDate.of(2022, 1, 5))
                .takeEffect("2022", Instance.FIRST, LocalDate.of(2022, 9, 1), AppealOutcome.UPHELD);
        assertFoldMatches(published, h);
    }

    @Test
    void ninghe_2020_one_cell_per_line_in_the_2019_format_leaves_every_applicant_column_blank() {
        AnnualReport published = PublishedReportParser.parse(example("ninghe-commerce-2020.txt"));
        assertThat(published.year()).isEqualTo(2020);
        assertThat(published.format()).isEqualTo(ReportFormat.Y2019);
        assertThat(published.table3()).containsKey("三.六").doesNotContainKey("三.六.1");
        // 23 rows x 6 applicant columns blank: six findings, one per column, each naming its 23 cells
        assertThat(flagged(published)).isEqualTo(blankApplicantColumns());
        assertThat(ReportChecker.check(published)).allSatisfy(c -> assertThat(c.cells()).hasSize(23));
        assertThat(flaggedCells(published)).hasSize(23 * 6);
        History h = new History("ninghe-commerce").register("天津市宁河区商务局")
                .receive("2019-1", ApplicantType.NATURAL_PERSON, LocalDate.of(2019, 8, 1))
                .withdraw("2019-1", LocalDate.of(2019, 8, 5))
                .procurement(LocalDate.of(2021, 3, 1), 1, "50000");
        assertFoldMatches(published, h);
    }

    @Test
    void panjin_2021_tab_per_cell_with_wrapped_labels_leaves_applicant_columns_and_现行有效_blank() {
        AnnualReport published = PublishedReportParser.parse(example("panjin-commerce-2021.txt"));
        assertThat(published.year()).isEqualTo(2021);
        assertThat(published.format()).isEqualTo(ReportFormat.Y2021);
        assertThat(published.table2().get("行政许可")).containsEntry("本年处理决定数量", BigDecimal.valueOf(152));
        Set<String> expected = blankApplicantColumns();
        expected.add("blank table2/规章/现行有效件数");
        expected.add("blank table2/行政规范性文件/现行有效件数");
        assertThat(flagged(published)).isEqualTo(expected).hasSize(6 + 2);
        assertThat(flaggedCells(published)).hasSize(25 * 6 + 2);
        History h = new History("panjin-commerce").register("盘锦市商务局");
        for (int i = 1; i <= 4; i++) {
            h.issue("d" + i, NORMATIVE_DOCUMENT, LocalDate.of(2021, 2 * i, 15));
        }
        h.tally(Article20Category.LICENSING, LocalDate.of(2021, 3, 31), 100)
                .tally(Article20Category.LICENSING, LocalDate.of(2021, 9, 30), 50)
                .tally(Article20Category.LICENSING, LocalDate.of(2021, 12, 31), 2)
                .tally(Article20Category.LICENSING, LocalDate.of(2020, 12, 31), 80)
                .tally(Article20Category.LICENSING, LocalDate.of(2022, 1, 1), 7);
        assertFoldMatches(published, h);
    }

    @Test
    void a_cell_wrapped_onto_the_line_after_its_tab_is_read_as_that_cell_and_the_checks_it_masked_run() {
        // wrapped-cells-2021.txt (written for this test): one cell per line; four cells of 三.五.5 are "\t" alone with
        // the value on the next line. No false blank; the real errors behind them are flagged: 三.五.5 prints 总计 4
        // for 2 + 1, so its row total and the 总计 column's outcome total (3 + 4 = 7, printed 6) are broken.
        AnnualReport published = PublishedReportParser.parse(example("wrapped-cells-2021.txt"));

        assertThat(published.format()).isEqualTo(ReportFormat.Y2021);
        assertThat(published.table3().get("三.五.5")).containsExactly(Map.entry("自然人", 2), Map.entry("商业企业", 0),
                Map.entry("科研机构", 0), Map.entry("社会公益组织", 0), Map.entry("法律服务机构", 1), Map.entry("其他", 0),
                Map.entry("总计", 4));
        assertThat(published.table2().get("行政许可")).containsEntry("本年处理决定数量", BigDecimal.valueOf(152));
        assertThat(flagged(published)).containsExactlyInAnyOrder("row-total table3/三.五.5/总计",
                "outcome-total table3/三.七/总计");
    }

    @Test
    void cells_with_units_are_read_and_blank_rows_are_one_finding_each() {
        // units-and-blank-rows-2022.txt (written for this test): tab-separated rows; counts printed as 3件 and 1个, the
        // fee as 251000元 (25.1 万元); 总计 left blank on eleven rows (一, 二, 三.一, 三.三.1–8), the rows 三.五.1–5 blank
        // throughout, and 一 + 二 ≠ 三.七 + 四 for 自然人 (10 + 0 against 8 + 1): 11 + 5 + 1 findings, not 46 blanks + 1
        AnnualReport published = PublishedReportParser.parse(example("units-and-blank-rows-2022.txt"));

        assertThat(published.table2().get("行政事业性收费")).containsEntry("本年收费金额", new BigDecimal("25.1"));
        assertThat(published.table2().get("行政规范性文件")).containsEntry("本年制发件数", BigDecimal.valueOf(4))
                .containsEntry("现行有效件数", BigDecimal.valueOf(15));
        assertThat(published.table3().get("一")).containsEntry("自然人", 10).containsEntry("其他", 1);
        assertThat(published.table4()).containsEntry("复议.总计", 1);
        List<AnnualReport.Check> checks = ReportChecker.check(published);
        Set<String> expected = new java.util.HashSet<>();
        for (String row : List.of("一", "二", "三.一", "三.三.1", "三.三.2", "三.三.3", "三.三.4", "三.三.5", "三.三.6", "三.三.7",
                "三.三.8")) {
            expected.add("blank table3/" + row + "/总计");
        }
        for (int i = 1; i <= 5; i++) {
            expected.add("blank table3/三.五." + i + "/*");
        }
        expected.add("column-identity table3/*/自然人");
        assertThat(flagged(published)).isEqualTo(expected);
        assertThat(checks).hasSize(17);
        assertThat(checks).filteredOn(c -> c.cell().equals("table3/三.五.5/*")).singleElement().satisfies(c -> {
            assertThat(c.cells()).hasSize(7).contains("table3/三.五.5/自然人", "table3/三.五.5/总计");
            assertThat(c.message()).contains("整行空白", "7个单元格", "table3/三.五.5/法律服务机构");
        });
    }
}
