package cn.gongkai.ledger.command.calendar;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.clock.calendar.CalendarRegistry;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.DueDateChange;
import cn.gongkai.ledger.clock.deadline.DueDateRecomputation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a calendar change means for the due dates of open requests: pure functions of the calendars recorded at
 * the last run, the calendars configured now and the requests' histories. The service around it reads and
 * writes; every decision is here.
 */
public final class CalendarRecomputation {
    /** The record of the national calendar (agency ids never contain ':'). */
    public static final String NATIONAL = ":national";

    private CalendarRecomputation() {
    }

    /**
     * One agency's calendar at the last run and now.
     *
     * @param previous  the calendar recorded for the agency, or else the national calendar recorded (the agency
     *                  had no layer and no requests then); {@code null} when nothing was ever recorded
     * @param ownRecord whether {@code previous} is the agency's own record
     */
    public record AgencyCalendars(AgencyId agency, WorkingDayCalendar previous, WorkingDayCalendar current,
                                  boolean ownRecord) {
        /** The data changed since the last run: open due dates must be recomputed. */
        public boolean changed() {
            return previous != null && !previous.version().equals(current.version());
        }

        /** Whether the agency's current calendar must be recorded after this run. */
        public boolean toBeRecorded() {
            return !ownRecord || changed();
        }
    }

    /**
     * The agencies to look at, in id order: those that have requests and those with a layer of their own.
     *
     * @param recorded the calendars recorded at the last run, by agency id (and {@link #NATIONAL})
     */
    public static List<AgencyCalendars> compare(Map<String, WorkingDayCalendar> recorded, CalendarRegistry current,
                                                Collection<AgencyId> agenciesWithRequests) {
        TreeSet<AgencyId> agencies = new TreeSet<>(Comparator.comparing(AgencyId::value));
        agencies.addAll(agenciesWithRequests);
        agencies.addAll(current.agenciesWithLayers());
        return agencies.stream().map(agency -> {
            WorkingDayCalendar own = recorded.get(agency.value());
            return new AgencyCalendars(agency, own != null ? own : recorded.get(NATIONAL), current.calendarFor(agency),
                    own != null);
        }).toList();
    }

    /**
     * The due-date changes to record as {@code RecordDueDateRecomputation} commands: those of
     * {@link DueDateRecomputation#changes}, except a due date the previous calendar could not compute (there is
     * no previous due date to record; the request shows its due date as soon as the calendar covers it). A change
     * already recorded is refused by the request itself (its invariant: the same calendar version and due date
     * are recorded once), so a run that stopped half-way, or two replicas running at once, record nothing twice.
     *
     * @throws cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException if the current calendar no longer
     *         covers a due date the previous one computed
     */
    public static List<DueDateChange> toRecord(AgencyCalendars calendars,
                                               Collection<? extends List<? extends DisclosureRequestEvent>> openHistories) {
        if (!calendars.changed()) {
            return List.of();
        }
        return DueDateRecomputation.changes(calendars.previous(), calendars.current(), openHistories).stream()
                .filter(change -> change.previousDueOn() != null)
                .toList();
    }
}
