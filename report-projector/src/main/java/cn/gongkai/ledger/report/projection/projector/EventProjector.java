package cn.gongkai.ledger.report.projection.projector;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.casefile.CaseSummaryFold;
import cn.gongkai.ledger.readmodel.eventstore.EventStoreReader;
import cn.gongkai.ledger.readmodel.store.AggregateProgress;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.CaseSummaryRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.publication.PublicationFold;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies events to the read models, exactly once in effect however often they arrive:
 * <ol>
 *   <li>each event is copied once under its {@code (aggregateId, sequence)} (a duplicate changes nothing);</li>
 *   <li>each aggregate touched is counted up to its last contiguous sequence; a gap (n+2 seen, n+1 not) is
 *       repaired from the event store, and if the store cannot fill it the events above it are held back and
 *       the gap is recorded in {@code projection_gaps} and logged, never counted;</li>
 *   <li>the case summary of each touched aggregate and the reports of each affected agency are recomputed
 *       from the counted events (an agency's other cases as replayed before, {@link ReportMaterializer}) and
 *       written whole under their natural ids.</li>
 * </ol>
 * Every step derives its writes from what is stored, not from what changed, so repeating a batch (after a
 * crash before its offsets were written) rewrites the same documents.
 */
public class EventProjector {
    private static final Logger LOG = LoggerFactory.getLogger(EventProjector.class);

    private final ProjectedEventRepository events;
    private final AggregateProgressRepository progress;
    private final SequenceGapRepository gaps;
    private final CaseSummaryRepository cases;
    private final PublishedReportRepository publications;
    private final ReportMaterializer reports;
    private final EventStoreReader eventStore;
    private final Clock clock;

    public EventProjector(ProjectedEventRepository events, AggregateProgressRepository progress,
                          SequenceGapRepository gaps, CaseSummaryRepository cases,
                          PublishedReportRepository publications, ReportMaterializer reports,
                          EventStoreReader eventStore, Clock clock) {
        this.events = events;
        this.progress = progress;
        this.gaps = gaps;
        this.cases = cases;
        this.publications = publications;
        this.reports = reports;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** Applies a batch of events (any order, duplicates allowed). */
    /** Forgets the agencies' replayed cases: the next batch of each agency reads it whole (after a rebalance). */
    public void forgetReplayedCases() {
        reports.forgetReplayedCases();
    }

    public void project(Collection<EventEnvelope> batch) {
        Set<String> touched = new LinkedHashSet<>();
        for (EventEnvelope event : batch) {
            events.insertIfAbsent(event, ProjectedEventRepository.FROM_KAFKA);
            touched.add(event.aggregateId());
        }
        catchUp(touched);
    }

    /** Tries again to fill every recorded gap from the event store; returns how many gaps remain. */
    public int retryGaps() {
        catchUp(gaps.all().stream().map(SequenceGap::aggregateId).toList());
        return gaps.all().size();
    }

    private void catchUp(Collection<String> aggregateIds) {
        Map<String, List<List<EventEnvelope>>> changedByAgency = new TreeMap<>();
        for (String aggregateId : aggregateIds) {
            count(aggregateId).ifPresent(c -> changedByAgency.computeIfAbsent(c.agencyId(), a -> new ArrayList<>())
                    .add(c.history()));
        }
        changedByAgency.forEach((agency, changed) -> reports.rematerialize(new AgencyId(agency), changed));
    }

    /** An aggregate's agency and its counted history (its contiguous events from sequence 0). */
    private record Counted(String agencyId, List<EventEnvelope> history) {
    }

    /** Counts the aggregate up to its last contiguous event, repairing a gap if it can; returns what it counts. */
    private Optional<Counted> count(String aggregateId) {
        List<EventEnvelope> stored = events.ofAggregate(aggregateId);
        int contiguous = contiguousLength(stored);
        if (contiguous < stored.size()) {
            contiguous = repair(aggregateId, contiguous);
            stored = events.ofAggregate(aggregateId);
        }
        List<EventEnvelope> counted = stored.subList(0, contiguous);
        // Without its first event, only a request or the agency's own aggregate still names its agency.
        String agencyId = (counted.isEmpty() ? stored : counted).get(0).payload().namedAgency()
                .map(AgencyId::value).orElse(null);
        long last = contiguous - 1L;
        long highest = stored.get(stored.size() - 1).sequence();
        progress.save(new AggregateProgress(aggregateId, stored.get(0).aggregateType(), agencyId, last, highest));
        if (highest > last) {
            holdBack(aggregateId, stored, contiguous, agencyId);
        } else {
            gaps.remove(aggregateId);
        }
        CaseSummaryFold.fold(counted).ifPresent(cases::save);
        PublicationFold.latest(counted).ifPresent(publications::save);
        return agencyId == null ? Optional.empty() : Optional.of(new Counted(agencyId, List.copyOf(counted)));
    }

    /** Reads the aggregate from the event store from its first missing sequence; returns the new contiguous length. */
    private int repair(String aggregateId, int contiguous) {
        try {
            for (EventEnvelope event : eventStore.readAggregate(aggregateId, contiguous)) {
                events.insertIfAbsent(event, ProjectedEventRepository.FROM_EVENT_STORE);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read {} from the event store to fill a gap at sequence {}", aggregateId, contiguous, e);
        }
        return contiguousLength(events.ofAggregate(aggregateId));
    }

    private void holdBack(String aggregateId, List<EventEnvelope> stored, int contiguous, String agencyId) {
        List<Long> present = stored.stream().map(EventEnvelope::sequence).toList();
        long highest = present.get(present.size() - 1);
        List<Long> missing = new ArrayList<>();
        for (long s = contiguous; s < highest; s++) {
            if (!present.contains(s)) {
                missing.add(s);
            }
        }
        List<Long> held = present.subList(contiguous, present.size());
        Instant now = clock.instant();
        Optional<SequenceGap> previous = gaps.find(aggregateId);
        gaps.save(new SequenceGap(aggregateId, stored.get(0).aggregateType(), agencyId, contiguous - 1L, missing, held,
                previous.map(SequenceGap::firstDetectedAt).orElse(now), now,
                previous.map(SequenceGap::repairAttempts).orElse(0) + 1));
        LOG.warn("Holding back {} (agency {}): events {} arrived but {} are missing from Kafka and the event store; "
                + "they are not counted", aggregateId, agencyId, held, missing);
    }

    /** How many events from sequence 0 on are present without a gap ({@code stored} is in sequence order). */
    private static int contiguousLength(List<EventEnvelope> stored) {
        int length = 0;
        while (length < stored.size() && stored.get(length).sequence() == length) {
            length++;
        }
        return length;
    }
}
