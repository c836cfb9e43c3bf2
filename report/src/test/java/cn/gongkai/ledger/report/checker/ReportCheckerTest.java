package cn.gongkai.ledger.report.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AnnualReport.Check;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of the checker, on reports typed in as canonical JSON. */
class ReportCheckerTest {
    /** A consistent all-zero report of {@code year}, as JSON to be broken by a test. */
    private static ObjectNode zeros(int year, ReportFormat format) {
        return ReportJson.toJson(ReportFold.fold(List.of(),
                new ReportRequest(new AgencyId("test-agency"), year, format, null, null)));
    }

    private static ObjectNode row(ObjectNode report, String row) {
        return (ObjectNode) report.path("table3").path(row);
    }

    private static List<String> rulesAndCells(ObjectNode json) {
        return ReportChecker.check(ReportJson.fromJson(json)).stream().map(c -> c.rule() + " " + c.cell()).toList();
    }

    @Test
    void a_consistent_report_breaks_no_rule() {
        assertThat(ReportChecker.check(ReportJson.fromJson(zeros(2024, ReportFormat.Y2021)))).isEmpty();
        assertThat(ReportChecker.check(ReportJson.fromJson(zeros(2020, ReportFormat.Y2019)))).isEmpty();
    }

    @Test
    void a_blank_or_missing_cell_is_incomplete_not_zero() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        row(json, "一").putNull("自然人");
        row(json, "四").remove("总计");
        ((ObjectNode) json.path("table4")).put("复议.维持", "");
        ((ObjectNode) json.path("table2").path("规章")).putNull("现行有效件数");
        assertThat(rulesAndCells(json)).containsExactly("blank table2/规章/现行有效件数", "blank table3/一/自然人",
                "blank table3/四/总计", "blank table4/复议.维持");
    }

    @Test
    void a_row_column_or_table_blank_throughout_is_one_finding_naming_its_cells() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        json.path("table3").fieldNames().forEachRemaining(r -> row(json, r).putNull("科研机构"));
        List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计").forEach(c -> row(json, "三.五.5").putNull(c));
        row(json, "一").putNull("总计");
        ((ObjectNode) json.path("table2").path("行政规范性文件")).putNull("本年制发件数").putNull("本年废止件数").putNull("现行有效件数");
        List.of("复议", "直诉", "复议后诉").forEach(g -> ((ObjectNode) json.path("table4")).putNull(g + ".总计"));

        List<Check> checks = ReportChecker.check(ReportJson.fromJson(json));

        assertThat(checks).extracting(c -> c.rule() + " " + c.cell()).containsExactly(
                "blank table2/行政规范性文件/*", "blank table3/*/科研机构", "blank table3/一/总计", "blank table3/三.五.5/*",
                "blank table4/*.总计");
        assertThat(checks.get(1).cells()).hasSize(25).startsWith("table3/一/科研机构").endsWith("table3/四/科研机构");
        assertThat(checks.get(1).message()).startsWith("整列空白（25个单元格：table3/一/科研机构、table3/二/科研机构、");
        assertThat(checks.get(2).cells()).containsExactly("table3/一/总计");
        assertThat(checks.get(3).cells()).hasSize(7).contains("table3/三.五.5/科研机构", "table3/三.五.5/总计");
        assertThat(checks.get(4).cells()).containsExactly("table4/复议.总计", "table4/直诉.总计", "table4/复议后诉.总计");

        ObjectNode empty = zeros(2024, ReportFormat.Y2021);
        empty.path("table3").fieldNames().forEachRemaining(r -> row(empty, r).fieldNames()
                .forEachRemaining(c -> row(empty, r).putNull(c)));
        assertThat(rulesAndCells(empty)).containsExactly("blank table3/*");
    }

    @Test
    void a_sum_with_a_blank_part_is_not_checked_since_the_blank_is_listed() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        row(json, "一").putNull("自然人").put("总计", 5);
        assertThat(rulesAndCells(json)).contains("blank table3/一/自然人").noneMatch(s -> s.startsWith("row-total table3/一/"));
    }

    @Test
    void a_negative_count_is_listed_but_a_2019_本年增减_may_be_negative() {
        ObjectNode json = zeros(2020, ReportFormat.Y2019);
        ((ObjectNode) json.path("table2").path("行政许可")).put("本年增/减", -3).put("处理决定数量", -1);
        assertThat(rulesAndCells(json)).containsExactly("negative table2/行政许可/处理决定数量");
    }

    @Test
    void a_negative_table3_cell_is_listed_with_every_sum_it_breaks() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        row(json, "三.三.1").put("科研机构", -1);
        assertThat(rulesAndCells(json)).containsExactly("negative table3/三.三.1/科研机构", "row-total table3/三.三.1/总计",
                "outcome-total table3/三.七/科研机构");
    }

    @Test
    void row_total_总计_must_be_the_sum_of_the_six() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        row(json, "三.五.2").put("其他", 2);
        row(json, "三.七").put("其他", 2);
        row(json, "二").put("其他", 2);
        row(json, "二").put("总计", 2);
        row(json, "三.七").put("总计", 2);
        List<Check> checks = ReportChecker.check(ReportJson.fromJson(json));
        assertThat(checks).extracting(c -> c.rule() + " " + c.cell()).containsExactly("row-total table3/三.五.2/总计",
                "outcome-total table3/三.七/总计");
        assertThat(checks.get(0).message()).contains("合计 0").contains("Total 0 is not the sum of the six applicant columns (2)");
    }

    @Test
    void outcome_total_三七_must_be_the_sum_of_the_outcome_rows() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        row(json, "三.六.3").put("自然人", 1).put("总计", 1);
        row(json, "二").put("自然人", 1).put("总计", 1);
        assertThat(rulesAndCells(json)).containsExactly("outcome-total table3/三.七/自然人", "outcome-total table3/三.七/总计",
                "column-identity table3/*/自然人", "column-identity table3/*/总计");
    }

    @Test
    void in_the_2019_format_三六_is_one_outcome_row() {
        ObjectNode json = zeros(2020, ReportFormat.Y2019);
        row(json, "三.六").put("自然人", 1).put("总计", 1);
        row(json, "三.七").put("自然人", 1).put("总计", 1);
        row(json, "一").put("自然人", 1).put("总计", 1);
        assertThat(rulesAndCells(json)).isEmpty();
    }

    @Test
    void column_identity_一加二_must_equal_三七加四() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        row(json, "一").put("商业企业", 3).put("总计", 3);
        row(json, "四").put("商业企业", 2).put("总计", 2);
        List<Check> checks = ReportChecker.check(ReportJson.fromJson(json));
        assertThat(checks).extracting(Check::cell).containsExactly("table3/*/商业企业", "table3/*/总计");
        assertThat(checks.get(0).message()).isEqualTo("第一项加第二项之和（3+0=3）不等于第三项加第四项之和（0+2=2）"
                + " / 一 + 二 (3+0=3) is not 三.七 + 四 (0+2=2)");
    }

    @Test
    void table4_group_total_must_be_the_sum_of_its_four_columns() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        ((ObjectNode) json.path("table4")).put("复议后诉.未审结", 1).put("直诉.总计", 1);
        assertThat(rulesAndCells(json)).containsExactly("group-total table4/直诉.总计", "group-total table4/复议后诉.总计");
    }

    @Test
    void carry_over_二_must_equal_last_years_四() {
        ObjectNode last = zeros(2023, ReportFormat.Y2021);
        row(last, "一").put("自然人", 2).put("总计", 2);
        row(last, "四").put("自然人", 2).put("总计", 2);
        ObjectNode now = zeros(2024, ReportFormat.Y2021);
        row(now, "二").put("自然人", 1).put("总计", 1);
        row(now, "三.一").put("自然人", 1).put("总计", 1);
        row(now, "三.七").put("自然人", 1).put("总计", 1);
        AnnualReport lastYear = ReportJson.fromJson(last);
        assertThat(ReportChecker.check(ReportJson.fromJson(now), lastYear)).extracting(c -> c.rule() + " " + c.cell())
                .containsExactly("carry-over table3/二/自然人", "carry-over table3/二/总计");
        assertThat(ReportChecker.check(ReportJson.fromJson(now))).isEmpty();
    }

    @Test
    void carry_over_needs_the_report_of_the_year_before() {
        AnnualReport report = ReportJson.fromJson(zeros(2024, ReportFormat.Y2021));
        AnnualReport other = ReportJson.fromJson(zeros(2022, ReportFormat.Y2021));
        assertThatThrownBy(() -> ReportChecker.check(report, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2022");
    }

    @Test
    void checked_replaces_the_checks_of_a_report() {
        ObjectNode json = zeros(2024, ReportFormat.Y2021);
        row(json, "一").putNull("自然人");
        AnnualReport checked = ReportChecker.checked(ReportJson.fromJson(json), null);
        assertThat(checked.checks()).hasSize(1);
        assertThat(checked.cells().get("table3/一/自然人")).isNull();
        assertThat(checked.cells().get("table3/一/总计")).isEqualTo(BigDecimal.ZERO);
    }
}
