package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestLifecycle;
import cn.gongkai.ledger.api.request.RequestLifecycle.Concluded;
import cn.gongkai.ledger.api.request.RequestLifecycle.RequestFile;
import cn.gongkai.ledger.api.request.RequestLifecycle.State;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One disclosure request as the report counts it, read from the one {@link RequestLifecycle}: the column, the
 * receipt date, and (once concluded) the counted conclusion date and the counted outcome, each decided by
 * {@link CountingRules}. Which agency it belongs to is decided by its id ({@code agencyId:trackingNumber}).
 *
 * @param concludedOn the counted conclusion date, null while open
 * @param outcome     the counted outcome, null while open
 */
public record RequestCase(ApplicantType column, LocalDate receivedOn, LocalDate concludedOn, Outcome outcome) {

    /** Replays a request's events (in sequence order); empty when its registration is not among them. */
    public static Optional<RequestCase> replay(List<LedgerEvent> events) {
        State state = RequestLifecycle.initial();
        for (LedgerEvent event : events) {
            if (event instanceof DisclosureRequestEvent e) {
                state = RequestLifecycle.evolve(state, e);
            }
        }
        return of(state);
    }

    /** The request as counted in {@code state}; empty before its receipt. */
    static Optional<RequestCase> of(State state) {
        return state.file().map(facts -> counted(facts, state instanceof Concluded c ? c : null));
    }

    private static RequestCase counted(RequestFile facts, Concluded concluded) {
        ApplicantType column = CountingRules.column(facts.applicant().type());
        if (concluded == null) {
            return new RequestCase(column, facts.receivedOn(), null, null);
        }
        return new RequestCase(column, facts.receivedOn(),
                CountingRules.countedConclusionDate(facts.receivedOn(), concluded.concludedOn()),
                CountingRules.countedOutcome(concluded));
    }
}
