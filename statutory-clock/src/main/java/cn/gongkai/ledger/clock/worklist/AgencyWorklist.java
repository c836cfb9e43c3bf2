package cn.gongkai.ledger.clock.worklist;

import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.ClockReading;
import cn.gongkai.ledger.clock.deadline.HistoryAsOf;
import cn.gongkai.ledger.clock.deadline.RequestClock;
import cn.gongkai.ledger.clock.deadline.Standing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lists an agency works from, as pure functions of its requests' histories, its calendar and
 * a business date (never the system clock).
 */
public final class AgencyWorklist {
    /** The default window of the due-soon list, in working days. */
    public static final int DEFAULT_DUE_SOON_DAYS = 5;
    /** The group of requests that have no handling officer. */
    public static final String NO_OFFICER = "（未指定承办人）";

    private static final Comparator<Standing> MOST_URGENT_FIRST = Comparator.comparingInt(Standing::balance)
            .thenComparing(Standing::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.requestId().value());

    private AgencyWorklist() {
    }

    /** The worklist with the default due-soon window of {@value #DEFAULT_DUE_SOON_DAYS} working days. */
    public static Worklist asOf(LocalDate asOf, WorkingDayCalendar calendar,
                                Collection<? extends List<? extends DisclosureRequestEvent>> histories) {
        return asOf(asOf, calendar, histories, DEFAULT_DUE_SOON_DAYS);
    }

    /**
     * The worklist as it stood on {@code asOf}: the requests among {@code histories} that had been received and were
     * not concluded by then, each read from its history as of that day ({@link HistoryAsOf}).
     *
     * @param dueSoonDays a running clock with at most this many working days left is due soon
     */
    public static Worklist asOf(LocalDate asOf, WorkingDayCalendar calendar,
                                Collection<? extends List<? extends DisclosureRequestEvent>> histories, int dueSoonDays) {
        if (dueSoonDays < 0) {
            throw new IllegalArgumentException("dueSoonDays must be >= 0");
        }
        RequestClock clock = new RequestClock(calendar);
        List<Standing> open = new ArrayList<>();
        List<NotComputable> notComputable = new ArrayList<>();
        for (List<? extends DisclosureRequestEvent> all : histories) {
            Optional<List<DisclosureRequestEvent>> asItStood = HistoryAsOf.of(all, asOf);
            if (asItStood.isEmpty()) {
                continue;
            }
            List<DisclosureRequestEvent> history = asItStood.get();
            try {
                ClockReading reading = clock.read(history);
                if (reading.status().open()) {
                    open.add(clock.standing(reading, asOf));
                }
            } catch (DateOutsideCalendarException e) {
                notComputable.add(new NotComputable(history.get(0).requestId(), e.getMessage()));
            }
        }
        open.sort(MOST_URGENT_FIRST);
        List<Standing> overdue = open.stream().filter(s -> s.daysOverdue() > 0).toList();
        List<Standing> dueSoon = open.stream()
                .filter(s -> s.running() && s.daysOverdue() == 0 && s.daysLeft() <= dueSoonDays).toList();
        Map<String, List<Standing>> byOfficer = new TreeMap<>();
        open.forEach(s -> byOfficer.computeIfAbsent(s.officer() == null || s.officer().isBlank() ? NO_OFFICER : s.officer(),
                o -> new ArrayList<>()).add(s));
        Map<String, List<Standing>> grouped = new LinkedHashMap<>();
        byOfficer.forEach((officer, list) -> grouped.put(officer, List.copyOf(list)));
        return new Worklist(asOf, dueSoonDays, List.copyOf(open), overdue, dueSoon, Collections.unmodifiableMap(grouped),
                List.copyOf(notComputable));
    }
}
