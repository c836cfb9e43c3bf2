package cn.gongkai.ledger.report.rollup;

import cn.gongkai.ledger.report.checker.ReportChecker;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.PeriodReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportPeriod;
import cn.gongkai.ledger.report.narrative.Figure;
import cn.gongkai.ledger.report.narrative.NarrativeFigures;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a superior office summed from its members' reports (区政府 and its departments, 市 and its 区),
 * each member's report folded from that member's own events under its own table-四 policy: every cell of tables
 * 二, 三 and 四 is the sum of the members' cells, and the sum is checked by {@link ReportChecker} like any report.
 *
 * <p>A member whose year (or period) lies before its ledger was opened ({@link ReportFold#NOT_COVERED}) is left out
 * of the sum, never counted as zero: the caller lists it as not covered. A blank cell of a member that is covered
 * makes the sum's cell blank (blank is not zero), and the checker lists it.
 */
public final class Rollup {
    private Rollup() {
    }

    /** Whether the report counts its year: not a year before its agency's ledger was opened. */
    public static boolean covered(AnnualReport report) {
        return report.checks().stream().noneMatch(c -> ReportFold.NOT_COVERED.equals(c.rule()));
    }

    /**
     * The sum of the covered {@code members} as the report of {@code agency}, its checks those of
     * {@link ReportChecker}; as of the latest member's as-of time; its policy the members' one when they share it,
     * else null (each counted under its own).
     *
     * @throws IllegalArgumentException when a member is of another year or format
     */
    public static AnnualReport sum(AnnualReport.Agency agency, int year, ReportFormat format,
                                   Collection<AnnualReport> members) {
        RollupSum sum = new RollupSum(year, format);
        members.forEach(sum::add);
        return sum.result(agency);
    }

    /** The same for the figures of a period; a member not {@code covered} is left out. */
    public static PeriodReport sum(AnnualReport.Agency agency, ReportPeriod period, ReportFormat format,
                                   Collection<PeriodReport> members) {
        RollupSum sum = new RollupSum(period.to().getYear(), format);
        for (PeriodReport member : members) {
            if (!member.period().equals(period)) {
                throw new IllegalArgumentException("member " + member.agency().id() + " is of another period");
            }
            sum.add(asReport(member), member.covered());
        }
        AnnualReport tables = sum.result(agency);
        return new PeriodReport(agency, period, format, tables.asOf(), tables.appealPolicy(), true, tables.table2(),
                tables.table3(), tables.table4());
    }

    /** The checks of a period's figures: the same rules as a report's ({@link ReportChecker}). */
    public static List<AnnualReport.Check> check(PeriodReport figures) {
        return ReportChecker.check(asReport(figures));
    }

    /** A period's figures as a report of the period's last year (for the checker, the totals and the layouts). */
    public static AnnualReport asReport(PeriodReport figures) {
        return new AnnualReport(figures.agency(), figures.period().to().getYear(), figures.format(), figures.asOf(),
                figures.appealPolicy(), figures.table2(), figures.table3(), figures.table4(), List.of());
    }

    /** The figures a roll-up lists for each member (and for the sum): 本年新收 … 行政诉讼; null where blank. */
    public static final List<String> TOTALS = List.of(NarrativeFigures.RECEIVED, NarrativeFigures.CARRIED_OVER,
            NarrativeFigures.CONCLUDED, NarrativeFigures.CARRIED_FORWARD, NarrativeFigures.RECONSIDERATIONS,
            NarrativeFigures.LAWSUITS);

    /** The report's {@link #TOTALS}, by key, through the narrative's one mapping of figures to cells. */
    public static Map<String, Integer> totals(AnnualReport report) {
        Map<String, Figure> figures = NarrativeFigures.of(report);
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (String key : TOTALS) {
            BigDecimal value = figures.get(key).value();
            totals.put(key, value == null ? null : value.intValueExact());
        }
        return totals;
    }
}
