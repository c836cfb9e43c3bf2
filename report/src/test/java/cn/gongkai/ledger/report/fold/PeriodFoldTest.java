package cn.gongkai.ledger.report.fold;

import static cn.gongkai.ledger.api.common.ApplicantType.COMMERCIAL_ENTERPRISE;
import static cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one fold over any period: quarters and months add up to the year, and a calendar year is the report. */
class PeriodFoldTest {
    private final History history = new History("ninghe-commerce").register("宁河区商务局");

    /** A year with requests carried in and out, a register and an appeal moving across the quarters. */
    private History aYear() {
        return history
                .receive("carried", NATURAL_PERSON, LocalDate.of(2023, 12, 20))
                .reply("carried", LocalDate.of(2024, 1, 10), Outcome.DISCLOSED)
                .receive("q1", COMMERCIAL_ENTERPRISE, LocalDate.of(2024, 2, 1))
                .reply("q1", LocalDate.of(2024, 3, 29), Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_STATE_SECRET)
                .receive("spansQuarters", NATURAL_PERSON, LocalDate.of(2024, 3, 25))
                .reply("spansQuarters", LocalDate.of(2024, 4, 15), Outcome.UNAVAILABLE_NOT_HELD)
                .receive("q3", NATURAL_PERSON, LocalDate.of(2024, 8, 1))
                .withdraw("q3", LocalDate.of(2024, 8, 5))
                .receive("open", NATURAL_PERSON, LocalDate.of(2024, 12, 30))
                .issue("nd-1", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2024, 2, 20))
                .issue("nd-2", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2024, 5, 20))
                .repeal("nd-1", LocalDate.of(2024, 10, 8))
                .tally(Article20Category.LICENSING, LocalDate.of(2024, 3, 31), 10)
                .tally(Article20Category.LICENSING, LocalDate.of(2024, 9, 30), 7)
                .fees(LocalDate.of(2024, 6, 30), "12345.00")
                .fees(LocalDate.of(2024, 12, 31), "100.50")
                .fileReconsideration("1", LocalDate.of(2024, 2, 10))
                .decideReconsideration("1", LocalDate.of(2024, 7, 15), ReconsiderationResult.CHANGED);
    }

    private PeriodReport fold(ReportPeriod period) {
        return ReportFold.fold(history.events(), new PeriodRequest(history.agency, period, ReportFormat.Y2021, null, null));
    }

    private AnnualReport fold(int year) {
        return ReportFold.fold(history.events(), ReportRequest.of(history.agency, year));
    }

    private List<PeriodReport> quarters() {
        return IntStream.rangeClosed(1, 4).mapToObj(q -> fold(ReportPeriod.quarter(2024, q))).toList();
    }

    private static int total(PeriodReport report, String row) {
        return report.table3().get(row).get("总计");
    }

    @ParameterizedTest
    @EnumSource(AppealPolicy.class)
    void aCalendarYearIsTheAnnualReport(AppealPolicy policy) {
        aYear();
        for (ReportFormat format : ReportFormat.values()) {
            AnnualReport annual = ReportFold.fold(history.events(),
                    new ReportRequest(history.agency, 2024, format, policy, null));
            PeriodReport period = ReportFold.fold(history.events(),
                    new PeriodRequest(history.agency, ReportPeriod.year(2024), format, policy, null));
            assertThat(period.table2()).isEqualTo(annual.table2());
            assertThat(period.table3()).isEqualTo(annual.table3());
            assertThat(period.table4()).isEqualTo(annual.table4());
            assertThat(period.agency()).isEqualTo(annual.agency());
        }
    }

    @Test
    void quartersChainAndAddUpToTheYear() {
        aYear();
        AnnualReport year = fold(2024);
        List<PeriodReport> quarters = quarters();

        assertThat(total(quarters.get(0), "二")).isEqualTo(year.table3().get("二").get("总计")).isEqualTo(1);
        for (int q = 1; q < 4; q++) {
            assertThat(quarters.get(q).table3().get("二")).as("Q" + (q + 1) + " 二 = Q" + q + " 四")
                    .isEqualTo(quarters.get(q - 1).table3().get("四"));
        }
        assertThat(quarters.get(3).table3().get("四")).isEqualTo(year.table3().get("四"));
        for (String row : List.of("一", "三.一", "三.二", "三.四.1", "三.六.3", "三.七")) {
            assertThat(quarters.stream().mapToInt(q -> total(q, row)).sum()).as(row)
                    .isEqualTo(year.table3().get(row).get("总计"));
        }
        assertThat(quarters).extracting(q -> total(q, "一")).containsExactly(2, 0, 1, 1);
        assertThat(quarters).extracting(q -> total(q, "四")).containsExactly(1, 0, 0, 1);
    }

    @Test
    void table二CountsThePeriodAndTheRegisterAtItsLastDay() {
        aYear();
        List<PeriodReport> quarters = quarters();
        assertThat(quarters).extracting(q -> q.table2().get("行政规范性文件").get("本年制发件数").intValue())
                .containsExactly(1, 1, 0, 0);
        assertThat(quarters).extracting(q -> q.table2().get("行政规范性文件").get("现行有效件数").intValue())
                .containsExactly(1, 2, 2, 1);
        assertThat(quarters).extracting(q -> q.table2().get("行政许可").get("本年处理决定数量").intValue())
                .containsExactly(10, 0, 7, 0);
        BigDecimal fees = quarters.stream().map(q -> q.table2().get("行政事业性收费").get("本年收费金额"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fees).isEqualByComparingTo(fold(2024).table2().get("行政事业性收费").get("本年收费金额"));
    }

    @Test
    void table四StandsAtThePeriodsLastDay() {
        aYear();
        List<PeriodReport> quarters = quarters();
        assertThat(quarters).extracting(q -> q.table4().get("复议.未审结")).containsExactly(1, 1, 0, 0);
        assertThat(quarters).extracting(q -> q.table4().get("复议.纠正")).containsExactly(0, 0, 1, 0);
        PeriodReport filedOnly = ReportFold.fold(history.events(), new PeriodRequest(history.agency,
                ReportPeriod.quarter(2024, 2), ReportFormat.Y2021, AppealPolicy.FILED_IN_YEAR, null));
        assertThat(filedOnly.table4().get("复议.总计")).isZero();
    }

    @Test
    void aMonthIsAPeriodLikeAnyOther() {
        aYear();
        PeriodReport march = fold(ReportPeriod.month(YearMonth.of(2024, 3)));
        assertThat(total(march, "一")).isEqualTo(1);
        assertThat(total(march, "二")).isEqualTo(1);
        assertThat(total(march, "三.二")).isEqualTo(1);
        assertThat(total(march, "四")).isEqualTo(1);
        assertThat(march.period()).isEqualTo(new ReportPeriod(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)));
    }

    @Test
    void periodsAreWhole() {
        assertThat(ReportPeriod.quarter(2024, 4)).isEqualTo(new ReportPeriod(LocalDate.of(2024, 10, 1),
                LocalDate.of(2024, 12, 31)));
        assertThat(ReportPeriod.year(2024).isCalendarYear()).isTrue();
        assertThat(ReportPeriod.quarter(2024, 1).isCalendarYear()).isFalse();
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPeriod.quarter(2024, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2007, 12, 31), LocalDate.of(2008, 1, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
