package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reconsideration or lawsuit as table 四 sees it: its group, its filing date, and its dated transitions in
 * sequence order (a conclusion with its outcome; for a lawsuit also the reopening by a retrial). Which agency
 * it belongs to is decided by its filing event.
 *
 * @param group the table-四 group key: {@code 复议}, {@code 直诉} or {@code 复议后诉}
 */
record AppealCase(String group, LocalDate filedOn, List<Transition> transitions, CellSource filing) {

    /**
     * A conclusion ({@code outcome} set) or a reopening ({@code outcome} null) on {@code on}, by the event
     * {@code source}.
     */
    record Transition(LocalDate on, AppealOutcome outcome, CellSource source) {
    }

    /**
     * Replays a case's events (an event's index its sequence; null stands for an event the report ignores, such as
     * an erasure); empty when its filing is not among them. A reconsideration follows the one
     * {@link ReconsiderationLifecycle} and concludes once; a lawsuit follows the one {@link LawsuitLifecycle}: it
     * concludes when a judgment or ruling takes effect (an appeal keeps it open), on the result that judgment
     * resolves to; it is pending again from a retrial. Either is counted under {@link CountingRules#appealOutcome}.
     */
    static Optional<AppealCase> replay(String id, List<LedgerEvent> events) {
        String group = null;
        LocalDate filedOn = null;
        CellSource filing = null;
        List<Transition> transitions = new ArrayList<>();
        LawsuitLifecycle.State lawsuit = LawsuitLifecycle.initial();
        ReconsiderationLifecycle.State reconsideration = ReconsiderationLifecycle.initial();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            LedgerEvent event = events.get(sequence);
            CellSource source = null; // this event as a source, made when it is one
            if (event instanceof ReconsiderationEvent e) {
                ReconsiderationLifecycle.State before = reconsideration;
                reconsideration = ReconsiderationLifecycle.evolve(reconsideration, e);
                if (before.filing().isEmpty() && reconsideration.filing().isPresent()) {
                    group = ReportFormat.RECONSIDERATION_GROUP;
                    filedOn = reconsideration.filing().get().filedOn();
                    filing = source = source(id, sequence, event);
                }
                if (!(before instanceof ReconsiderationLifecycle.Concluded)
                        && reconsideration instanceof ReconsiderationLifecycle.Concluded c) {
                    transitions.add(new Transition(c.concludedOn(), CountingRules.appealOutcome(c.ending()),
                            source == null ? source(id, sequence, event) : source));
                }
            } else if (event instanceof LawsuitEvent e) {
                LawsuitLifecycle.State before = lawsuit;
                lawsuit = LawsuitLifecycle.evolve(lawsuit, e);
                if (before.file().isEmpty() && lawsuit.file().isPresent()) {
                    group = lawsuit.file().get().filing().route().key();
                    filedOn = lawsuit.file().get().filing().filedOn();
                    filing = source = source(id, sequence, event);
                }
                List<LawsuitLifecycle.Transition> moved = lawsuit.file().map(LawsuitLifecycle.LawsuitFile::transitions)
                        .orElse(List.of());
                if (moved.size() > before.file().map(f -> f.transitions().size()).orElse(0)) {
                    LawsuitLifecycle.Transition t = moved.get(moved.size() - 1);
                    transitions.add(new Transition(t.on(),
                            t.result() == null ? null : CountingRules.appealOutcome(t.result()),
                            source == null ? source(id, sequence, event) : source));
                }
            }
        }
        return group == null ? Optional.empty()
                : Optional.of(new AppealCase(group, filedOn, List.copyOf(transitions), filing));
    }

    private static CellSource source(String id, int sequence, LedgerEvent event) {
        return new CellSource(id, sequence, event.getClass().getSimpleName());
    }

    /** The event that decided where the case stands at the end of {@code day}: the last transition by then, or the filing. */
    CellSource sourceAt(LocalDate day) {
        CellSource source = filing;
        for (int i = 0; i < transitions.size(); i++) {
            Transition t = transitions.get(i);
            if (!t.on().isAfter(day)) {
                source = t.source();
            }
        }
        return source;
    }

    /** The outcome the case stands at at the end of {@code day}; empty while it is pending. */
    Optional<AppealOutcome> standingAt(LocalDate day) {
        AppealOutcome standing = null;
        for (int i = 0; i < transitions.size(); i++) {
            Transition t = transitions.get(i);
            if (!t.on().isAfter(day)) {
                standing = t.outcome();
            }
        }
        return Optional.ofNullable(standing);
    }

    /**
     * Whether the case was open at some time during the period (the year): filed in it, pending on its first day,
     * or moved in it.
     */
    boolean openDuring(ReportPeriod period) {
        if (filedOn.isAfter(period.to())) {
            return false;
        }
        if (period.contains(filedOn) || standingAt(period.from().minusDays(1)).isEmpty()) {
            return true;
        }
        for (int i = 0; i < transitions.size(); i++) {
            if (period.contains(transitions.get(i).on())) {
                return true;
            }
        }
        return false;
    }
}
