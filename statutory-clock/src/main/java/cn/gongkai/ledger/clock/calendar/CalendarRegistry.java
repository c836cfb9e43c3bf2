package cn.gongkai.ledger.clock.calendar;

import cn.gongkai.ledger.api.common.AgencyId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which calendar each agency counts with: the national one, or the national one with the
 * agency's layer on top (regional holidays). Immutable: every change returns a new registry, so a
 * caller can compare the calendars before and after (see {@code DueDateRecomputation}).
 */
public final class CalendarRegistry {
    private final WorkingDayCalendar national;
    private final Map<AgencyId, AgencyLayer> layers;
    private final Map<AgencyId, WorkingDayCalendar> agencyCalendars = new HashMap<>();

    private record AgencyLayer(String name, List<HolidayYear> years) {
    }

    private CalendarRegistry(WorkingDayCalendar national, Map<AgencyId, AgencyLayer> layers) {
        this.national = Objects.requireNonNull(national, "national");
        this.layers = Map.copyOf(layers);
        layers.forEach((agency, layer) -> agencyCalendars.put(agency, national.overlay(layer.name(), layer.years())));
    }

    /** A registry in which every agency uses {@code national}. */
    public static CalendarRegistry of(WorkingDayCalendar national) {
        return new CalendarRegistry(national, Map.of());
    }

    /** This registry with {@code agency} counting on the national calendar plus the given layer (replacing any earlier layer). */
    public CalendarRegistry withAgencyLayer(AgencyId agency, String layerName, Collection<HolidayYear> years) {
        Map<AgencyId, AgencyLayer> updated = new HashMap<>(layers);
        updated.put(Objects.requireNonNull(agency, "agency"), new AgencyLayer(layerName, List.copyOf(years)));
        return new CalendarRegistry(national, updated);
    }

    /** This registry with new national year files (a new notice); agency layers are re-applied on top. */
    public CalendarRegistry withNationalYears(Collection<HolidayYear> years) {
        return new CalendarRegistry(national.withYears(years), layers);
    }

    public WorkingDayCalendar national() {
        return national;
    }

    /** The calendar {@code agency} counts its deadlines with. */
    public WorkingDayCalendar calendarFor(AgencyId agency) {
        return agencyCalendars.getOrDefault(agency, national);
    }
}
