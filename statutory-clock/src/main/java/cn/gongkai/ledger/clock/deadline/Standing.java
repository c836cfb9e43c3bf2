package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a request stands on a business date. The working days of the limit consumed by
 * {@code asOf} are the counted days after the start date up to {@code asOf} (for a concluded
 * request, up to its conclusion); {@code daysLeft = limit - consumed} when that is not negative,
 * else {@code daysOverdue = consumed - limit}. Both are working days: due today is 0 left, the
 * first working day after the due date is 1 overdue. A paused clock keeps its balance (a fee
 * pause until the fee is paid; a consultation pause until the answer or the 15th working day);
 * a clock waiting for a correction has its whole limit left (it restarts on the correction).
 *
 * @param running   the clock runs on {@code asOf}: open, not paused, not waiting for a correction
 * @param proposals the proposals whose date has come by {@code asOf}
 */
public record Standing(RequestId requestId, String officer, RequestStatus status, LocalDate asOf, LocalDate dueOn,
                       boolean provisional, boolean running, int daysLeft, int daysOverdue, List<Proposal> proposals) {
    public Standing {
        proposals = List.copyOf(proposals);
    }

    /** Days left, or minus the days overdue: the sort key of a worklist. */
    public int balance() {
        return daysLeft - daysOverdue;
    }
}
