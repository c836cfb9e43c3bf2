package cn.gongkai.ledger.report.fold;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The days a report counts, both ends included: a calendar year for the annual report, or any range (a quarter,
 * a month) for the figures a superior office collects during the year. The one fold counts every period the
 * same way: 一 = received in the period; 二 = received before its first day and not concluded before it; 三 =
 * concluded in it; 四 = received by its last day and not concluded by then.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
    /** The earliest and latest days a report may count (the 2008 regulations; four-digit years). */
    public static final LocalDate EARLIEST = LocalDate.of(2008, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it begins: " + from + " – " + to);
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new IllegalArgumentException("period outside " + EARLIEST + " – " + LATEST + ": " + from + " – " + to);
        }
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Quarter 1–4 of {@code year}. */
    public static ReportPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4: " + quarter);
        }
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        return new ReportPeriod(from, from.plusMonths(3).minusDays(1));
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether this is exactly one calendar year. */
    public boolean isCalendarYear() {
        return from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
    }
}
