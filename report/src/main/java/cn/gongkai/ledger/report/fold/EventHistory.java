package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.EventEnvelope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The events of each aggregate, deduplicated by {@code (aggregateId, sequence)} and ordered by sequence, with
 * the problems that stop a history from being folded (gaps, conflicting duplicates). Independent of the order
 * and multiplicity of the input.
 */
final class EventHistory {
    static final int MAX_LISTED = 1000;

    private final Map<String, List<EventEnvelope>> byAggregate;
    private final Map<String, AggregateProblem> problems;

    private EventHistory(Map<String, List<EventEnvelope>> byAggregate, Map<String, AggregateProblem> problems) {
        this.byAggregate = byAggregate;
        this.problems = problems;
    }

    static EventHistory of(Collection<EventEnvelope> events) {
        Map<String, TreeMap<Long, Set<EventEnvelope>>> grouped = new TreeMap<>();
        for (EventEnvelope event : events) {
            grouped.computeIfAbsent(event.aggregateId(), id -> new TreeMap<>())
                    .computeIfAbsent(event.sequence(), s -> new LinkedHashSet<>()).add(event);
        }
        Map<String, List<EventEnvelope>> byAggregate = new TreeMap<>();
        Map<String, AggregateProblem> problems = new TreeMap<>();
        grouped.forEach((aggregateId, bySequence) -> {
            List<EventEnvelope> ordered = new ArrayList<>();
            List<Long> conflicting = new ArrayList<>();
            bySequence.forEach((sequence, candidates) -> {
                if (candidates.stream().map(EventHistory::content).distinct().count() > 1) {
                    conflicting.add(sequence);
                }
                ordered.add(candidates.stream().min(Comparator.comparing(EventEnvelope::eventId,
                        Comparator.nullsFirst(Comparator.naturalOrder()))).orElseThrow());
            });
            String type = ordered.get(0).aggregateType();
            List<Long> missing = missing(bySequence.keySet());
            if (!conflicting.isEmpty()) {
                problems.put(aggregateId, new AggregateProblem(aggregateId, type,
                        AggregateProblem.Kind.CONFLICTING_DUPLICATES, conflicting));
            } else if (!missing.isEmpty()) {
                problems.put(aggregateId, new AggregateProblem(aggregateId, type,
                        AggregateProblem.Kind.MISSING_SEQUENCES, missing));
            }
            byAggregate.put(aggregateId, List.copyOf(ordered));
        });
        return new EventHistory(byAggregate, problems);
    }

    /** What makes two deliveries of one event the same event: everything but the event id and transport time. */
    private static List<Object> content(EventEnvelope event) {
        return List.of(event.type(), event.payload());
    }

    /** The missing sequence numbers below the highest present one (the first {@value #MAX_LISTED} of them). */
    private static List<Long> missing(Set<Long> present) {
        List<Long> missing = new ArrayList<>();
        long expected = 0;
        for (long sequence : new TreeSet<>(present)) {
            for (long s = expected; s < sequence && missing.size() < MAX_LISTED; s++) {
                missing.add(s);
            }
            expected = sequence + 1;
        }
        return missing;
    }

    Map<String, List<EventEnvelope>> byAggregate() {
        return byAggregate;
    }

    /** The problem of an aggregate, or null when its history is whole. */
    AggregateProblem problemOf(String aggregateId) {
        return problems.get(aggregateId);
    }
}
