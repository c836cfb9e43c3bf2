package cn.gongkai.ledger.query.yearend;

import cn.gongkai.ledger.report.fold.ReportPeriod;
import cn.gongkai.ledger.problem.LedgerProblemException;
import java.time.LocalDate;

/** The query parameters of the year-end reads, each refused with a problem detail before anything is folded. */
final class YearEndRequests {
    /** The longest trend answered at once. */
    static final int MAX_TREND_YEARS = 30;

    private YearEndRequests() {
    }

    static ReportPeriod period(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw LedgerProblemException.badRequest("INVALID_PERIOD", "统计期间的结束日期（" + to + "）早于开始日期（" + from + "）",
                    "The period ends (" + to + ") before it begins (" + from + ")");
        }
        if (from.isBefore(ReportPeriod.EARLIEST) || to.isAfter(ReportPeriod.LATEST)) {
            throw LedgerProblemException.badRequest("INVALID_PERIOD", "统计期间须在 " + ReportPeriod.EARLIEST + " 至 "
                    + ReportPeriod.LATEST + " 之间", "The period must lie between " + ReportPeriod.EARLIEST + " and "
                    + ReportPeriod.LATEST);
        }
        return new ReportPeriod(from, to);
    }

    /** The years of a trend: {@code from} … {@code to}, at most {@value #MAX_TREND_YEARS} of them. */
    static void trendYears(int from, int to) {
        year(from);
        year(to);
        if (to < from || to - from + 1 > MAX_TREND_YEARS) {
            throw LedgerProblemException.badRequest("INVALID_PERIOD", "趋势年度须为 1 至 " + MAX_TREND_YEARS
                    + " 个连续年度，自 from 至 to", "The trend covers 1 to " + MAX_TREND_YEARS + " consecutive years, from to to");
        }
    }

    static int year(int year) {
        if (year < ReportPeriod.EARLIEST.getYear() || year > ReportPeriod.LATEST.getYear()) {
            throw LedgerProblemException.badRequest("INVALID_YEAR", "年度须在 " + ReportPeriod.EARLIEST.getYear() + " 至 "
                    + ReportPeriod.LATEST.getYear() + " 之间：" + year, "The year must lie between "
                    + ReportPeriod.EARLIEST.getYear() + " and " + ReportPeriod.LATEST.getYear() + ": " + year);
        }
        return year;
    }
}
