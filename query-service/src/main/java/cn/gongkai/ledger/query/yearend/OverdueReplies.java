package cn.gongkai.ledger.query.yearend;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.ClockReading;
import cn.gongkai.ledger.clock.deadline.RequestClock;
import cn.gongkai.ledger.query.deadline.DeadlineCalendars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The replies given after their statutory due date, per year of conclusion, read by the statutory clock from
 * the same counted events as the reports. A year in which some request's due date cannot be computed (its
 * calendar year has no notice) is left out: not known, never guessed.
 */
@Component
class OverdueReplies {
    private final DeadlineCalendars calendars;

    OverdueReplies(DeadlineCalendars calendars) {
        this.calendars = calendars;
    }

    Map<Integer, Integer> byYear(AgencyId agency, List<EventEnvelope> counted, int from, int to) {
        WorkingDayCalendar calendar = calendars.calendarFor(agency);
        RequestClock clock = new RequestClock(calendar);
        Map<String, List<EventEnvelope>> byRequest = new TreeMap<>();
        counted.stream().filter(e -> e.payload() instanceof DisclosureRequestEvent)
                .forEach(e -> byRequest.computeIfAbsent(e.aggregateId(), id -> new ArrayList<>()).add(e));
        Map<Integer, Integer> overdue = new LinkedHashMap<>();
        for (int year = from; year <= to; year++) {
            overdue.put(year, 0);
        }
        Set<Integer> unknown = new HashSet<>();
        for (List<EventEnvelope> events : byRequest.values()) {
            List<DisclosureRequestEvent> history = events.stream().sorted(Comparator.comparingLong(EventEnvelope::sequence))
                    .map(e -> (DisclosureRequestEvent) e.payload()).toList();
            if (!(history.get(0) instanceof DisclosureRequestEvent.RequestReceived)) {
                continue;
            }
            try {
                ClockReading reading = clock.read(history);
                LocalDate concluded = reading.concludedOn();
                if (concluded != null && overdue.containsKey(concluded.getYear()) && reading.dueOn() != null
                        && concluded.isAfter(reading.dueOn())) {
                    overdue.merge(concluded.getYear(), 1, Integer::sum);
                }
            } catch (DateOutsideCalendarException e) {
                history.stream().filter(h -> h instanceof DisclosureRequestEvent.Conclusion)
                        .map(h -> ((DisclosureRequestEvent.Conclusion) h).concludedOn().getYear())
                        .forEach(unknown::add);
            }
        }
        unknown.forEach(overdue::remove);
        return overdue;
    }
}
