package cn.gongkai.ledger.report.checker;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.checker.CarryOver.Difference;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AnnualReport.Check;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.History;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.fold.TracedReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 二 = last year's 四, with cases: a ledger opened at 2024 with one request pending from 2023, 2024 published in
 * January 2025; in March a forgotten 2023 request is registered (back-dated, still pending), a 2024 request's
 * conclusion is corrected back into 2024, and a reconsideration's 2024 decision is recorded late.
 */
class CarryOverTest {
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2025-01-20T09:00:00+08:00");

    private final History h = new History("migrated").recordingFrom(Instant.parse("2024-01-05T01:00:00Z"))
            .register("迁移局")
            .openLedger(2024)
            .receive("2023-p1", ApplicantType.NATURAL_PERSON, LocalDate.of(2023, 11, 20))
            .fileReconsideration("r1", LocalDate.of(2024, 6, 10))
            .receive("2024-q", ApplicantType.NATURAL_PERSON, LocalDate.of(2024, 12, 1))
            .recordingFrom(Instant.parse("2025-01-06T02:00:00Z"))
            .reply("2024-q", LocalDate.of(2025, 1, 6), Outcome.DISCLOSED)
            .recordingFrom(Instant.parse("2025-03-10T02:00:00Z"))
            .receive("2023-p0", ApplicantType.NATURAL_PERSON, LocalDate.of(2023, 12, 15))
            .correctConclusion("2024-q", LocalDate.of(2025, 1, 6), LocalDate.of(2024, 12, 30))
            .decideReconsideration("r1", LocalDate.of(2024, 12, 20), ReconsiderationResult.UPHELD);

    private ReportRequest request(int year, AppealPolicy policy, OffsetDateTime asOf) {
        return new ReportRequest(h.agency, year, ReportFormat.Y2021, policy, asOf);
    }

    private List<Difference> differences(AppealPolicy policy) {
        TracedReport thisYear = ReportFold.trace(h.events(), request(2025, policy, null));
        TracedReport published = ReportFold.trace(h.events(), request(2024, AppealPolicy.OPEN_IN_YEAR, PUBLISHED));
        return CarryOver.differences(thisYear, published.report(), published);
    }

    @Test
    void the_cases_counted_in_one_year_and_not_the_other_are_named() {
        String p0 = h.requestId("2023-p0").value();
        String q = h.requestId("2024-q").value();
        List<Difference> found = differences(AppealPolicy.OPEN_IN_YEAR);
        assertThat(found).extracting(Difference::rule, Difference::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple("carry-over", "table3/二/自然人"),
                org.assertj.core.groups.Tuple.tuple("carry-over", "table3/二/总计"),
                org.assertj.core.groups.Tuple.tuple("appeals-carry-over", "table4/复议.总计"));
        Difference column = found.get(0);
        assertThat(column.thisYear()).isEqualTo(2);
        assertThat(column.lastYear()).as("p1 and q, as published").isEqualTo(2);
        assertThat(column.onlyThisYear()).containsExactly(p0);
        assertThat(column.onlyLastYear()).containsExactly(q);
        Difference appeals = found.get(2);
        assertThat(appeals.lastYearCell()).isEqualTo("table4/复议.未审结");
        assertThat(appeals.thisYear()).isZero();
        assertThat(appeals.lastYear()).isEqualTo(1);
        assertThat(appeals.onlyLastYear()).containsExactly("rc-r1");

        List<Check> checks = CarryOver.checks(found, "2024年度已发布报告（第1版）");
        assertThat(checks.get(0).message()).contains("均为 2", p0, q, "2024年度已发布报告（第1版）");
        assertThat(checks.get(2).message()).contains("rc-r1", "复议.未审结");
    }

    @Test
    void under_filed_in_year_table_4_is_not_compared_across_years() {
        assertThat(differences(AppealPolicy.FILED_IN_YEAR)).extracting(Difference::rule)
                .containsExactly("carry-over", "carry-over");
    }

    @Test
    void the_same_ledger_folded_today_always_agrees_with_itself() {
        TracedReport thisYear = ReportFold.trace(h.events(), request(2025, AppealPolicy.OPEN_IN_YEAR, null));
        TracedReport lastYear = ReportFold.trace(h.events(), request(2024, AppealPolicy.OPEN_IN_YEAR, null));
        assertThat(CarryOver.differences(thisYear, lastYear.report(), lastYear)).isEmpty();
    }

    @Test
    void by_counts_only_the_checker_compares_the_columns_and_the_pending_appeals() {
        AnnualReport thisYear = ReportFold.fold(h.events(), request(2025, AppealPolicy.OPEN_IN_YEAR, null));
        AnnualReport published = ReportFold.fold(h.events(), request(2024, AppealPolicy.OPEN_IN_YEAR, PUBLISHED));
        assertThat(ReportChecker.check(thisYear, published)).extracting(c -> c.rule() + " " + c.cell())
                .containsExactly("appeals-carry-over table4/复议.总计");
        AnnualReport unknownPolicy = new AnnualReport(published.agency(), 2024, published.format(), null, null,
                published.table2(), published.table3(), published.table4(), List.of());
        assertThat(ReportChecker.check(thisYear, unknownPolicy)).as("a typed-in report states no policy").isEmpty();
        assertThatThrownByYear(thisYear);
    }

    private static void assertThatThrownByYear(AnnualReport thisYear) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CarryOver.differences(thisYear, thisYear))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
