package cn.gongkai.ledger.api.reconsideration;

import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.Conclusion;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationAccepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationApplicantDataErased;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationFiled;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one lifecycle of a reconsideration (行政复议) in which the agency is the respondent: a sealed {@link State}
 * and one pure {@link #evolve}, used by the aggregate, the case summary and the report fold.
 *
 * <pre>
 *   Unfiled --ReconsiderationFiled--> Filed --ReconsiderationAccepted--> Accepted
 *   Filed    --ReconsiderationRejected (不予受理) | ReconsiderationWithdrawn--> Concluded
 *   Accepted --ReconsiderationDecided | ReconsiderationWithdrawn--> Concluded
 * </pre>
 *
 * A case concludes once: a later conclusion changes nothing (the aggregate refuses one). Which table-四 column a
 * conclusion counts under is the report's {@code CountingRules}; the events record only the facts.
 */
public final class ReconsiderationLifecycle {
    private ReconsiderationLifecycle() {
    }

    public sealed interface State permits Unfiled, Filed, Accepted, Concluded {
        /** The filing; empty before it. */
        Optional<ReconsiderationFiled> filing();
    }

    public record Unfiled() implements State {
        @Override
        public Optional<ReconsiderationFiled> filing() {
            return Optional.empty();
        }
    }

    /** Filed, not yet accepted: it may be accepted, rejected (不予受理) or withdrawn. */
    public record Filed(ReconsiderationFiled facts) implements State {
        @Override
        public Optional<ReconsiderationFiled> filing() {
            return Optional.of(facts);
        }
    }

    /** Accepted on {@code acceptedOn}: it may be decided or withdrawn. */
    public record Accepted(ReconsiderationFiled facts, LocalDate acceptedOn) implements State {
        @Override
        public Optional<ReconsiderationFiled> filing() {
            return Optional.of(facts);
        }
    }

    /**
     * Ended by {@code ending} on its {@link Conclusion#concludedOn()}.
     *
     * @param acceptedOn the acceptance, null when it ended before one
     */
    public record Concluded(ReconsiderationFiled facts, LocalDate acceptedOn, Conclusion ending) implements State {
        @Override
        public Optional<ReconsiderationFiled> filing() {
            return Optional.of(facts);
        }

        public LocalDate concludedOn() {
            return ending.concludedOn();
        }
    }

    public static State initial() {
        return new Unfiled();
    }

    public static State replay(List<? extends ReconsiderationEvent> history) {
        State state = initial();
        for (ReconsiderationEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    /**
     * The state after {@code event}. Pure; an event before the filing leaves the case unfiled, a second filing or
     * acceptance and any event after the conclusion change nothing.
     */
    public static State evolve(State state, ReconsiderationEvent event) {
        if (event instanceof ReconsiderationFiled filed) {
            return state instanceof Unfiled ? new Filed(filed) : state;
        }
        if (event instanceof ReconsiderationAccepted accepted) {
            return state instanceof Filed f ? new Accepted(f.facts(), accepted.acceptedOn()) : state;
        }
        if (event instanceof Conclusion ending) {
            if (state instanceof Filed f) {
                return new Concluded(f.facts(), null, ending);
            }
            if (state instanceof Accepted a) {
                return new Concluded(a.facts(), a.acceptedOn(), ending);
            }
            return state;
        }
        if (event instanceof ReconsiderationApplicantDataErased) {
            return state; // the case goes on; only its applicant's personal data is gone
        }
        throw new IllegalStateException("unhandled reconsideration event " + event.getClass().getName());
    }
}
