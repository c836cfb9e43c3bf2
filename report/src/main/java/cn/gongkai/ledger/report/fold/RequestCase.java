package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestLifecycle;
import cn.gongkai.ledger.api.request.RequestLifecycle.Concluded;
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
     * Replays a request's events (its whole stream from sequence 0); empty when its registration is not among
     * them. The sources follow from the counted facts: an event is a cell's source when it changed what the cell
     * counts, so an event the report ignores is never one.
     */
    public static Optional<RequestCase> replay(String id, List<LedgerEvent> events) {
        State state = RequestLifecycle.initial();
        RequestCase counted = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            if (events.get(sequence) instanceof DisclosureRequestEvent e) {
                state = RequestLifecycle.evolve(state, e);
                counted = next(counted, state, new CellSource(id, sequence, e.getClass().getSimpleName()), id);
            }
        }
        return Optional.ofNullable(counted);
    }

    private static RequestCase next(RequestCase before, State state, CellSource source, String id) {
        if (state.file().isEmpty()) {
            return before;
        }
        var facts = state.file().get();
        ApplicantType column = CountingRules.column(facts.applicant().type());
        LocalDate receivedOn = facts.receivedOn();
        LocalDate concludedOn = null;
        Outcome outcome = null;
        if (state instanceof Concluded c) {
            concludedOn = CountingRules.countedConclusionDate(receivedOn, c.concludedOn());
            outcome = CountingRules.countedOutcome(c);
        }
        boolean intakeChanged = before == null || before.column() != column
                || !before.receivedOn().equals(receivedOn);
        boolean conclusionChanged = outcome != null && (before == null || before.column() != column
                || before.outcome() != outcome || !Objects.equals(before.concludedOn(), concludedOn));
        CellSource intake = intakeChanged ? source : before.intake();
        CellSource conclusion = outcome == null ? null : conclusionChanged ? source : before.conclusion();
        return new RequestCase(id, column, receivedOn, concludedOn, outcome, intake, conclusion);
    }
}
