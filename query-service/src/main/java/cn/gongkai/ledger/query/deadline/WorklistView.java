package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.clock.deadline.Standing;
import cn.gongkai.ledger.clock.worklist.NotComputable;
import cn.gongkai.ledger.clock.worklist.Worklist;
import cn.gongkai.ledger.query.deadline.RequestDeadline.ProposalView;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Label;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agency's open requests as of a business date: {@code GET /api/agencies/{agencyId}/worklist}. Every list is
 * most urgent first (days left, or minus days overdue; then due date; then id).
 *
 * @param officer       the handling officer the lists are restricted to, or {@code null} for all
 * @param open          every open request whose clock could be read
 * @param overdue       the open requests past their due date
 * @param dueSoon       running clocks with at most {@code dueSoonDays} working days left
 * @param byOfficer     {@code open} by handling officer, officers in name order
 * @param notComputable open requests whose due date falls in a year the calendar has no notice for, with why
 */
public record WorklistView(String agencyId, LocalDate asOf, int dueSoonDays, String officer, String calendarVersion,
                           List<Entry> open, List<Entry> overdue, List<Entry> dueSoon, Map<String, List<Entry>> byOfficer,
                           List<NotComputable> notComputable) {

    /** One open request on the list; {@code proposals} are those whose date has come. */
    public record Entry(String requestId, String officer, Label status, LocalDate dueOn, boolean provisional,
                        boolean running, int daysLeft, int daysOverdue, List<ProposalView> proposals) {
        static Entry of(Standing s) {
            return new Entry(s.requestId().value(), s.officer(), RequestDeadline.status(s.status()), s.dueOn(),
                    s.provisional(), s.running(), s.daysLeft(), s.daysOverdue(),
                    s.proposals().stream().map(p -> ProposalView.of(p, s.asOf())).toList());
        }
    }

    static WorklistView of(String agencyId, String officer, String calendarVersion, Worklist worklist) {
        Map<String, List<Entry>> byOfficer = new LinkedHashMap<>();
        worklist.byOfficer().forEach((name, standings) -> byOfficer.put(name, entries(standings)));
        return new WorklistView(agencyId, worklist.asOf(), worklist.dueSoonDays(), officer, calendarVersion,
                entries(worklist.open()), entries(worklist.overdue()), entries(worklist.dueSoon()), byOfficer,
                worklist.notComputable());
    }

    private static List<Entry> entries(List<Standing> standings) {
        return standings.stream().map(Entry::of).toList();
    }
}
