package cn.gongkai.ledger.report.rollup;

import static cn.gongkai.ledger.api.common.ApplicantType.COMMERCIAL_ENTERPRISE;
import static cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.checker.ReportChecker;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.History;
import cn.gongkai.ledger.report.fold.PeriodReport;
import cn.gongkai.ledger.report.fold.PeriodRequest;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportPeriod;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The roll-up is the cell-by-cell sum of its members' folded reports, checked like any report. */
class RollupTest {
    private static final AnnualReport.Agency DISTRICT = new AnnualReport.Agency("ninghe", "宁河区人民政府");

    /** 区政府: requests over the year boundary, a reconsideration corrected, a lawsuit still pending. */
    private final History district = new History("ninghe").register("宁河区人民政府")
            .issue("nd-1", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2024, 2, 1))
            .fees(LocalDate.of(2024, 6, 30), "1500.00")
            .receive("a", NATURAL_PERSON, LocalDate.of(2023, 12, 27))
            .reply("a", LocalDate.of(2024, 1, 8), Outcome.DISCLOSED)
            .receive("b", COMMERCIAL_ENTERPRISE, LocalDate.of(2024, 4, 1))
            .reply("b", LocalDate.of(2024, 4, 20), Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS)
            .receive("c", NATURAL_PERSON, LocalDate.of(2024, 12, 30))
            .fileReconsideration("1", LocalDate.of(2024, 5, 1))
            .decideReconsideration("1", LocalDate.of(2024, 7, 1), ReconsiderationResult.CHANGED)
            .fileLawsuit("1", Route.DIRECT, LocalDate.of(2024, 8, 1));
    /** A department: requests, a reconsideration upheld, a lawsuit decided. */
    private final History commerce = new History("ninghe-commerce").register("宁河区商务局")
            .tally(Article20Category.LICENSING, LocalDate.of(2024, 6, 30), 37)
            .receive("a", NATURAL_PERSON, LocalDate.of(2024, 3, 4)).reply("a", LocalDate.of(2024, 3, 20), Outcome.DISCLOSED)
            .receive("b", NATURAL_PERSON, LocalDate.of(2024, 9, 4))
            .reply("b", LocalDate.of(2024, 9, 20), Outcome.UNAVAILABLE_NOT_HELD)
            .fileReconsideration("1", LocalDate.of(2024, 5, 20))
            .decideReconsideration("1", LocalDate.of(2024, 7, 15), ReconsiderationResult.UPHELD)
            .fileLawsuit("1", Route.DIRECT, LocalDate.of(2024, 3, 1))
            .judgment("1", Instance.FIRST, JudgmentResult.CLAIM_DISMISSED, LocalDate.of(2024, 10, 1));
    /** A department whose ledger opened at 2024: its 2023 is not covered. */
    private final History education = new History("ninghe-education").register("宁河区教育局").openLedger(2024)
            .openingRegister(NormativeDocumentKind.NORMATIVE_DOCUMENT, 12)
            .receive("a", NATURAL_PERSON, LocalDate.of(2023, 12, 20))
            .receive("b", NATURAL_PERSON, LocalDate.of(2024, 5, 6)).reply("b", LocalDate.of(2024, 5, 30), Outcome.DISCLOSED)
            .reply("a", LocalDate.of(2024, 1, 10), Outcome.DISCLOSED);

    private static AnnualReport fold(History history, int year) {
        return ReportFold.fold(history.events(), ReportRequest.of(history.agency, year));
    }

    private List<AnnualReport> members(int year) {
        return List.of(fold(district, year), fold(commerce, year), fold(education, year));
    }

    /** Each cell summed by hand from the members' cells. */
    private static Map<String, BigDecimal> cellSums(List<AnnualReport> reports) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (AnnualReport report : reports) {
            report.cells().forEach((cell, value) -> sums.merge(cell, value, BigDecimal::add));
        }
        return sums;
    }

    @Test
    void theRollupIsTheSumOfItsMembersReportsCellByCellAndPassesTheChecks() {
        List<AnnualReport> members = members(2024);

        AnnualReport rollup = Rollup.sum(DISTRICT, 2024, ReportFormat.Y2021, members);

        assertThat(rollup.cells()).isEqualTo(cellSums(members));
        assertThat(rollup.cells().values()).doesNotContainNull();
        assertThat(rollup.checks()).isEmpty();
        assertThat(rollup.table3().get("一").get("总计")).isEqualTo(2 + 2 + 1);
        assertThat(rollup.table3().get("二").get("总计")).isEqualTo(1 + 0 + 1);
        assertThat(rollup.table4().get("复议.总计")).isEqualTo(2);
        assertThat(rollup.table4().get("复议.纠正")).isEqualTo(1);
        assertThat(rollup.table4().get("直诉.总计")).isEqualTo(2);
        assertThat(rollup.agency()).isEqualTo(DISTRICT);
        assertThat(rollup.appealPolicy()).isEqualTo(members.get(0).appealPolicy());
        assertThat(rollup.asOf()).isEqualTo(members.stream().map(AnnualReport::asOf).max(java.time.OffsetDateTime::compareTo).get());
        assertThat(Rollup.totals(rollup)).containsEntry("received", 5).containsEntry("carriedOver", 2)
                .containsEntry("concluded", 6).containsEntry("carriedForward", 1)
                .containsEntry("reconsiderations", 2).containsEntry("lawsuits", 2);
    }

    @Test
    void aMemberBeforeItsLedgerOpenedIsLeftOutNotCountedAsZero() {
        List<AnnualReport> members = members(2023);
        assertThat(members).extracting(Rollup::covered).containsExactly(true, true, false);

        AnnualReport rollup = Rollup.sum(DISTRICT, 2023, ReportFormat.Y2021, members);

        assertThat(rollup.cells()).isEqualTo(cellSums(members.subList(0, 2)));
        assertThat(rollup.checks()).isEmpty();
        assertThat(Rollup.totals(members.get(2)).values()).containsOnlyNulls();
    }

    @Test
    void theChecksOfTheSumFindWhatAMembersTypedInReportBreaks() {
        AnnualReport good = fold(district, 2024);
        Map<String, Map<String, Integer>> table3 = new HashMap<>();
        good.table3().forEach((row, columns) -> table3.put(row, new LinkedHashMap<>(columns)));
        table3.get("一").put("总计", table3.get("一").get("总计") + 1);
        table3.get("一").put("其他", null);
        AnnualReport broken = new AnnualReport(new AnnualReport.Agency("typed", "手填单位"), 2024, ReportFormat.Y2021,
                null, good.appealPolicy(), good.table2(), table3, good.table4(), List.of());

        AnnualReport rollup = Rollup.sum(DISTRICT, 2024, ReportFormat.Y2021, List.of(fold(commerce, 2024), broken));

        assertThat(rollup.table3().get("一").get("其他")).as("blank is not zero").isNull();
        assertThat(rollup.checks()).extracting(AnnualReport.Check::rule)
                .contains(ReportChecker.BLANK, ReportChecker.COLUMN_IDENTITY);
        assertThat(rollup.checks()).isEqualTo(ReportChecker.check(rollup.withChecks(List.of())));
    }

    @Test
    void summingTheMembersCanonicalJsonGivesTheSameRollupAsSummingTheirReports() {
        for (int year : List.of(2023, 2024)) {
            List<AnnualReport> members = members(year);
            RollupSum fromJson = new RollupSum(year, ReportFormat.Y2021);
            List<RollupSum.Member> listed = members.stream().map(ReportJson::write).map(fromJson::add).toList();

            AnnualReport summed = fromJson.result(DISTRICT);

            AnnualReport expected = Rollup.sum(DISTRICT, year, ReportFormat.Y2021, members);
            assertThat(ReportJson.write(summed)).isEqualTo(ReportJson.write(expected));
            assertThat(listed).extracting(RollupSum.Member::agencyId)
                    .containsExactly("ninghe", "ninghe-commerce", "ninghe-education");
            assertThat(listed).extracting(RollupSum.Member::covered).containsExactly(true, true, year == 2024);
            for (int i = 0; i < members.size(); i++) {
                Map<String, Integer> totals = listed.get(i).covered() ? Rollup.totals(members.get(i)) : null;
                assertThat(listed.get(i).totals()).isEqualTo(totals == null ? listed.get(i).totals() : totals);
            }
            assertThat(listed.get(2).totals().values()).allMatch(v -> year == 2024 ? v != null : v == null);
        }
        String other = ReportJson.write(fold(commerce, 2023));
        assertThatThrownBy(() -> new RollupSum(2024, ReportFormat.Y2021).add(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ninghe-commerce");
    }

    @Test
    void aMemberReadOnceAddsToEverySumAsItsJsonDoes() {
        List<AnnualReport> members = members(2024);
        List<RollupSum.Read> read = members.stream()
                .map(m -> RollupSum.read(ReportJson.write(m), 2024, ReportFormat.Y2021)).toList();
        RollupSum fromJson = new RollupSum(2024, ReportFormat.Y2021);
        List<RollupSum.Member> expected = members.stream().map(ReportJson::write).map(fromJson::add).toList();
        for (int sums = 0; sums < 2; sums++) { // the same reads, added to a second sum: nothing of the first kept
            RollupSum fromRead = new RollupSum(2024, ReportFormat.Y2021);
            assertThat(read.stream().map(fromRead::add).toList()).isEqualTo(expected);
            assertThat(ReportJson.write(fromRead.result(DISTRICT))).isEqualTo(ReportJson.write(fromJson.result(DISTRICT)));
        }
        assertThatThrownBy(() -> new RollupSum(2023, ReportFormat.Y2021).add(read.get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ninghe");
        assertThatThrownBy(() -> RollupSum.read(ReportJson.write(members.get(0)), 2023, ReportFormat.Y2021))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void membersOfAnotherYearOrFormatAreRefused() {
        assertThatThrownBy(() -> Rollup.sum(DISTRICT, 2024, ReportFormat.Y2021, List.of(fold(commerce, 2023))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ninghe-commerce");
        AnnualReport y2019 = ReportFold.fold(commerce.events(),
                new ReportRequest(commerce.agency, 2024, ReportFormat.Y2019, null, null));
        assertThatThrownBy(() -> Rollup.sum(DISTRICT, 2024, ReportFormat.Y2021, List.of(y2019)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quartersRollUpLikeTheYearAndTheYearOfTheRangeIsTheYearsRollup() {
        ReportPeriod q2 = ReportPeriod.quarter(2024, 2);
        List<PeriodReport> quarter = List.of(district, commerce, education).stream()
                .map(h -> ReportFold.fold(h.events(), new PeriodRequest(h.agency, q2, ReportFormat.Y2021, null, null)))
                .toList();

        PeriodReport rollup = Rollup.sum(DISTRICT, q2, ReportFormat.Y2021, quarter);

        assertThat(Rollup.asReport(rollup).cells()).isEqualTo(cellSums(quarter.stream().map(Rollup::asReport).toList()));
        assertThat(Rollup.check(rollup)).isEmpty();

        ReportPeriod year = ReportPeriod.year(2024);
        PeriodReport whole = Rollup.sum(DISTRICT, year, ReportFormat.Y2021, List.of(district, commerce, education)
                .stream().map(h -> ReportFold.fold(h.events(), new PeriodRequest(h.agency, year, ReportFormat.Y2021, null, null)))
                .toList());
        assertThat(Rollup.asReport(whole).cells()).isEqualTo(Rollup.sum(DISTRICT, 2024, ReportFormat.Y2021, members(2024)).cells());
    }
}
