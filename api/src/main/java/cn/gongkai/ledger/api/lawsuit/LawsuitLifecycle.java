package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.AppealFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentRendered;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentTookEffect;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.LawsuitFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.PlaintiffDataErased;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.RetrialOpened;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one lifecycle of a lawsuit (行政诉讼): a sealed {@link State} and one pure {@link #evolve}, used by the
 * aggregate, the case summary and the report fold.
 *
 * <pre>
 *   Unfiled --LawsuitFiled--> Pending(FIRST) --JudgmentRendered--> Pending(judgment rendered)
 *     --AppealFiled--> Pending(SECOND) ... --JudgmentTookEffect--> Concluded --RetrialOpened--> Pending(RETRIAL)
 * </pre>
 *
 * When a judgment takes effect the case rests on the <em>resolved</em> result: an affirming judgment
 * (驳回上诉，维持原判 / 驳回再审申请) takes the result of the latest judgment rendered before it. Which table-四
 * column a result counts under is the report's {@code CountingRules}; the event records only the fact.
 */
public final class LawsuitLifecycle {
    private LawsuitLifecycle() {
    }

    public sealed interface State permits Unfiled, Pending, Concluded {
        Optional<LawsuitFile> file();
    }

    public record Unfiled() implements State {
        @Override
        public Optional<LawsuitFile> file() {
            return Optional.empty();
        }
    }

    /**
     * Under way at {@code instance}.
     *
     * @param judgmentRendered whether the judgment of {@code instance} is rendered and not yet in effect
     */
    public record Pending(LawsuitFile facts, Instance instance, boolean judgmentRendered) implements State {
        @Override
        public Optional<LawsuitFile> file() {
            return Optional.of(facts);
        }
    }

    /** A judgment took effect on {@code effectiveOn}; the case rests on {@code result} until a retrial. */
    public record Concluded(LawsuitFile facts, Instance instance, LocalDate effectiveOn, JudgmentResult result)
            implements State {
        @Override
        public Optional<LawsuitFile> file() {
            return Optional.of(facts);
        }
    }

    /** A conclusion ({@code result} set) or a reopening by a retrial ({@code result} null) on {@code on}. */
    public record Transition(LocalDate on, JudgmentResult result) {
    }

    /**
     * The facts of a lawsuit.
     *
     * @param latestJudgment the latest judgment rendered; null before the first
     * @param resolved       the result the latest judgment resolves to (affirmations resolved); null before the first
     * @param lastStep       the latest event that dated a step (for "on or after the previous step")
     * @param transitions    every conclusion and reopening, in order
     */
    public record LawsuitFile(LawsuitFiled filing, String court, JudgmentRendered latestJudgment,
                              JudgmentResult resolved, LawsuitEvent lastStep, LocalDate lastStepOn,
                              List<Transition> transitions) {
        public LawsuitFile {
            transitions = List.copyOf(transitions);
        }

        LawsuitFile step(LawsuitEvent event, LocalDate on) {
            return new LawsuitFile(filing, court, latestJudgment, resolved, event, on, transitions);
        }
    }

    public static State initial() {
        return new Unfiled();
    }

    public static State replay(List<? extends LawsuitEvent> history) {
        State state = initial();
        for (LawsuitEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    /** The state after {@code event}. Pure; an event before the filing leaves the case unfiled. */
    public static State evolve(State state, LawsuitEvent event) {
        if (event instanceof LawsuitFiled filed) {
            return state instanceof Unfiled
                    ? new Pending(new LawsuitFile(filed, filed.court(), null, null, filed, filed.filedOn(), List.of()),
                    Instance.FIRST, false)
                    : state;
        }
        if (state instanceof Unfiled) {
            return state;
        }
        LawsuitFile f = state.file().orElseThrow();
        if (event instanceof JudgmentRendered e) {
            JudgmentResult resolved = e.result() == JudgmentResult.AFFIRMED && f.resolved() != null ? f.resolved() : e.result();
            LawsuitFile facts = new LawsuitFile(f.filing(), e.court() == null ? f.court() : e.court(), e, resolved, e,
                    e.renderedOn(), f.transitions());
            return new Pending(facts, e.instance() == null ? instance(state) : e.instance(), true);
        }
        if (event instanceof AppealFiled e) {
            return new Pending(f.step(e, e.filedOn()), Instance.SECOND, false);
        }
        if (event instanceof JudgmentTookEffect e) {
            List<Transition> transitions = new ArrayList<>(f.transitions());
            transitions.add(new Transition(e.effectiveOn(), f.resolved()));
            LawsuitFile facts = new LawsuitFile(f.filing(), f.court(), f.latestJudgment(), f.resolved(), e,
                    e.effectiveOn(), transitions);
            return new Concluded(facts, e.instance() == null ? instance(state) : e.instance(), e.effectiveOn(),
                    f.resolved());
        }
        if (event instanceof RetrialOpened e) {
            List<Transition> transitions = new ArrayList<>(f.transitions());
            transitions.add(new Transition(e.openedOn(), null));
            LawsuitFile facts = new LawsuitFile(f.filing(), e.court() == null ? f.court() : e.court(),
                    f.latestJudgment(), f.resolved(), e, e.openedOn(), transitions);
            return new Pending(facts, Instance.RETRIAL, false);
        }
        if (event instanceof PlaintiffDataErased) {
            return state; // the case goes on; only its personal data is gone
        }
        throw new IllegalStateException("unhandled lawsuit event " + event.getClass().getName());
    }

    private static Instance instance(State state) {
        return state instanceof Pending p ? p.instance() : ((Concluded) state).instance();
    }
}
