package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.EventEnvelope;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * The events of each aggregate, deduplicated by {@code (aggregateId, sequence)} and ordered by sequence, with
 * the problems that stop a history from being folded (gaps, conflicting duplicates). Independent of the order
 * and multiplicity of the input. The aggregates are in no particular order (the fold sums over them).
 *
 * <p>The usual input — from the event store, a topic partition or an export — holds each aggregate's events as one
 * run, in sequence order: such a history (sequences 0 … n-1, once each, side by side) is taken as it is, a view of
 * the input without a copy, at one hash lookup per aggregate. Only an aggregate whose events arrive scattered,
 * out of order or more than once is collected, sorted and deduplicated.
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
        EventEnvelope[] input = events.toArray(new EventEnvelope[0]); // a snapshot: the views below never change
        Map<String, List<EventEnvelope>> grouped = new HashMap<>(Math.max(16, input.length / 2));
        List<String> scattered = new ArrayList<>();
        for (int from = 0; from < input.length; ) {
            String id = input[from].aggregateId();
            boolean whole = input[from].sequence() == 0;
            int to = from + 1;
            for (; to < input.length; to++) {
                EventEnvelope next = input[to];
                String nextId = next.aggregateId();
                if (nextId != id && !nextId.equals(id)) {
                    break;
                }
                whole &= next.sequence() == to - from;
            }
            List<EventEnvelope> before = grouped.putIfAbsent(id, new Run(input, from, to));
            if (before == null && !whole) {
                scattered.add(id); // one run, but out of order or with duplicates
                grouped.put(id, collect(List.of(), input, from, to));
            } else if (before instanceof Run first) {
                scattered.add(id); // a second run (a run out of order was listed with its first)
                grouped.put(id, collect(first, input, from, to));
            } else if (before != null) {
                for (int i = from; i < to; i++) {
                    before.add(input[i]);
                }
            }
            from = to;
        }
        Map<String, AggregateProblem> problems = new TreeMap<>();
        for (String id : scattered) {
            grouped.put(id, ordered(id, grouped.get(id), problems));
        }
        return new EventHistory(grouped, problems);
    }

    /** A list to collect an aggregate's scattered events in: {@code first}, then {@code input[from, to)}. */
    private static List<EventEnvelope> collect(List<EventEnvelope> first, EventEnvelope[] input, int from, int to) {
        List<EventEnvelope> collected = new ArrayList<>(first.size() + (to - from) + 4);
        collected.addAll(first);
        for (int i = from; i < to; i++) {
            collected.add(input[i]);
        }
        return collected;
    }

    /** One aggregate's events as they stood side by side in the input, in sequence order. */
    private static final class Run extends AbstractList<EventEnvelope> implements RandomAccess {
        private final EventEnvelope[] input;
        private final int from;
        private final int size;

        Run(EventEnvelope[] input, int from, int to) {
            this.input = input;
            this.from = from;
            this.size = to - from;
        }

        @Override
        public EventEnvelope get(int index) {
            Objects.checkIndex(index, size);
            return input[from + index];
        }

        @Override
        public int size() {
            return size;
        }
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
