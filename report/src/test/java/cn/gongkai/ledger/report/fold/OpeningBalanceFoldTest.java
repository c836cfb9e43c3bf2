package cn.gongkai.ledger.report.fold;

import static cn.gongkai.ledger.api.common.ApplicantType.COMMERCIAL_ENTERPRISE;
import static cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A ledger opened at 2024 with opening balances counts 2024 and later exactly as the whole back-dated history
 * would, and never reports 2023 partially.
 */
class OpeningBalanceFoldTest {
    /** What happened from 1 January 2024 on: the same in both ledgers. */
    private static final UnaryOperator<History> FROM_2024 = h -> h
            .reply("pending-a", LocalDate.of(2024, 1, 9), Outcome.DISCLOSED)
            .reply("pending-b", LocalDate.of(2024, 1, 15), Outcome.UNAVAILABLE_NOT_HELD)
            .receive("new", NATURAL_PERSON, LocalDate.of(2024, 3, 1))
            .reply("new", LocalDate.of(2024, 3, 20), Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS)
            .receive("late", NATURAL_PERSON, LocalDate.of(2024, 12, 30))
            .repeal("nd-old-1", LocalDate.of(2024, 6, 1))
            .issue("nd-2024", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2024, 5, 1))
            .decideReconsideration("open", LocalDate.of(2024, 4, 1), ReconsiderationResult.CHANGED)
            .judgment("open", Instance.FIRST, JudgmentResult.CLAIM_DISMISSED, LocalDate.of(2024, 9, 1))
            .takeEffect("open", Instance.FIRST, LocalDate.of(2024, 9, 20), AppealOutcome.UPHELD);

    /** Every event since 2019, recorded as it happened. */
    private static History fullHistory() {
        History h = new History("ninghe-commerce").register("宁河区商务局")
                .issue("nd-old-1", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2019, 4, 1))
                .issue("nd-old-2", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2020, 4, 1))
                .issue("nd-gone", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2020, 5, 1))
                .repeal("nd-gone", LocalDate.of(2022, 5, 1))
                .issue("rule-old", NormativeDocumentKind.RULE, LocalDate.of(2021, 1, 5))
                .receive("done-2023", NATURAL_PERSON, LocalDate.of(2023, 3, 1))
                .reply("done-2023", LocalDate.of(2023, 3, 20), Outcome.DISCLOSED)
                .receive("pending-a", NATURAL_PERSON, LocalDate.of(2023, 12, 20))
                .receive("pending-b", COMMERCIAL_ENTERPRISE, LocalDate.of(2023, 12, 27))
                .fileReconsideration("open", LocalDate.of(2023, 10, 1))
                .fileReconsideration("closed", LocalDate.of(2023, 2, 1))
                .decideReconsideration("closed", LocalDate.of(2023, 5, 1), ReconsiderationResult.UPHELD)
                .fileLawsuit("open", Route.DIRECT, LocalDate.of(2023, 11, 1));
        return FROM_2024.apply(h);
    }

    /**
     * The ledger opened at 2024: the documents in force on 31 Dec 2023 (the one repealed later listed with its issue
     * date, the others counted), the requests and appeals pending on 1 January registered back-dated.
     */
    private static History openedAt2024() {
        History h = new History("ninghe-commerce").register("宁河区商务局").openLedger(2024)
                .openingRegister(NormativeDocumentKind.NORMATIVE_DOCUMENT, 1)
                .openingRegister(NormativeDocumentKind.RULE, 1)
                .issue("nd-old-1", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2019, 4, 1))
                .receive("pending-a", NATURAL_PERSON, LocalDate.of(2023, 12, 20))
                .receive("pending-b", COMMERCIAL_ENTERPRISE, LocalDate.of(2023, 12, 27))
                .fileReconsideration("open", LocalDate.of(2023, 10, 1))
                .fileLawsuit("open", Route.DIRECT, LocalDate.of(2023, 11, 1));
        return FROM_2024.apply(h);
    }

    private static AnnualReport fold(History h, int year, ReportFormat format, AppealPolicy policy) {
        return ReportFold.fold(h.events(), new ReportRequest(h.agency, year, format, policy, null));
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void laterReportsEqualThoseOfTheFullBackDatedHistory(ReportFormat format) {
        for (int year : new int[] {2024, 2025}) {
            AnnualReport full = fold(fullHistory(), year, format, AppealPolicy.OPEN_IN_YEAR);
            AnnualReport opened = fold(openedAt2024(), year, format, AppealPolicy.OPEN_IN_YEAR);
            assertThat(opened.table2()).as("table 二 of " + year).isEqualTo(full.table2());
            assertThat(opened.table3()).as("table 三 of " + year).isEqualTo(full.table3());
            assertThat(opened.table4()).as("table 四 of " + year).isEqualTo(full.table4());
            assertThat(opened.checks()).isEmpty();
        }
        AnnualReport y2024 = fold(openedAt2024(), 2024, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR);
        assertThat(y2024.table3().get("二").get("总计")).isEqualTo(2);
        assertThat(y2024.table2().get("行政规范性文件").get("现行有效件数").intValue()).isEqualTo(2);
        assertThat(y2024.table4().get("复议.纠正")).isEqualTo(1);
        assertThat(y2024.table4().get("直诉.维持")).isEqualTo(1);
    }

    @Test
    void theYearBeforeIsNotCoveredNeverReportedPartially() {
        AnnualReport y2023 = fold(openedAt2024(), 2023, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR);

        assertThat(y2023.checks()).extracting(AnnualReport.Check::rule).containsExactly(ReportFold.NOT_COVERED);
        assertThat(y2023.cells().values()).as("every cell blank").containsOnlyNulls();
        assertThat(fold(fullHistory(), 2023, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR).table3().get("一").get("总计"))
                .isEqualTo(3);
        PeriodReport spanning = ReportFold.fold(openedAt2024().events(), new PeriodRequest(openedAt2024().agency,
                new ReportPeriod(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 31)), null, null, null));
        assertThat(spanning.covered()).isFalse();
        assertThat(spanning.table3().get("一").get("总计")).isNull();
    }
}
