package cn.gongkai.ledger.clock.calendar;

import cn.gongkai.ledger.api.request.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One layer of a {@link WorkingDayCalendar} as data: the national base ({@code national}) or an agency's layer
 * on top of it, with its year files in year order and the agency's receipt rule. {@link WorkingDayCalendar#layers()}
 * and {@link WorkingDayCalendar#fromLayers} turn a calendar into this data and back (same version), so a calendar
 * can be stored and the previous one rebuilt after the files changed.
 *
 * @param nextWorkingDayReceipt the channels for which the agency's own rule deems an application arriving on a
 *                              non-working day received on the next working day (empty: the recorded receipt date
 *                              counts, whatever day it is; absent in data stored before the rule existed)
 */
public record CalendarLayer(String name, List<HolidayYear> years, Set<Channel> nextWorkingDayReceipt) {
    public CalendarLayer {
        Objects.requireNonNull(name, "name");
        years = List.copyOf(years);
        nextWorkingDayReceipt = nextWorkingDayReceipt == null || nextWorkingDayReceipt.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(nextWorkingDayReceipt));
    }

    public CalendarLayer(String name, List<HolidayYear> years) {
        this(name, years, Set.of());
    }
}
