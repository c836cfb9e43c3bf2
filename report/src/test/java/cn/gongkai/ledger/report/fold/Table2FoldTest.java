package cn.gongkai.ledger.report.fold;

import static cn.gongkai.ledger.api.agency.NormativeDocumentKind.NORMATIVE_DOCUMENT;
import static cn.gongkai.ledger.api.agency.NormativeDocumentKind.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.Article20Category;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Table 二 in both formats, from the agency's Article-20 register. */
class Table2FoldTest {
    private final History history = new History("bazhou-commerce");

    private Map<String, Map<String, BigDecimal>> table2(int year, ReportFormat format) {
        return ReportFold.fold(history.events(), new ReportRequest(history.agency, year, format, null, null)).table2();
    }

    private static BigDecimal n(int value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void documents_issued_repealed_and_in_force_per_kind() {
        history.issue("r1", RULE, LocalDate.of(2020, 5, 1))
                .issue("d1", NORMATIVE_DOCUMENT, LocalDate.of(2021, 1, 1))
                .issue("d2", NORMATIVE_DOCUMENT, LocalDate.of(2021, 12, 31))
                .issue("d3", NORMATIVE_DOCUMENT, LocalDate.of(2022, 1, 1))
                .repeal("r1", LocalDate.of(2021, 7, 1))
                .issue("d0", NORMATIVE_DOCUMENT, LocalDate.of(2019, 7, 1)).repeal("d0", LocalDate.of(2021, 12, 31));
        Map<String, Map<String, BigDecimal>> t = table2(2021, ReportFormat.Y2021);
        assertThat(t.get("规章")).containsExactlyInAnyOrderEntriesOf(Map.of("本年制发件数", n(0), "本年废止件数", n(1), "现行有效件数", n(0)));
        assertThat(t.get("行政规范性文件")).containsEntry("本年制发件数", n(2)).containsEntry("本年废止件数", n(1))
                .containsEntry("现行有效件数", n(2));
        assertThat(table2(2020, ReportFormat.Y2021).get("规章")).containsEntry("现行有效件数", n(1));
    }

    @Test
    void an_expired_document_leaves_现行有效_but_is_not_counted_as_repealed() {
        history.issue("d1", NORMATIVE_DOCUMENT, LocalDate.of(2019, 1, 1)).expire("d1", LocalDate.of(2021, 6, 30));
        Map<String, BigDecimal> row = table2(2021, ReportFormat.Y2021).get("行政规范性文件");
        assertThat(row).containsEntry("本年废止件数", n(0)).containsEntry("现行有效件数", n(0));
        assertThat(table2(2020, ReportFormat.Y2021).get("行政规范性文件")).containsEntry("现行有效件数", n(1));
    }

    @ParameterizedTest
    @EnumSource(value = Article20Category.class, names = {"LICENSING", "PENALTY", "ENFORCEMENT"})
    void decisions_are_summed_by_decision_date_in_the_year(Article20Category category) {
        history.tally(category, LocalDate.of(2021, 1, 1), 100).tally(category, LocalDate.of(2021, 12, 31), 52)
                .tally(category, LocalDate.of(2020, 12, 31), 7).tally(category, LocalDate.of(2022, 1, 1), 9)
                .tally(Article20Category.OTHER_SERVICE, LocalDate.of(2021, 5, 1), 1000);
        assertThat(table2(2021, ReportFormat.Y2021).get(category.key())).containsExactlyInAnyOrderEntriesOf(Map.of("本年处理决定数量", n(152)));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "12345,1.2345", "100000,10", "123.45,0.012345", "10000.00,1", "5000,0.5"})
    void fees_are_shown_in_万元_exactly(String yuan, String wan) {
        if (!yuan.equals("0")) {
            history.fees(LocalDate.of(2021, 3, 1), yuan);
        }
        history.fees(LocalDate.of(2020, 12, 31), "999");
        BigDecimal fees = table2(2021, ReportFormat.Y2021).get("行政事业性收费").get("本年收费金额");
        assertThat(fees.toPlainString()).isEqualTo(wan);
    }

    @Test
    void fees_of_several_batches_add_up_exactly() {
        history.fees(LocalDate.of(2021, 3, 1), "0.1").fees(LocalDate.of(2021, 4, 1), "0.2");
        assertThat(table2(2021, ReportFormat.Y2021).get("行政事业性收费").get("本年收费金额").toPlainString())
                .isEqualTo("0.00003");
    }

    @Test
    void the_2021_key_set_is_the_specs() {
        assertThat(table2(2021, ReportFormat.Y2021)).containsOnlyKeys("规章", "行政规范性文件", "行政许可", "行政处罚",
                "行政强制", "行政事业性收费");
    }

