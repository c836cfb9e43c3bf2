package cn.gongkai.ledger.clock.worklist;

import cn.gongkai.ledger.clock.deadline.Standing;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An agency's open requests as of a business date.
 *
 * @param open          every open request, most urgent first: by balance (days left, or minus days
 *                      overdue), then due date, then id
 * @param overdue       the open requests past their due date, most overdue first
 * @param dueSoon       the running clocks with at most {@code dueSoonDays} working days left (0 = due
 *                      today), fewest first; paused clocks and clocks waiting for a correction are not "soon"
 * @param byOfficer     {@code open} grouped by handling officer (承办人), officers in name order;
 *                      requests without one under {@value AgencyWorklist#NO_OFFICER}
 * @param notComputable open requests whose clock could not be read, with the reason
 */
public record Worklist(LocalDate asOf, int dueSoonDays, List<Standing> open, List<Standing> overdue,
                       List<Standing> dueSoon, Map<String, List<Standing>> byOfficer,
                       List<NotComputable> notComputable) {
}
