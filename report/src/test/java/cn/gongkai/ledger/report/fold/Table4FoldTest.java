package cn.gongkai.ledger.report.fold;

import static cn.gongkai.ledger.api.common.AppealOutcome.CORRECTED;
import static cn.gongkai.ledger.api.common.AppealOutcome.OTHER;
import static cn.gongkai.ledger.api.common.AppealOutcome.UPHELD;
import static cn.gongkai.ledger.api.lawsuit.Route.AFTER_RECONSIDERATION;
import static cn.gongkai.ledger.api.lawsuit.Route.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table 四: one test per cell kind, policy and case life-cycle rule. */
class Table4FoldTest {
    private final History history = new History("panjin-commerce");

    private Map<String, Integer> table4(int year, AppealPolicy policy) {
        return ReportFold.fold(history.events(), new ReportRequest(history.agency, year, ReportFormat.Y2021, policy, null))
                .table4();
    }

    private Map<String, Integer> nonZero(int year, AppealPolicy policy) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        table4(year, policy).forEach((k, v) -> {
            if (v != 0) {
                cells.put(k, v);
            }
        });
        return cells;
    }

    @ParameterizedTest
    @EnumSource(ReconsiderationResult.class)
    void a_reconsideration_decided_in_the_year_counts_under_its_results_column(ReconsiderationResult result) {
        history.fileReconsideration("1", LocalDate.of(2024, 3, 1)).decideReconsideration("1", LocalDate.of(2024, 5, 1), result);
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR))
                .containsExactlyInAnyOrderEntriesOf(Map.of("复议." + CountingRules.appealOutcome(result).key(), 1, "复议.总计", 1));
    }

    @Test
    void a_rejected_or_withdrawn_reconsideration_counts_under_其他() {
        history.fileReconsideration("1", LocalDate.of(2024, 3, 1)).rejectReconsideration("1", LocalDate.of(2024, 3, 5))
                .fileReconsideration("2", LocalDate.of(2024, 3, 1)).withdrawReconsideration("2", LocalDate.of(2024, 4, 5));
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("复议.其他", 2, "复议.总计", 2));
    }

    @Test
    void a_case_pending_on_31_december_counts_as_尚未审结_and_again_the_next_year_with_its_outcome() {
        history.fileReconsideration("1", LocalDate.of(2024, 11, 1))
                .decideReconsideration("1", LocalDate.of(2025, 1, 10), ReconsiderationResult.UPHELD);
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("复议.未审结", 1, "复议.总计", 1));
        assertThat(nonZero(2025, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("复议.维持", 1, "复议.总计", 1));
        assertThat(nonZero(2026, AppealPolicy.OPEN_IN_YEAR)).isEmpty();
    }

    @Test
    void filed_in_year_policy_counts_only_cases_filed_in_the_year() {
        history.fileReconsideration("old", LocalDate.of(2023, 11, 1))
                .decideReconsideration("old", LocalDate.of(2024, 1, 10), ReconsiderationResult.REVOKED)
                .fileReconsideration("new", LocalDate.of(2024, 12, 1));
        assertThat(nonZero(2024, AppealPolicy.FILED_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("复议.未审结", 1, "复议.总计", 1));
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR))
                .containsExactlyInAnyOrderEntriesOf(Map.of("复议.纠正", 1, "复议.未审结", 1, "复议.总计", 2));
    }

    /** Reports folded with the policy the agency set for each year (no policy named by the query). */
    private Map<String, Integer> bySetting(int year) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        ReportFold.fold(history.events(), ReportRequest.of(history.agency, year)).table4().forEach((k, v) -> {
            if (v != 0) {
                cells.put(k, v);
            }
        });
        return cells;
    }

    @Test
    void a_policy_set_from_2024_changes_2024s_table_四_and_not_2023s() {
        history.register("盘锦市商务局")
                .fileReconsideration("old", LocalDate.of(2022, 11, 1))
                .decideReconsideration("old", LocalDate.of(2024, 1, 10), ReconsiderationResult.REVOKED)
                .fileReconsideration("new", LocalDate.of(2024, 12, 1));
        Map<String, Integer> before2023 = bySetting(2023);
        Map<String, Integer> before2024 = bySetting(2024);
        assertThat(before2023).isEqualTo(Map.of("复议.未审结", 1, "复议.总计", 1));
        assertThat(before2024).isEqualTo(Map.of("复议.纠正", 1, "复议.未审结", 1, "复议.总计", 2));

        history.appealPolicy(2024, AppealPolicy.FILED_IN_YEAR);
        assertThat(bySetting(2023)).isEqualTo(before2023);
        assertThat(bySetting(2024)).isEqualTo(Map.of("复议.未审结", 1, "复议.总计", 1));
        AnnualReport report2024 = ReportFold.fold(history.events(), ReportRequest.of(history.agency, 2024));
        assertThat(report2024.appealPolicy()).isEqualTo(AppealPolicy.FILED_IN_YEAR);
        assertThat(report2024.appealPolicyBasis().source()).isEqualTo(AppealPolicy.Source.SETTING);
        assertThat(report2024.appealPolicyBasis().fromYear()).isEqualTo(2024);
        assertThat(report2024.appealPolicyBasis().reason()).isEqualTo("上级机关要求");
        AnnualReport report2023 = ReportFold.fold(history.events(), ReportRequest.of(history.agency, 2023));
        assertThat(report2023.appealPolicy()).isEqualTo(AppealPolicy.OPEN_IN_YEAR);
        assertThat(report2023.appealPolicyBasis().source()).isEqualTo(AppealPolicy.Source.DEFAULT);
        // a query naming a policy still overrides the setting, and says so
        AnnualReport whatIf = ReportFold.fold(history.events(),
                new ReportRequest(history.agency, 2024, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR, null));
        assertThat(whatIf.table4()).containsEntry("复议.总计", 2);
        assertThat(whatIf.appealPolicyBasis().source()).isEqualTo(AppealPolicy.Source.PARAMETER);
        // the incremental fold (the projector's) reads the same setting
        assertThat(AgencyCases.of(history.agency, history.events()).report(ReportRequest.of(history.agency, 2024)))
                .isEqualTo(report2024);

        // a later setting from 2025 back to the default leaves 2024 as set
        history.appealPolicy(2025, AppealPolicy.OPEN_IN_YEAR);
        assertThat(bySetting(2024)).isEqualTo(Map.of("复议.未审结", 1, "复议.总计", 1));
        assertThat(ReportFold.fold(history.events(), ReportRequest.of(history.agency, 2025)).appealPolicy())
                .isEqualTo(AppealPolicy.OPEN_IN_YEAR);
    }

    @Test
    void lawsuits_are_split_by_route() {
        history.fileLawsuit("d", DIRECT, LocalDate.of(2024, 2, 1))
                .judgment("d", Instance.FIRST, JudgmentResult.CLAIM_DISMISSED, LocalDate.of(2024, 6, 1))
                .takeEffect("d", Instance.FIRST, LocalDate.of(2024, 6, 20), UPHELD)
                .fileLawsuit("r", AFTER_RECONSIDERATION, LocalDate.of(2024, 2, 1))
                .judgment("r", Instance.FIRST, JudgmentResult.REVOKED, LocalDate.of(2024, 6, 1))
                .takeEffect("r", Instance.FIRST, LocalDate.of(2024, 6, 20), CORRECTED);
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "直诉.维持", 1, "直诉.总计", 1, "复议后诉.纠正", 1, "复议后诉.总计", 1));
    }

    @Test
    void a_rendered_judgment_does_not_conclude_and_an_appeal_keeps_the_case_open() {
        history.fileLawsuit("1", DIRECT, LocalDate.of(2024, 2, 1))
                .judgment("1", Instance.FIRST, JudgmentResult.REVOKED, LocalDate.of(2024, 9, 1))
                .appeal("1", LocalDate.of(2024, 9, 10))
                .judgment("1", Instance.SECOND, JudgmentResult.AFFIRMED, LocalDate.of(2025, 3, 1))
                .takeEffect("1", Instance.SECOND, LocalDate.of(2025, 3, 1), CORRECTED);
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("直诉.未审结", 1, "直诉.总计", 1));
        assertThat(nonZero(2025, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("直诉.纠正", 1, "直诉.总计", 1));
    }

    @Test
    void a_retrial_reopens_a_concluded_lawsuit_in_the_year_it_opens() {
        history.fileLawsuit("1", DIRECT, LocalDate.of(2022, 2, 1))
                .takeEffect("1", Instance.FIRST, LocalDate.of(2022, 8, 1), UPHELD)
                .retrial("1", LocalDate.of(2024, 4, 1));
        assertThat(nonZero(2023, AppealPolicy.OPEN_IN_YEAR)).isEmpty();
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("直诉.未审结", 1, "直诉.总计", 1));
        assertThat(nonZero(2024, AppealPolicy.FILED_IN_YEAR)).isEmpty();
        history.takeEffect("1", Instance.RETRIAL, LocalDate.of(2024, 11, 1), OTHER);
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("直诉.其他", 1, "直诉.总计", 1));
        assertThat(nonZero(2022, AppealPolicy.OPEN_IN_YEAR)).containsExactlyInAnyOrderEntriesOf(Map.of("直诉.维持", 1, "直诉.总计", 1));
    }

    @Test
    void a_case_concluded_in_an_earlier_year_is_not_counted() {
        history.fileReconsideration("1", LocalDate.of(2023, 3, 1))
                .decideReconsideration("1", LocalDate.of(2023, 12, 31), ReconsiderationResult.UPHELD);
        assertThat(nonZero(2024, AppealPolicy.OPEN_IN_YEAR)).isEmpty();
        assertThat(nonZero(2023, AppealPolicy.OPEN_IN_YEAR)).containsEntry("复议.维持", 1);
    }

    @Test
    void every_group_total_is_the_sum_of_its_four_columns() {
        history.fileReconsideration("1", LocalDate.of(2024, 3, 1))
                .fileReconsideration("2", LocalDate.of(2024, 3, 1)).rejectReconsideration("2", LocalDate.of(2024, 4, 1))
                .fileLawsuit("3", AFTER_RECONSIDERATION, LocalDate.of(2024, 5, 1))
                .fileLawsuit("4", AFTER_RECONSIDERATION, LocalDate.of(2024, 5, 1))
                .takeEffect("4", Instance.FIRST, LocalDate.of(2024, 10, 1), UPHELD);
        Map<String, Integer> t = table4(2024, AppealPolicy.OPEN_IN_YEAR);
        for (String group : ReportFormat.table4Groups()) {
            assertThat(t.get(group + ".总计")).isEqualTo(
                    t.get(group + ".维持") + t.get(group + ".纠正") + t.get(group + ".其他") + t.get(group + ".未审结"));
        }
        assertThat(t).containsEntry("复议.总计", 2).containsEntry("复议后诉.总计", 2).containsEntry("直诉.总计", 0);
    }

    @Test
    void cases_against_other_agencies_are_not_counted() {
        History other = new History("bazhou-commerce");
        other.fileReconsideration("x", LocalDate.of(2024, 3, 1)).fileLawsuit("y", DIRECT, LocalDate.of(2024, 3, 1));
        history.fileReconsideration("1", LocalDate.of(2024, 3, 1));
        List<EventEnvelope> all = new ArrayList<>(history.events());
        all.addAll(other.events());
        AnnualReport report = ReportFold.fold(all, ReportRequest.of(history.agency, 2024));
        assertThat(report.table4()).containsEntry("复议.总计", 1).containsEntry("直诉.总计", 0);
    }

    @Test
    void the_report_states_its_policy() {
        AnnualReport report = ReportFold.fold(history.events(),
                new ReportRequest(history.agency, 2024, ReportFormat.Y2021, AppealPolicy.FILED_IN_YEAR, null));
        assertThat(report.appealPolicy()).isEqualTo(AppealPolicy.FILED_IN_YEAR);
        assertThat(report.appealPolicyBasis().source()).isEqualTo(AppealPolicy.Source.PARAMETER);
        AnnualReport byDefault = ReportFold.fold(history.events(), ReportRequest.of(history.agency, 2024));
        assertThat(byDefault.appealPolicy()).isEqualTo(AppealPolicy.OPEN_IN_YEAR);
        assertThat(byDefault.appealPolicyBasis().source()).isEqualTo(AppealPolicy.Source.DEFAULT);
    }
}
