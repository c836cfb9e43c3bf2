package cn.gongkai.ledger.clock.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * A date the calendar has no notice for. The calendar never guesses (it does not fall back to
 * Monday–Friday): without the State Council's notice for a year, no deadline in that year can be
 * computed. Load the year's file to fix it.
 */
public class DateOutsideCalendarException extends RuntimeException {
    private final transient LocalDate date;
    private final String calendarVersion;

    public DateOutsideCalendarException(LocalDate date, String calendarVersion, SortedSet<Integer> coveredYears) {
        super("日历 " + calendarVersion + " 未覆盖 " + date.getYear() + " 年（已覆盖 " + coveredYears
                + "），无法判断 " + date + " 是否为工作日 / calendar " + calendarVersion + " has no notice for "
                + date.getYear() + ", cannot tell whether " + date + " is a working day");
        this.date = date;
        this.calendarVersion = calendarVersion;
    }

    /** The date that was asked about. */
    public LocalDate date() {
        return date;
    }

    public String calendarVersion() {
        return calendarVersion;
    }
}
