package cn.gongkai.ledger.report.trend;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.narrative.Figure;
import cn.gongkai.ledger.report.narrative.NarrativeFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Year-over-year figures of an agency, read from its annual reports (each folded from the events) through the
 * same figures the narrative states ({@link NarrativeFigures}): requests, outcomes, reconsiderations and
 * lawsuits with their 纠正 rate, and the replies given after their due date (counted by the statutory clock,
 * outside the fold; null when not known).
 */
public final class Trend {
    private Trend() {
    }

    /**
     * The outcome of appeals in a year: as table 四 counts them.
     *
     * @param correctedRate 纠正 / (维持 + 纠正 + 其他), the share of decided cases corrected, to four places; null
     *                      when none was decided
     */
    public record Appeals(int total, int upheld, int corrected, int other, int pending, BigDecimal correctedRate) {
    }

    /**
     * One year's figures and their change from the year before.
     *
     * @param outcomes       table 三's outcome rows, 总计 column, in official order
     * @param overdueReplies requests concluded in the year after their statutory due date; null when not known
     * @param change         each of received, carriedOver, concluded, carriedForward, reconsiderations, lawsuits,
     *                       overdueReplies minus the year before's; empty for the first year
     */
    public record Year(int year, int received, int carriedOver, int concluded, int carriedForward,
                       Map<String, Integer> outcomes, Appeals reconsiderations, Appeals lawsuits, Integer overdueReplies,
                       Map<String, Integer> change) {
    }

    /** The years of {@code reports} (any order), oldest first; {@code overdue} by year, may lack a year. */
    public static List<Year> of(List<AnnualReport> reports, Map<Integer, Integer> overdue) {
        List<AnnualReport> ordered = reports.stream().sorted(Comparator.comparingInt(AnnualReport::year)).toList();
        List<Year> years = new ArrayList<>();
        Year previous = null;
        for (AnnualReport report : ordered) {
            Map<String, Figure> f = NarrativeFigures.of(report);
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            report.format().outcomeRows().forEach(row -> outcomes.put(row, report.table3().get(row).get(ApplicantType.TOTAL)));
            Year year = new Year(report.year(), count(f, NarrativeFigures.RECEIVED), count(f, NarrativeFigures.CARRIED_OVER),
                    count(f, NarrativeFigures.CONCLUDED), count(f, NarrativeFigures.CARRIED_FORWARD), outcomes,
                    appeals(f, NarrativeFigures.RECONSIDERATIONS, NarrativeFigures.RECONSIDERATIONS_UPHELD,
                            NarrativeFigures.RECONSIDERATIONS_CORRECTED, NarrativeFigures.RECONSIDERATIONS_PENDING),
                    appeals(f, NarrativeFigures.LAWSUITS, NarrativeFigures.LAWSUITS_UPHELD,
                            NarrativeFigures.LAWSUITS_CORRECTED, NarrativeFigures.LAWSUITS_PENDING),
                    overdue.get(report.year()), Map.of());
            years.add(previous == null ? year : withChange(year, previous));
            previous = year;
        }
        return years;
    }

    private static Year withChange(Year year, Year before) {
        Map<String, Integer> change = new LinkedHashMap<>();
        change.put("received", year.received() - before.received());
        change.put("carriedOver", year.carriedOver() - before.carriedOver());
        change.put("concluded", year.concluded() - before.concluded());
        change.put("carriedForward", year.carriedForward() - before.carriedForward());
        change.put("reconsiderations", year.reconsiderations().total() - before.reconsiderations().total());
        change.put("lawsuits", year.lawsuits().total() - before.lawsuits().total());
        if (year.overdueReplies() != null && before.overdueReplies() != null) {
            change.put("overdueReplies", year.overdueReplies() - before.overdueReplies());
        }
        return new Year(year.year(), year.received(), year.carriedOver(), year.concluded(), year.carriedForward(),
                year.outcomes(), year.reconsiderations(), year.lawsuits(), year.overdueReplies(), change);
    }

    private static Appeals appeals(Map<String, Figure> f, String total, String upheld, String corrected, String pending) {
        int all = count(f, total);
        int kept = count(f, upheld);
        int changed = count(f, corrected);
        int open = count(f, pending);
        int other = all - kept - changed - open;
        int decided = kept + changed + other;
        BigDecimal rate = decided == 0 ? null
                : BigDecimal.valueOf(changed).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
        return new Appeals(all, kept, changed, other, open, rate);
    }

    private static int count(Map<String, Figure> figures, String key) {
        return figures.get(key).value().intValueExact();
    }
}