    @Test
    void the_2019_key_set_is_the_specs() {
        Map<String, Map<String, BigDecimal>> t = table2(2020, ReportFormat.Y2019);
        assertThat(t.keySet()).containsExactly("规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制",
                "行政事业性收费", "政府集中采购");
        assertThat(t.get("规章").keySet()).containsExactly("本年新制作数量", "本年新公开数量", "对外公开总数量");
        assertThat(t.get("行政许可").keySet()).containsExactly("上一年项目数量", "本年增/减", "处理决定数量");
        assertThat(t.get("行政事业性收费").keySet()).containsExactly("上一年项目数量", "本年增/减");
        assertThat(t.get("政府集中采购").keySet()).containsExactly("采购项目数量", "采购总金额");
    }

    @Test
    void the_2019_document_columns_are_issued_issued_and_in_force() {
        history.issue("r1", RULE, LocalDate.of(2018, 5, 1)).issue("r2", RULE, LocalDate.of(2020, 5, 1))
                .issue("r3", RULE, LocalDate.of(2017, 5, 1)).repeal("r3", LocalDate.of(2020, 1, 1))
                .issue("d1", NORMATIVE_DOCUMENT, LocalDate.of(2020, 2, 1));
        Map<String, Map<String, BigDecimal>> t = table2(2020, ReportFormat.Y2019);
        assertThat(t.get("规章")).containsExactlyInAnyOrderEntriesOf(Map.of("本年新制作数量", n(1), "本年新公开数量", n(1), "对外公开总数量", n(2)));
        assertThat(t.get("规范性文件")).containsEntry("对外公开总数量", n(1));
    }

    @Test
    void the_2019_item_columns_come_from_catalogue_counts_and_decisions_from_tallies() {
        history.items(Article20Category.LICENSING, LocalDate.of(2019, 6, 30), 10)
                .items(Article20Category.LICENSING, LocalDate.of(2019, 12, 31), 12)
                .items(Article20Category.LICENSING, LocalDate.of(2020, 7, 1), 9)
                .items(Article20Category.LICENSING, LocalDate.of(2021, 1, 1), 30)
                .tally(Article20Category.LICENSING, LocalDate.of(2020, 3, 3), 44)
                .items(Article20Category.OTHER_SERVICE, LocalDate.of(2020, 7, 1), 5)
                .tally(Article20Category.OTHER_SERVICE, LocalDate.of(2020, 7, 2), 6)
                .items(Article20Category.ADMINISTRATIVE_FEE, LocalDate.of(2018, 1, 1), 3);
        Map<String, Map<String, BigDecimal>> t = table2(2020, ReportFormat.Y2019);
        assertThat(t.get("行政许可")).containsExactlyInAnyOrderEntriesOf(Map.of("上一年项目数量", n(12), "本年增/减", n(-3), "处理决定数量", n(44)));
        assertThat(t.get("其他对外管理服务事项")).containsExactlyInAnyOrderEntriesOf(Map.of("上一年项目数量", n(0), "本年增/减", n(5), "处理决定数量", n(6)));
        assertThat(t.get("行政事业性收费")).containsExactlyInAnyOrderEntriesOf(Map.of("上一年项目数量", n(3), "本年增/减", n(0)));
        assertThat(t.get("行政处罚")).containsExactlyInAnyOrderEntriesOf(Map.of("上一年项目数量", n(0), "本年增/减", n(0), "处理决定数量", n(0)));
    }

    @Test
    void the_later_recorded_count_wins_on_the_same_date() {
        history.items(Article20Category.PENALTY, LocalDate.of(2020, 12, 31), 8)
                .items(Article20Category.PENALTY, LocalDate.of(2020, 12, 31), 6);
        assertThat(table2(2020, ReportFormat.Y2019).get("行政处罚")).containsEntry("本年增/减", n(6));
    }

    @Test
    void the_2019_procurement_columns_count_projects_and_amount_in_万元() {
        history.procurement(LocalDate.of(2020, 1, 1), 2, "150000").procurement(LocalDate.of(2020, 12, 31), 1, "2500.5")
                .procurement(LocalDate.of(2019, 12, 31), 9, "1");
        Map<String, BigDecimal> row = table2(2020, ReportFormat.Y2019).get("政府集中采购");
        assertThat(row.get("采购项目数量")).isEqualTo(n(3));
        assertThat(row.get("采购总金额").toPlainString()).isEqualTo("15.25005");
    }

    @Test
    void the_agency_name_comes_from_its_registration() {
        history.register("巴州商务局");
        AnnualReport report = ReportFold.fold(history.events(), ReportRequest.of(history.agency, 2021));
        assertThat(report.agency()).isEqualTo(new AnnualReport.Agency("bazhou-commerce", "巴州商务局"));
        assertThat(report.checks()).isEqualTo(List.of());
    }
}
