package cn.gongkai.ledger.clock.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date of a {@link WorkingDayCalendar} and why it is or is not a working day.
 *
 * @param date the date
 * @param kind workday, weekend, holiday or 调休 working day
 * @param name the holiday's name for {@link DayKind#HOLIDAY} and {@link DayKind#MAKEUP_WORKDAY}
 *             (e.g. {@code 春节}, {@code 国庆节、中秋节}); {@code null} for plain workdays and weekends
 */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean working() {
        return kind.working();
    }
}
