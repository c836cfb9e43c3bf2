package cn.gongkai.ledger.report.fold;

import static cn.gongkai.ledger.api.common.ApplicantType.COMMERCIAL_ENTERPRISE;
import static cn.gongkai.ledger.api.common.ApplicantType.LEGAL_SERVICE_INSTITUTION;
import static cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.checker.ReportChecker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table 三, one test per rule and per row key, on hand-built histories. */
class Table3FoldTest {
    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final LocalDate MAR_1 = LocalDate.of(2024, 3, 1);

    private final History history = new History("ninghe-commerce");

    private AnnualReport fold(int year, ReportFormat format) {
        return ReportFold.fold(history.events(), new ReportRequest(history.agency, year, format, null, null));
    }

    private AnnualReport fold2024() {
        return fold(2024, ReportFormat.Y2021);
    }

    /** The non-zero cells of table 三 as "row/column" → count. */
    private static Map<String, Integer> nonZero(AnnualReport report) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        report.table3().forEach((row, columns) -> columns.forEach((column, v) -> {
            if (v != 0) {
                cells.put(row + "/" + column, v);
            }
        }));
        return cells;
    }

    @Test
    void row一_counts_requests_received_in_the_year_whatever_became_of_them() {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, Outcome.DISCLOSED)
                .receive("b", NATURAL_PERSON, LocalDate.of(2024, 12, 31))
                .receive("c", NATURAL_PERSON, LocalDate.of(2023, 12, 31))
                .receive("d", NATURAL_PERSON, LocalDate.of(2025, 1, 1));
        assertThat(fold2024().table3().get("一").get("自然人")).isEqualTo(2);
    }

    @Test
    void row二_counts_requests_received_before_and_open_on_1_january() {
        history.receive("open", NATURAL_PERSON, LocalDate.of(2023, 12, 20))
                .receive("closedOnNewYear", NATURAL_PERSON, LocalDate.of(2023, 12, 21))
                .reply("closedOnNewYear", LocalDate.of(2024, 1, 1), Outcome.DISCLOSED)
                .receive("closedOnNewYearsEve", NATURAL_PERSON, LocalDate.of(2023, 12, 22))
                .reply("closedOnNewYearsEve", LocalDate.of(2023, 12, 31), Outcome.DISCLOSED)
                .receive("thisYear", NATURAL_PERSON, JAN_2);
        assertThat(fold2024().table3().get("二").get("自然人")).isEqualTo(2);
    }

    @Test
    void row二_equals_last_years_row四_in_every_column() {
        history.receive("a", NATURAL_PERSON, LocalDate.of(2023, 5, 1))
                .receive("b", COMMERCIAL_ENTERPRISE, LocalDate.of(2023, 12, 30))
                .reply("b", LocalDate.of(2024, 1, 3), Outcome.UNAVAILABLE_NOT_HELD)
                .receive("c", LEGAL_SERVICE_INSTITUTION, LocalDate.of(2023, 12, 1))
                .reply("c", LocalDate.of(2023, 12, 20), Outcome.DISCLOSED);
        AnnualReport last = fold(2023, ReportFormat.Y2021);
        AnnualReport now = fold2024();
        assertThat(now.table3().get("二")).isEqualTo(last.table3().get("四"));
        assertThat(now.table3().get("二").get("总计")).isEqualTo(2);
        assertThat(ReportChecker.check(now, last)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void each_outcome_row_counts_a_request_replied_with_that_primary_outcome(Outcome outcome) {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, outcome);
        assertThat(nonZero(fold2024())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "一/自然人", 1, "一/总计", 1, outcome.key() + "/自然人", 1, outcome.key() + "/总计", 1,
                "三.七/自然人", 1, "三.七/总计", 1));
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void in_the_2019_format_each_outcome_counts_in_its_row_with_三六_as_one_row(Outcome outcome) {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, outcome);
        AnnualReport report = fold(2024, ReportFormat.Y2019);
        String row = outcome.key().startsWith("三.六") ? "三.六" : outcome.key();
        assertThat(report.table3().get(row).get("自然人")).isEqualTo(1);
        assertThat(report.table3()).doesNotContainKeys("三.六.1", "三.六.2", "三.六.3");
        assertThat(report.table3().keySet()).hasSize(23);
    }

    @Test
    void the_2019_row_三六_is_the_sum_of_the_three_2021_rows() {
        history.receive("a", NATURAL_PERSON, JAN_2).closeForMissingCorrection("a", JAN_2, MAR_1)
                .receive("b", NATURAL_PERSON, JAN_2).closeForUnpaidFee("b", JAN_2, MAR_1)
                .receive("c", NATURAL_PERSON, JAN_2).withdraw("c", MAR_1);
        AnnualReport y2021 = fold2024();
        assertThat(List.of("三.六.1", "三.六.2", "三.六.3")).allSatisfy(row ->
                assertThat(y2021.table3().get(row).get("自然人")).isEqualTo(1));
        assertThat(fold(2024, ReportFormat.Y2019).table3().get("三.六").get("自然人")).isEqualTo(3);
    }

    @Test
    void closing_for_a_missing_correction_counts_under_三六1() {
        history.receive("a", NATURAL_PERSON, JAN_2).closeForMissingCorrection("a", JAN_2, MAR_1);
        assertThat(fold2024().table3().get("三.六.1").get("自然人")).isEqualTo(1);
    }

    @Test
    void closing_for_an_unpaid_fee_counts_under_三六2() {
        history.receive("a", NATURAL_PERSON, JAN_2).closeForUnpaidFee("a", JAN_2, MAR_1);
        assertThat(fold2024().table3().get("三.六.2").get("自然人")).isEqualTo(1);
    }

    @Test
    void a_withdrawn_request_counts_under_三六3_in_the_year_of_withdrawal() {
        history.receive("a", NATURAL_PERSON, LocalDate.of(2023, 11, 1)).withdraw("a", MAR_1);
        AnnualReport report = fold2024();
        assertThat(CountingRules.WITHDRAWAL).isEqualTo(Outcome.OTHER);
        assertThat(report.table3().get("三.六.3").get("自然人")).isEqualTo(1);
        assertThat(fold(2023, ReportFormat.Y2021).table3().get("四").get("自然人")).isEqualTo(1);
    }

    @Test
    void a_reply_that_discloses_part_and_withholds_part_counts_only_under_三二() {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, Outcome.DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS)
                .receive("b", NATURAL_PERSON, JAN_2).reply("b", MAR_1, Outcome.WITHHELD_STATE_SECRET, Outcome.DISCLOSED)
                .receive("c", NATURAL_PERSON, JAN_2).reply("c", MAR_1, Outcome.PARTIALLY_DISCLOSED);
        Map<String, Integer> cells = nonZero(fold2024());
        assertThat(cells).containsEntry("三.二/自然人", 3).doesNotContainKeys("三.一/自然人", "三.三.4/自然人",
                "三.三.1/自然人");
    }

    @Test
    void several_refusal_reasons_count_once_under_the_primary_reason_only() {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, Outcome.WITHHELD_PROCESS_INFORMATION,
                Outcome.WITHHELD_INTERNAL_AFFAIRS, Outcome.UNAVAILABLE_NOT_HELD);
        assertThat(nonZero(fold2024())).containsEntry("三.三.6/自然人", 1).containsEntry("三.七/自然人", 1)
                .doesNotContainKeys("三.三.5/自然人", "三.四.1/自然人");
    }

    @Test
    void a_multi_item_request_is_one_unit() {
        history.receive("a", COMMERCIAL_ENTERPRISE, JAN_2).reply("a", MAR_1, Outcome.DISCLOSED,
                Outcome.UNAVAILABLE_NOT_HELD, Outcome.UNAVAILABLE_WOULD_NEED_CREATION);
        AnnualReport report = fold2024();
        assertThat(report.table3().get("一").get("总计")).isEqualTo(CountingRules.UNITS_PER_REQUEST);
        assertThat(report.table3().get("三.七").get("总计")).isEqualTo(1);
    }

    @Test
    void a_lawyer_applying_in_their_own_name_is_counted_as_recorded_a_natural_person() {
        history.receive("lawyer", NATURAL_PERSON, JAN_2).receive("firm", LEGAL_SERVICE_INSTITUTION, JAN_2);
        Map<String, Integer> received = fold2024().table3().get("一");
        assertThat(received).containsEntry("自然人", 1).containsEntry("法律服务机构", 1).containsEntry("总计", 2);
    }

    @ParameterizedTest
    @EnumSource(ApplicantType.class)
    void each_applicant_column_counts_its_requests_and_总计_sums_the_six(ApplicantType type) {
        history.receive("a", type, JAN_2).receive("b", type, JAN_2).reply("b", MAR_1, Outcome.DISCLOSED)
                .receive("c", NATURAL_PERSON, JAN_2);
        Map<String, Integer> received = fold2024().table3().get("一");
        assertThat(received.get(type.key())).isEqualTo(type == NATURAL_PERSON ? 3 : 2);
        assertThat(received.get("总计")).isEqualTo(3);
    }

    @Test
    void row三七_is_the_sum_of_the_outcome_rows() {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, Outcome.DISCLOSED)
                .receive("b", NATURAL_PERSON, JAN_2).reply("b", MAR_1, Outcome.NOT_PROCESSED_REPEATED)
                .receive("c", NATURAL_PERSON, JAN_2).withdraw("c", MAR_1)
                .receive("d", NATURAL_PERSON, JAN_2);
        AnnualReport report = fold2024();
        assertThat(report.table3().get("三.七").get("自然人")).isEqualTo(3);
        assertThat(ReportChecker.check(report)).isEmpty();
    }

    @Test
    void row四_counts_requests_received_by_31_december_and_not_concluded_by_then() {
        history.receive("a", NATURAL_PERSON, LocalDate.of(2024, 12, 31))
                .reply("a", LocalDate.of(2025, 1, 2), Outcome.DISCLOSED)
                .receive("b", NATURAL_PERSON, LocalDate.of(2022, 6, 1))
                .receive("c", NATURAL_PERSON, LocalDate.of(2024, 6, 1)).reply("c", LocalDate.of(2024, 12, 31), Outcome.DISCLOSED)
                .receive("d", NATURAL_PERSON, LocalDate.of(2025, 1, 1));
        assertThat(fold2024().table3().get("四").get("自然人")).isEqualTo(2);
    }

    @Test
    void received_31_december_answered_2_january_counts_in_一_and_四_then_in_二_and_三() {
        history.receive("a", COMMERCIAL_ENTERPRISE, LocalDate.of(2024, 12, 31))
                .reply("a", LocalDate.of(2025, 1, 2), Outcome.DISCLOSED);
        assertThat(nonZero(fold2024())).containsOnlyKeys("一/商业企业", "一/总计", "四/商业企业", "四/总计");
        assertThat(nonZero(fold(2025, ReportFormat.Y2021))).containsOnlyKeys("二/商业企业", "二/总计",
                "三.一/商业企业", "三.一/总计", "三.七/商业企业", "三.七/总计");
    }

    @Test
    void the_column_identity_holds_per_column() {
        history.receive("a", NATURAL_PERSON, LocalDate.of(2023, 12, 1))
                .receive("b", COMMERCIAL_ENTERPRISE, LocalDate.of(2023, 12, 2)).reply("b", MAR_1, Outcome.DISCLOSED)
                .receive("c", COMMERCIAL_ENTERPRISE, JAN_2).reply("c", MAR_1, Outcome.NOT_PROCESSED_PUBLICATION)
                .receive("d", NATURAL_PERSON, JAN_2);
        AnnualReport report = fold2024();
        for (String column : ReportFormat.table3Columns()) {
            Map<String, Map<String, Integer>> t = report.table3();
            assertThat(t.get("一").get(column) + t.get("二").get(column))
                    .isEqualTo(t.get("三.七").get(column) + t.get("四").get(column));
        }
        assertThat(report.table3().get("二").get("总计")).isEqualTo(2);
    }

    @Test
    void events_that_neither_conclude_nor_correct_change_nothing() {
        history.receive("a", NATURAL_PERSON, JAN_2);
        AnnualReport before = fold2024();
        history.busy("a", MAR_1);
        assertThat(fold2024().table3()).isEqualTo(before.table3());
    }

    @Test
    void an_applicant_type_correction_moves_the_request_to_the_corrected_column() {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, Outcome.DISCLOSED)
                .correctType("a", NATURAL_PERSON, LEGAL_SERVICE_INSTITUTION);
        Map<String, Integer> cells = nonZero(fold2024());
        assertThat(cells).containsEntry("一/法律服务机构", 1).containsEntry("三.一/法律服务机构", 1)
                .doesNotContainKey("一/自然人");
    }

    @Test
    void a_receipt_date_correction_moves_the_request_to_the_corrected_year() {
        history.receive("a", NATURAL_PERSON, LocalDate.of(2025, 1, 3))
                .correctReceipt("a", LocalDate.of(2025, 1, 3), LocalDate.of(2024, 12, 30));
        assertThat(nonZero(fold2024())).containsOnlyKeys("一/自然人", "一/总计", "四/自然人", "四/总计");
    }

    @Test
    void an_outcome_correction_moves_the_request_to_the_corrected_row_with_its_secondary_reasons() {
        history.receive("a", NATURAL_PERSON, JAN_2).reply("a", MAR_1, Outcome.DISCLOSED)
                .correctOutcome("a", Outcome.DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD)
                .receive("b", NATURAL_PERSON, JAN_2).reply("b", MAR_1, Outcome.WITHHELD_STATE_SECRET)
                .correctOutcome("b", Outcome.WITHHELD_STATE_SECRET, Outcome.DISCLOSED, Outcome.WITHHELD_STATE_SECRET);
        assertThat(nonZero(fold2024())).containsEntry("三.四.1/自然人", 1).containsEntry("三.二/自然人", 1)
                .doesNotContainKeys("三.一/自然人", "三.三.1/自然人");
    }

    @Test
    void a_conclusion_date_correction_moves_the_outcome_to_the_corrected_year() {
        history.receive("a", NATURAL_PERSON, LocalDate.of(2024, 12, 20))
                .reply("a", LocalDate.of(2024, 12, 30), Outcome.DISCLOSED)
                .correctConclusion("a", LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 6));
        assertThat(nonZero(fold2024())).containsOnlyKeys("一/自然人", "一/总计", "四/自然人", "四/总计");
        assertThat(fold(2025, ReportFormat.Y2021).table3().get("三.一").get("自然人")).isEqualTo(1);
    }

    @Test
    void a_conclusion_corrected_to_before_the_receipt_counts_on_the_receipt_date() {
        history.receive("a", NATURAL_PERSON, LocalDate.of(2024, 12, 20))
                .reply("a", LocalDate.of(2025, 1, 4), Outcome.DISCLOSED)
                .correctReceipt("a", LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 5));
        AnnualReport y2025 = fold(2025, ReportFormat.Y2021);
        assertThat(nonZero(fold2024())).isEmpty();
        assertThat(y2025.table3().get("一").get("自然人")).isEqualTo(1);
        assertThat(y2025.table3().get("三.一").get("自然人")).isEqualTo(1);
        assertThat(ReportChecker.check(y2025)).isEmpty();
    }

    @Test
    void requests_of_other_agencies_are_not_counted() {
        History other = new History("laizhou-commerce");
        other.receive("a", NATURAL_PERSON, JAN_2);
        history.receive("a", COMMERCIAL_ENTERPRISE, JAN_2);
        List<EventEnvelope> all = new ArrayList<>(history.events());
        all.addAll(other.events());
        AnnualReport report = ReportFold.fold(all, ReportRequest.of(history.agency, 2024));
        assertThat(report.table3().get("一")).containsEntry("商业企业", 1).containsEntry("总计", 1);
    }
}
