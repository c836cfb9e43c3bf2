package cn.gongkai.ledger.readmodel.query;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.store.AggregateProgress;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The events the read model counts, read only: for each aggregate its events {@code 0 … lastContiguous} (a case
 * held back by a gap contributes nothing). What the materialised reports are folded from, and what a report in
 * another format or policy is folded from on demand (with the pure {@code report} library).
 */
public final class CountedEvents {
    private final ProjectedEventRepository events;
    private final AggregateProgressRepository progress;

    public CountedEvents(ProjectedEventRepository events, AggregateProgressRepository progress) {
        this.events = events;
        this.progress = progress;
    }

    /** The agency's counted events: every aggregate's contiguous prefix, by aggregate and sequence. */
    public List<EventEnvelope> ofAgency(AgencyId agencyId) {
        Map<String, Long> lastCounted = progress.ofAgency(agencyId.value()).stream()
                .collect(Collectors.toMap(AggregateProgress::aggregateId, AggregateProgress::lastContiguous));
        return events.ofAgency(agencyId, lastCounted.keySet()).stream()
                .filter(e -> lastCounted.containsKey(e.aggregateId()) && e.sequence() <= lastCounted.get(e.aggregateId()))
                .toList();
    }

    /** The ids of the counted aggregates of a type ({@code Agency}, {@code DisclosureRequest}, …), sorted. */
    public List<String> aggregatesOfType(String aggregateType) {
        return progress.ofType(aggregateType).stream().filter(p -> p.lastContiguous() >= 0)
                .map(AggregateProgress::aggregateId).sorted().toList();
    }

    /** How far the read model has counted an aggregate: its type and its last contiguous sequence. */
    public record Progress(String aggregateType, long lastContiguous) {
    }

    /** The aggregate's progress; empty when none of its events has been seen. */
    public Optional<Progress> progressOf(String aggregateId) {
        return progress.find(aggregateId).map(p -> new Progress(p.aggregateType(), p.lastContiguous()));
    }

    /** One aggregate's stored events, by sequence. */
    public List<EventEnvelope> ofAggregate(String aggregateId) {
        return events.ofAggregate(aggregateId);
    }

    /** Whether the read model has counted any event of the agency. */
    public boolean knows(AgencyId agencyId) {
        return progress.anyCountedOfAgency(agencyId.value());
    }
}
