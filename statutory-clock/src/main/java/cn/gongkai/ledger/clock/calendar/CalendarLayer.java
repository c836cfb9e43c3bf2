package cn.gongkai.ledger.clock.calendar;

import java.util.List;
import java.util.Objects;

/**
 * One layer of a {@link WorkingDayCalendar} as data: the national base ({@code national}) or an agency's layer
 * on top of it, with its year files in year order. {@link WorkingDayCalendar#layers()} and
 * {@link WorkingDayCalendar#fromLayers} turn a calendar into this data and back (same version), so a calendar
 * can be stored and the previous one rebuilt after the files changed.
 */
public record CalendarLayer(String name, List<HolidayYear> years) {
    public CalendarLayer {
        Objects.requireNonNull(name, "name");
        years = List.copyOf(years);
    }
}
