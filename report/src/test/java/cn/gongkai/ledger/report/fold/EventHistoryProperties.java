package cn.gongkai.ledger.report.fold;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link EventHistory} takes a history that arrives as one run in sequence order as it is, and sorts and
 * deduplicates only the others: whatever path it takes, it must equal the plain definition — every aggregate's
 * deliveries sorted by sequence then event id, the first of each sequence kept, a gap or two different contents
 * under one sequence a problem — on inputs grouped, split into several runs, reordered, with gaps, redeliveries
 * and conflicting duplicates, as a list or any other collection.
 */
class EventHistoryProperties {
    private static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");

    @Property(tries = 500)
    void every_path_equals_the_plain_definition(@ForAll Random random) {
        List<EventEnvelope> input = input(random);
        Collection<EventEnvelope> given = random.nextInt(4) == 0 ? new ArrayDeque<>(input) : input;

        EventHistory history = EventHistory.of(given);

        Map<String, AggregateProblem> expectedProblems = new TreeMap<>();
        Map<String, List<EventEnvelope>> expected = plainDefinition(input, expectedProblems);
        assertThat(history.byAggregate()).isEqualTo(expected);
        assertThat(List.copyOf(history.problems())).isEqualTo(List.copyOf(expectedProblems.values()));
    }

    @Property(tries = 200)
    void a_grouped_history_in_order_is_taken_as_it_is(@ForAll Random random) {
        List<EventEnvelope> input = new ArrayList<>();
        int aggregates = 1 + random.nextInt(8);
        for (int a = 0; a < aggregates; a++) {
            input.addAll(aggregate("agency-a:" + a, 1 + random.nextInt(6)));
        }

        EventHistory history = EventHistory.of(input);

        assertThat(history.problems()).isEmpty();
        assertThat(history.byAggregate()).hasSize(aggregates);
        for (int a = 0; a < aggregates; a++) {
            List<EventEnvelope> events = history.byAggregate().get("agency-a:" + a);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i)).isSameAs(input.stream()
                        .filter(e -> e.aggregateId().equals(events.get(0).aggregateId())).toList().get(i));
                assertThat(events.get(i).sequence()).isEqualTo(i);
            }
        }
    }

    /** Aggregates of 1–5 events each, grouped in order, then changed a few times at random. */
    private static List<EventEnvelope> input(Random random) {
        List<EventEnvelope> input = new ArrayList<>();
        int aggregates = 1 + random.nextInt(5);
        for (int a = 0; a < aggregates; a++) {
            // ids built apart, so that equal ids are distinct strings, as decoded ones are
            input.addAll(aggregate(new StringBuilder("agency-a:").append(a).toString(), 1 + random.nextInt(5)));
        }
        int changes = random.nextInt(4);
        for (int c = 0; c < changes; c++) {
            int at = random.nextInt(input.size());
            EventEnvelope e = input.get(at);
            switch (random.nextInt(6)) {
                case 0 -> { // a gap (or a history whose first events are missing)
                    if (input.size() > 1) {
                        input.remove(at);
                    }
                }
                case 1 -> input.add(random.nextInt(input.size() + 1), redelivery(e, random)); // the same event again
                case 2 -> input.add(random.nextInt(input.size() + 1), conflicting(e)); // another event, same sequence
                case 3 -> input.add(at + 1 <= input.size() ? at + 1 : at, redelivery(e, random)); // next to itself
                case 4 -> { // moved elsewhere: its aggregate in two runs, or out of order within one
                    input.remove(at);
                    input.add(random.nextInt(input.size() + 1), e);
                }
                default -> { // two neighbours swapped
                    if (at + 1 < input.size()) {
                        input.set(at, input.get(at + 1));
                        input.set(at + 1, e);
                    }
                }
            }
        }
        return input;
    }

    private static List<EventEnvelope> aggregate(String id, int events) {
        List<EventEnvelope> list = new ArrayList<>();
        for (int s = 0; s < events; s++) {
            list.add(new EventEnvelope(id + "#" + s, null, id, s, null, T0.plusSeconds(s),
                    new OfficerAssigned(new RequestId(id), "officer-" + s, new Recorded("test", T0.plusSeconds(s)))));
        }
        return list;
    }

    /** The same event delivered again, under another event id (or none). */
    private static EventEnvelope redelivery(EventEnvelope e, Random random) {
        String eventId = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> "0-" + e.eventId();
            default -> "z-" + e.eventId();
        };
        return new EventEnvelope(eventId, e.aggregateType(), e.aggregateId(), e.sequence(), e.type(), e.timestamp(),
                e.payload());
    }

    private static EventEnvelope conflicting(EventEnvelope e) {
        OfficerAssigned payload = (OfficerAssigned) e.payload();
        return new EventEnvelope("y-" + e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(), e.type(),
                e.timestamp(), new OfficerAssigned(payload.requestId(), "someone else", payload.recorded()));
    }

    /** The definition, as plainly as it can be written. */
    private static Map<String, List<EventEnvelope>> plainDefinition(List<EventEnvelope> input,
                                                                   Map<String, AggregateProblem> problems) {
        Map<String, List<EventEnvelope>> received = new HashMap<>();
        for (EventEnvelope e : input) {
            received.computeIfAbsent(e.aggregateId(), id -> new ArrayList<>()).add(e);
        }
        Map<String, List<EventEnvelope>> histories = new HashMap<>();
        received.forEach((id, deliveries) -> {
            List<EventEnvelope> sorted = new ArrayList<>(deliveries);
            sorted.sort(Comparator.comparingLong(EventEnvelope::sequence)
                    .thenComparing(EventEnvelope::eventId, Comparator.nullsFirst(Comparator.naturalOrder())));
            List<EventEnvelope> history = new ArrayList<>();
            List<Long> conflicting = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            for (EventEnvelope e : sorted) {
                EventEnvelope last = history.isEmpty() ? null : history.get(history.size() - 1);
                if (last != null && last.sequence() == e.sequence()) {
                    boolean same = last.type().equals(e.type()) && Objects.equals(last.payload(), e.payload());
                    if (!same && !conflicting.contains(e.sequence())) {
                        conflicting.add(e.sequence());
                    }
                    continue;
                }
                for (long s = last == null ? 0 : last.sequence() + 1; s < e.sequence(); s++) {
                    missing.add(s);
                }
                history.add(e);
            }
            histories.put(id, history);
            String type = history.get(0).aggregateType();
            if (!conflicting.isEmpty()) {
                problems.put(id, new AggregateProblem(id, type, AggregateProblem.Kind.CONFLICTING_DUPLICATES, conflicting));
            } else if (!missing.isEmpty()) {
                problems.put(id, new AggregateProblem(id, type, AggregateProblem.Kind.MISSING_SEQUENCES, missing));
            }
        });
        return histories;
    }
}
