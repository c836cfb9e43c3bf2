package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RecordDueDateRecomputation;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;

/**
 * A calendar change moved the due date of an open request.
 *
 * @param calendarVersion the new calendar's version
 * @param previousDueOn   the due date under the previous calendar; {@code null} if the previous
 *                        calendar did not cover it (e.g. the notice for the next year was missing)
 * @param newDueOn        the due date under the new calendar
 */
public record DueDateChange(RequestId requestId, String calendarVersion, LocalDate previousDueOn, LocalDate newDueOn) {
    /** The command that records this change on the request. */
    public RecordDueDateRecomputation toCommand(Recorded recorded) {
        return new RecordDueDateRecomputation(requestId, calendarVersion, previousDueOn, newDueOn, recorded);
    }
}
