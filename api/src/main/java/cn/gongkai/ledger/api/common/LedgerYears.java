package cn.gongkai.ledger.api.common;

/**
 * The years the ledger reports on, held in one place for every id, request and query that names a year: from the
 * first annual report under the 条例 (in force from 1 May 2008; earlier dates are not reported on) to the last
 * four-digit year.
 */
public final class LedgerYears {
    public static final int FIRST = 2008;
    public static final int LAST = 9999;

    private LedgerYears() {
    }

    public static boolean contains(int year) {
        return year >= FIRST && year <= LAST;
    }

    /** @throws IllegalArgumentException naming {@code what} when the year is outside {@value #FIRST}–{@value #LAST} */
    public static int require(int year, String what) {
        if (!contains(year)) {
            throw new IllegalArgumentException(what + " must be " + FIRST + " to " + LAST + ": " + year);
        }
        return year;
    }
}
