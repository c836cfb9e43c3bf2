package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.EventEnvelope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events of each aggregate, deduplicated by {@code (aggregateId, sequence)} and ordered by sequence, with
 * the problems that stop a history from being folded (gaps, conflicting duplicates). Independent of the order
 * and multiplicity of the input. The aggregates are in no particular order (the fold sums over them); a history
 * that arrives whole and in order (sequences 0 … n-1, once each) is taken as it is.
 */
final class EventHistory {
    static final int MAX_LISTED = 1000;

    private static final Comparator<EventEnvelope> BY_SEQUENCE_THEN_ID = Comparator
            .comparingLong(EventEnvelope::sequence)
            .thenComparing(EventEnvelope::eventId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<String, List<EventEnvelope>> byAggregate;
    private final Map<String, AggregateProblem> problems;

    private EventHistory(Map<String, List<EventEnvelope>> byAggregate, Map<String, AggregateProblem> problems) {
        this.byAggregate = byAggregate;
        this.problems = problems;
    }

    static EventHistory of(Collection<EventEnvelope> events) {
        Map<String, List<EventEnvelope>> grouped = new HashMap<>(Math.max(16, events.size() / 2));
        String runId = null;
        List<EventEnvelope> run = null;
        for (EventEnvelope event : events) {
            String id = event.aggregateId();
            if (!id.equals(runId)) { // a run of one aggregate's events (the usual input) costs one lookup
                runId = id;
                run = grouped.computeIfAbsent(id, key -> new ArrayList<>(6));
            }
            run.add(event);
        }
        Map<String, AggregateProblem> problems = new TreeMap<>();
        grouped.replaceAll((aggregateId, received) -> {
            if (isWhole(received)) {
                return received; // the usual case: 0, 1, 2, … once each, in order
            }
            return ordered(aggregateId, received, problems);
        });
        return new EventHistory(grouped, problems);
    }

    /** Whether the events are sequences 0 … n-1, once each, in that order. */
    private static boolean isWhole(List<EventEnvelope> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).sequence() != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * One event per sequence number, in sequence order: of several deliveries under one number the one with the
     * least event id; a conflict (deliveries of different content) or a gap is recorded in {@code problems}.
     */
    private static List<EventEnvelope> ordered(String aggregateId, List<EventEnvelope> received,
                                               Map<String, AggregateProblem> problems) {
        List<EventEnvelope> sorted = new ArrayList<>(received);
        sorted.sort(BY_SEQUENCE_THEN_ID);
        List<EventEnvelope> ordered = new ArrayList<>(sorted.size());
        List<Long> conflicting = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < sorted.size(); ) {
            EventEnvelope chosen = sorted.get(i);
            long sequence = chosen.sequence();
            for (long s = expected; s < sequence && missing.size() < MAX_LISTED; s++) {
                missing.add(s);
            }
            expected = sequence + 1;
            List<Object> content = null;
            int j = i + 1;
            for (; j < sorted.size() && sorted.get(j).sequence() == sequence; j++) {
                content = content == null ? content(chosen) : content;
                if (!content.equals(content(sorted.get(j))) && !conflicting.contains(sequence)) {
                    conflicting.add(sequence);
                }
            }
            ordered.add(chosen);
            i = j;
        }
        String type = ordered.get(0).aggregateType();
        if (!conflicting.isEmpty()) {
            problems.put(aggregateId, new AggregateProblem(aggregateId, type,
                    AggregateProblem.Kind.CONFLICTING_DUPLICATES, conflicting));
        } else if (!missing.isEmpty()) {
            problems.put(aggregateId, new AggregateProblem(aggregateId, type,
                    AggregateProblem.Kind.MISSING_SEQUENCES, missing));
        }
        return List.copyOf(ordered);
    }

    /** What makes two deliveries of one event the same event: everything but the event id and transport time. */
    private static List<Object> content(EventEnvelope event) {
        return List.of(event.type(), event.payload());
    }

    Map<String, List<EventEnvelope>> byAggregate() {
        return byAggregate;
    }

    /** The problems of the aggregates whose history is not whole, by aggregate id. */
    Collection<AggregateProblem> problems() {
        return problems.values();
    }
}
