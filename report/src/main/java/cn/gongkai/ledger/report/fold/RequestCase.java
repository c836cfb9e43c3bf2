package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestLifecycle;
import cn.gongkai.ledger.api.request.RequestLifecycle.Concluded;
import cn.gongkai.ledger.api.request.RequestLifecycle.Open;
import cn.gongkai.ledger.api.request.RequestLifecycle.RequestFile;
import cn.gongkai.ledger.api.request.RequestLifecycle.State;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One disclosure request as the report counts it, read from the one {@link RequestLifecycle}: the column, the
 * receipt date, and (once concluded) the counted conclusion date and the counted outcome, each decided by
 * {@link CountingRules}; and the events that decided them, for a cell's drill-down. Which agency it belongs to is
 * decided by its id ({@code agencyId:trackingNumber}).
 *
 * @param concludedOn the counted conclusion date, null while open
 * @param outcome     the counted outcome, null while open
 * @param intake      the last event that changed the receipt date or the column (what puts it in 一, 二, 四)
 * @param conclusion  the last event that changed the conclusion, its date, outcome or column (what puts it in
 *                    三); null while open
 */
public record RequestCase(String id, ApplicantType column, LocalDate receivedOn, LocalDate concludedOn,
                          Outcome outcome, CellSource intake, CellSource conclusion) {

    /**
     * Replays a request's events (its whole stream from sequence 0, an event's index its sequence; null stands for
     * an event the report ignores, such as an erasure); empty when its registration is not among them. The sources follow from the counted facts: an event is a cell's source when it changed what the cell
     * counts, so an event the report ignores is never one.
     */
    public static Optional<RequestCase> replay(String id, List<LedgerEvent> events) {
        State state = RequestLifecycle.initial();
        boolean counted = false;
        ApplicantType column = null;
        LocalDate receivedOn = null;
        LocalDate concludedOn = null;
        Outcome outcome = null;
        int intake = -1; // the sequence of the event each source names
        int conclusion = -1;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            if (!(events.get(sequence) instanceof DisclosureRequestEvent e)) {
                continue;
            }
            state = RequestLifecycle.evolve(state, e);
            RequestFile facts = state instanceof Open open ? open.facts()
                    : state instanceof Concluded concluded ? concluded.facts() : null;
            if (facts == null) {
                continue; // not received yet (Unregistered): nothing counted
            }
            ApplicantType nowColumn = CountingRules.column(facts.applicant().type());
            LocalDate nowReceivedOn = facts.receivedOn();
            LocalDate nowConcludedOn = null;
            Outcome nowOutcome = null;
            if (state instanceof Concluded c) {
                nowConcludedOn = CountingRules.countedConclusionDate(nowReceivedOn, c.concludedOn());
                nowOutcome = CountingRules.countedOutcome(c);
            }
            if (!counted || column != nowColumn || !receivedOn.equals(nowReceivedOn)) {
                intake = sequence;
            }
            if (nowOutcome == null) {
                conclusion = -1;
            } else if (!counted || column != nowColumn || outcome != nowOutcome
                    || !Objects.equals(concludedOn, nowConcludedOn)) {
                conclusion = sequence;
            }
            counted = true;
            column = nowColumn;
            receivedOn = nowReceivedOn;
            concludedOn = nowConcludedOn;
            outcome = nowOutcome;
        }
        if (!counted) {
            return Optional.empty();
        }
        CellSource intakeSource = source(id, intake, events);
        CellSource conclusionSource = conclusion < 0 ? null
                : conclusion == intake ? intakeSource : source(id, conclusion, events);
        return Optional.of(new RequestCase(id, column, receivedOn, concludedOn, outcome, intakeSource, conclusionSource));
    }

    /** The event at {@code sequence} as a cell's source. */
    private static CellSource source(String id, int sequence, List<LedgerEvent> events) {
        return new CellSource(id, sequence, events.get(sequence).getClass().getSimpleName());
    }
}
