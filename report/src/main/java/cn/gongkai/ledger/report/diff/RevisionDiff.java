package cn.gongkai.ledger.report.diff;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.fold.CellSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The cell-by-cell difference of two versions of a report with, for each changed cell of tables 三 and 四, the
 * cases that entered or left it and the events that moved them: what a pending revision of a published year
 * shows (the published version against today's report), and the difference of any two versions. Pure.
 *
 * <p>A case entered a cell when the later version counts it there and the earlier does not; it left when the
 * earlier counts it and the later does not. The events that moved it are its events recorded after the earlier
 * version's instant and up to the later's (a correction, a back-dated step, a late registration). A changed cell
 * of table 二 has no cases (the register is counted, not traced).
 */
public final class RevisionDiff {
    private RevisionDiff() {
    }

    /** Whether a case entered or left a cell. */
    public enum Direction { ENTERED, LEFT }

    /**
     * One case that entered or left a changed cell.
     *
     * @param countedBy the event that counted it there (in the later version when it entered, the earlier when it
     *                  left)
     * @param movedBy   its events recorded between the two versions, in sequence order
     */
    public record CaseMove(String caseId, Direction direction, CellSource countedBy, List<EventEnvelope> movedBy) {
    }

    /** A changed cell, its values in the earlier and the later version, and the cases that moved. */
    public record CellRevision(String cell, BigDecimal before, BigDecimal after, List<CaseMove> cases) {
        /** The ids of the cases that entered, or that left, the cell. */
        public List<String> caseIds(Direction direction) {
            return cases.stream().filter(c -> c.direction() == direction).map(CaseMove::caseId).toList();
        }
    }

    /**
     * The changed cells from {@code before} to {@code after} (in official order; values as each version states
     * them), with the cases that moved and, from {@code events} (the agency's events, any order), the events
     * that moved each.
     */
    public static List<CellRevision> between(ReportVersion before, ReportVersion after,
                                             Collection<EventEnvelope> events) {
        Map<String, List<EventEnvelope>> byCase = movingEvents(events, before.knownAt(), after.knownAt());
        List<CellRevision> revisions = new ArrayList<>();
        for (CellChange change : ReportDiff.diff(before.tables(), after.tables())) {
            List<CellSource> was = before.trace().sourcesOf(change.cell());
            List<CellSource> now = after.trace().sourcesOf(change.cell());
            List<CaseMove> cases = new ArrayList<>();
            Set<String> wasIds = was.stream().map(CellSource::caseId).collect(Collectors.toSet());
            Set<String> nowIds = now.stream().map(CellSource::caseId).collect(Collectors.toSet());
            for (CellSource source : now) {
                if (!wasIds.contains(source.caseId())) {
                    cases.add(new CaseMove(source.caseId(), Direction.ENTERED, source,
                            byCase.getOrDefault(source.caseId(), List.of())));
                }
            }
            for (CellSource source : was) {
                if (!nowIds.contains(source.caseId())) {
                    cases.add(new CaseMove(source.caseId(), Direction.LEFT, source,
                            byCase.getOrDefault(source.caseId(), List.of())));
                }
            }
            revisions.add(new CellRevision(change.cell(), change.before(), change.after(), List.copyOf(cases)));
        }
        return List.copyOf(revisions);
    }

    /**
     * Each case's events recorded after the earlier of the two instants and up to the later (null is "every event
     * recorded", the latest), each once, in sequence order.
     */
    static Map<String, List<EventEnvelope>> movingEvents(Collection<EventEnvelope> events, Instant a, Instant b) {
        Instant from = a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
        Instant to = a == null || b == null ? null : a.isBefore(b) ? b : a;
        Map<String, Map<Long, EventEnvelope>> byCase = new TreeMap<>();
        if (from == null) {
            return Map.of(); // both are today's report: nothing moved
        }
        for (EventEnvelope event : events) {
            Instant at = event.payload().recorded().at();
            if (at.isAfter(from) && (to == null || !at.isAfter(to))) {
                byCase.computeIfAbsent(event.aggregateId(), id -> new TreeMap<>()).putIfAbsent(event.sequence(), event);
            }
        }
        Map<String, List<EventEnvelope>> result = new LinkedHashMap<>();
        byCase.forEach((id, bySequence) -> result.put(id, bySequence.values().stream()
                .sorted(Comparator.comparingLong(EventEnvelope::sequence)).toList()));
        return result;
    }
}
