package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a calendar change does to open deadlines: a pure function from the previous and the new
 * calendar and the open requests' histories to the due dates that moved. The caller records each
 * with {@link DueDateChange#toCommand}; concluded requests are left alone.
 */
public final class DueDateRecomputation {
    private DueDateRecomputation() {
    }

    /**
     * The due dates that differ between {@code previous} and {@code current}, in the order of {@code histories}.
     * A due date the previous calendar could not compute (year not covered) and the new one can is a
     * change with {@code previousDueOn == null}; one neither can compute is not a change.
     *
     * @throws DateOutsideCalendarException if {@code current} cannot compute a due date {@code previous} could
     */
    public static List<DueDateChange> changes(WorkingDayCalendar previous, WorkingDayCalendar current,
                                              Collection<? extends List<? extends DisclosureRequestEvent>> histories) {
        RequestClock before = new RequestClock(previous);
        RequestClock after = new RequestClock(current);
        List<DueDateChange> changes = new ArrayList<>();
        for (List<? extends DisclosureRequestEvent> history : histories) {
            LocalDate previousDue;
            try {
                ClockReading reading = before.read(history);
                if (!reading.status().open()) {
                    continue;
                }
                previousDue = reading.dueOn();
            } catch (DateOutsideCalendarException notCoveredBefore) {
                previousDue = null;
            }
            ClockReading now;
            try {
                now = after.read(history);
            } catch (DateOutsideCalendarException notCoveredNow) {
                if (previousDue == null) {
                    continue;
                }
                throw notCoveredNow;
            }
            if (now.status().open() && !Objects.equals(previousDue, now.dueOn())) {
                changes.add(new DueDateChange(now.requestId(), current.version(), previousDue, now.dueOn()));
            }
        }
        return changes;
    }
}
