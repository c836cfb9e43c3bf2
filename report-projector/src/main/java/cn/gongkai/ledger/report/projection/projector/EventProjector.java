package cn.gongkai.ledger.report.projection.projector;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.agency.AgencyTreeFold;
import cn.gongkai.ledger.readmodel.casefile.CaseSummaryFold;
import cn.gongkai.ledger.readmodel.eventstore.EventStoreReader;
import cn.gongkai.ledger.readmodel.publication.PublicationFold;
import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
import cn.gongkai.ledger.readmodel.store.AggregateProgress;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.CaseSummaryRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.QuarantinedRecord;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.Stage;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import cn.gongkai.ledger.report.json.EventJson;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies events to the read models, exactly once in effect however often they arrive:
 * <ol>
 *   <li>each event is copied once under its {@code (aggregateId, sequence)} (a duplicate changes nothing);</li>
 *   <li>each aggregate touched is counted up to its last contiguous sequence; a gap (n+2 seen, n+1 not) is
 *       repaired from the event store, and if the store cannot fill it the events above it are held back and
 *       the gap is recorded in {@code projection_gaps} and logged, never counted;</li>
 *   <li>the case summary of each touched aggregate (an agency's place in the hierarchy) and the reports of each affected agency are recomputed
 *       from the counted events (an agency's other cases as replayed before, {@link ReportMaterializer}) and
 *       written whole under their natural ids.</li>
 * </ol>
 * Every step derives its writes from what is stored, not from what changed, so repeating a batch (after a
 * crash before its offsets were written) rewrites the same documents.
 *
 * <p>Nothing one event does can stop the others. A record that is not a valid event ({@link #project(Collection,
 * Map, List)}'s {@code undecodable}) and an event that cannot be projected (any exception of the fold or of the
 * conversion to documents while projecting it) are quarantined ({@link QuarantineRepository}) with the reason,
 * where they came from and their case and agency, and the case is held back from that event on, exactly like a
 * gap: its reports name it ({@code heldBack}), every other case and agency is counted as usual. Which event is to
 * blame is found by projecting the case's new events one by one without writing ({@link #unprojectable}). Only
 * a failure of the database itself is thrown, so that the batch is tried again.
 */
public class EventProjector {
    private static final Logger LOG = LoggerFactory.getLogger(EventProjector.class);
    private static final Runnable NOTHING_IN_FLIGHT = () -> { };
    /** A rebuild's copy of a chunk's events, inserted on a daemon thread of its own. */
    private static final java.util.concurrent.Executor COPIER = task -> {
        Thread copier = new Thread(task, "ledger-rebuild-copier");
        copier.setDaemon(true);
        copier.start();
    };

    private final ProjectedEventRepository events;
    private final AggregateProgressRepository progress;
    private final SequenceGapRepository gaps;
    private final CaseSummaryRepository cases;
    private final PublishedReportRepository publications;
    private final AgencyTreeRepository agencies;
    private final ReportMaterializer reports;
    private final EventStoreReader eventStore;
    private final QuarantineRepository quarantine;
    private final Clock clock;

    public EventProjector(ProjectedEventRepository events, AggregateProgressRepository progress,
                          SequenceGapRepository gaps, CaseSummaryRepository cases,
                          PublishedReportRepository publications, AgencyTreeRepository agencies,
                          ReportMaterializer reports, EventStoreReader eventStore, QuarantineRepository quarantine,
                          Clock clock) {
        this.events = events;
        this.progress = progress;
        this.gaps = gaps;
        this.cases = cases;
        this.publications = publications;
        this.agencies = agencies;
        this.reports = reports;
        this.eventStore = eventStore;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /**
     * The projector over every repository of one read model, repairing gaps from {@code eventStore}: as
     * {@code ReportProjectorConfiguration} wires it, for a program without Spring (the rebuild command).
     */
    public static EventProjector over(cn.gongkai.ledger.readmodel.store.ReadModelDatabase readModel,
                                      EventStoreReader eventStore, Clock clock) {
        ProjectedEventRepository events = new ProjectedEventRepository(readModel);
        AggregateProgressRepository progress = new AggregateProgressRepository(readModel);
        SequenceGapRepository gaps = new SequenceGapRepository(readModel);
        ReportMaterializer reports = new ReportMaterializer(
                new cn.gongkai.ledger.readmodel.query.CountedEvents(events, progress), gaps,
                new cn.gongkai.ledger.readmodel.store.MaterializedReportRepository(readModel));
        return new EventProjector(events, progress, gaps, new CaseSummaryRepository(readModel),
                new PublishedReportRepository(readModel), new AgencyTreeRepository(readModel), reports, eventStore,
                new QuarantineRepository(readModel), clock);
    }

    /** Where a record was read: its topic, partition and offset. */
    public record Delivery(String topic, int partition, long offset) {
    }

    /** A record that is not a valid event: where it was read, its key and value, and why it was refused. */
    public record Undecodable(Delivery delivery, String key, byte[] value, String reason) {
    }

    /** Applies a batch of events (any order, duplicates allowed). */
    /** Forgets the agencies' replayed cases: the next batch of each agency reads it whole (after a rebalance). */
    public void forgetReplayedCases() {
        reports.forgetReplayedCases();
    }

    public void project(Collection<EventEnvelope> batch) {
        project(batch, Map.of(), List.of());
    }

    /**
     * Applies a batch read from Kafka: its events (with where each was read, by {@link #key}) and the records that
     * were not valid events, which are quarantined (their case, when it can be told, is held back from them on).
     */
    public void project(Collection<EventEnvelope> batch, Map<String, Delivery> deliveries,
                        List<Undecodable> undecodable) {
        Set<String> touched = new LinkedHashSet<>();
        for (Undecodable record : undecodable) {
            QuarantinedRecord entry = RecordPeek.of(record, clock.instant(), this::agencyOf);
            quarantine.save(entry);
            LOG.error("Quarantined record {}-{}@{} (case {}, agency {}): not a valid event: {}",
                    entry.topic(), entry.partition(), entry.offset(), entry.aggregateId(), entry.agencyId(),
                    entry.reason());
            if (entry.aggregateId() != null) {
                touched.add(entry.aggregateId());
            }
        }
        for (EventEnvelope event : batch) {
            touched.add(event.aggregateId());
        }
        // What is stored of the touched aggregates, in one read; the batch's events not among them are stored in
        // one insert (a copy already there is left) and added to the histories counted, which are not read back.
        Map<String, java.util.TreeMap<Long, EventEnvelope>> histories = new java.util.HashMap<>();
        for (EventEnvelope event : events.ofAggregates(touched)) {
            histories.computeIfAbsent(event.aggregateId(), id -> new java.util.TreeMap<>()).putIfAbsent(event.sequence(), event);
        }
        List<EventEnvelope> fresh = new ArrayList<>();
        for (EventEnvelope event : batch) {
            if (histories.computeIfAbsent(event.aggregateId(), id -> new java.util.TreeMap<>())
                    .putIfAbsent(event.sequence(), event) == null) {
                fresh.add(event);
            }
        }
        events.insertAllNew(fresh, ProjectedEventRepository.FROM_KAFKA);
        Map<String, List<EventEnvelope>> stored = new java.util.HashMap<>();
        histories.forEach((id, history) -> stored.put(id, new ArrayList<>(history.values())));
        catchUp(touched, deliveries, stored, null, NOTHING_IN_FLIGHT);
    }

    /**
     * Starts a rebuild of every read model from complete histories, such as the event store's read in aggregate
     * order ({@code MongoEventStoreReader.forEachAggregate}): {@link Rebuild#add} takes one aggregate's whole
     * history at a time, and every {@value Rebuild#CHUNK_EVENTS} events the chunk is counted as a batch is (the same
     * rules: gaps, quarantine, summaries, publications, the hierarchy) with its events copied in one unordered
     * insert (a copy already there is left; inserted on a thread of its own while the chunk is counted) and its
     * derived documents in one insert each (replacing those already there), nothing read back;
     * the reports are folded in memory, agency by agency, and each is written once, by {@link Rebuild#finish}.
     * Everything is written under its natural id, so a rebuild run again, or again after it was killed, gives the
     * same read model. Meant for a read model no live projector writes meanwhile (a fresh database, or with the
     * projector stopped): the reports it writes at the end are those of the events it read.
     */
    public Rebuild rebuild() {
        return new Rebuild();
    }

    /** See {@link #rebuild()}. Not thread-safe: one reader feeds it. */
    public final class Rebuild {
        /** Events counted in one chunk: one insert, one bulk write of each derived collection. */
        public static final int CHUNK_EVENTS = 10_000;

        private final ReportMaterializer.Staging staging = reports.staging();
        private final Map<String, List<EventEnvelope>> pending = new LinkedHashMap<>();
        private final List<EventEnvelope> pendingEvents = new ArrayList<>();
        /** The copy of the chunk last counted, being inserted (null: none in flight). */
        private java.util.concurrent.CompletableFuture<Void> copying;
        private long events;
        private long aggregates;

        private Rebuild() {
        }

        /** One aggregate's whole history, in sequence order (each aggregate once). */
        public void add(List<EventEnvelope> history) {
            if (history.isEmpty()) {
                return;
            }
            String aggregateId = history.get(0).aggregateId();
            if (pending.containsKey(aggregateId)) {
                flush();
            }
            pending.put(aggregateId, history);
            pendingEvents.addAll(history);
            if (pendingEvents.size() >= CHUNK_EVENTS) {
                flush();
            }
        }

        /**
         * Counts the chunk while its events are copied: the copy is inserted on a thread of its own while the
         * chunk is counted and its derived documents written (nothing of the rebuild reads the copy back, except
         * a repair or a culprit search, which wait for it first); the next chunk waits for this one's copy.
         */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            awaitCopy();
            List<EventEnvelope> chunk = List.copyOf(pendingEvents);
            copying = java.util.concurrent.CompletableFuture.runAsync(
                    () -> EventProjector.this.events.insertAllNew(chunk, ProjectedEventRepository.FROM_EVENT_STORE),
                    COPIER);
            catchUp(List.copyOf(pending.keySet()), Map.of(), Map.copyOf(pending), staging, this::awaitCopy);
            events += pendingEvents.size();
            aggregates += pending.size();
            pending.clear();
            pendingEvents.clear();
        }

        /** Waits for the copy of the chunk being inserted, if any; throws what it failed with. */
        private void awaitCopy() {
            java.util.concurrent.CompletableFuture<Void> inFlight = copying;
            if (inFlight == null) {
                return;
            }
            copying = null;
            try {
                inFlight.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        /** Counts what is left and writes every agency's reports; returns what was rebuilt. */
        public Rebuilt finish() {
            flush();
            awaitCopy();
            int agencies = staging.writeAll();
            return new Rebuilt(events, aggregates, agencies);
        }
    }

    /** What a rebuild counted: events, aggregates, and agencies whose reports it wrote. */
    public record Rebuilt(long events, long aggregates, int agencies) {
    }

    /** The key of an event in {@link #project(Collection, Map, List)}'s deliveries. */
    public static String key(String aggregateId, long sequence) {
        return aggregateId + "|" + sequence;
    }

    /** Tries again to fill every recorded gap from the event store; returns how many gaps remain. */
    public int retryGaps() {
        return retryGaps(agency -> true);
    }

    /**
     * Tries again to fill, from the event store, the recorded gaps of the agencies {@code ofAgency} accepts (it
     * is given a gap's agency, or null where that is not known); returns how many gaps remain, of any agency.
     */
    public int retryGaps(Predicate<String> ofAgency) {
        List<SequenceGap> recorded = gaps.all();
        List<String> retried = recorded.stream().filter(g -> ofAgency.test(g.agencyId()))
                .map(SequenceGap::aggregateId).toList();
        if (retried.isEmpty()) {
            return recorded.size(); // nothing tried: the gaps are as just read
        }
        catchUp(retried, Map.of(), null, null, NOTHING_IN_FLIGHT);
        return gaps.all().size();
    }

    /**
     * Counts the aggregates and rematerialises their agencies' reports; when that fails for a reason other than
     * the database, quarantines the event to blame and starts again (each round quarantines a new event, so it
     * ends).
     *
     * @param stored  the aggregates' stored events, by aggregate in sequence order, as just read (null: read them)
     * @param staging a rebuild's staging: the reports are folded into it, not written (null: written now)
     * @param awaitWrites waits for writes still in flight (a rebuild's copy of the events), run before anything
     *                    written is read back
     */
    private void catchUp(Collection<String> aggregateIds, Map<String, Delivery> deliveries,
                         Map<String, List<EventEnvelope>> stored, ReportMaterializer.Staging staging,
                         Runnable awaitWrites) {
        Map<String, Long> before = new LinkedHashMap<>();
        Map<String, AggregateProgress> known = staging != null ? Map.of() : progress.findAll(aggregateIds);
        aggregateIds.forEach(id -> before.put(id, Optional.ofNullable(known.get(id)).map(AggregateProgress::lastContiguous)
                .orElse(-1L)));
        Map<String, List<EventEnvelope>> read = stored;
        boolean staged = staging != null;
        while (true) {
            try {
                countAndMaterialize(aggregateIds, read, staging, staged, awaitWrites);
                return;
            } catch (RuntimeException e) {
                if (isDatabaseFailure(e)) {
                    throw e;
                }
                awaitWrites.run();
                reports.forgetReplayedCases();
                // A rebuild's chunk that cannot be folded whole is counted as the live projector counts, and the
                // agencies it touches are materialised from the read model at the end, not from the staging.
                staged = false;
                read = null; // from now on what is stored (the round that failed may have stored part of it)
                if (!quarantineCulprit(before, deliveries, e)) {
                    throw e;
                }
            }
        }
    }

    private void countAndMaterialize(Collection<String> aggregateIds, Map<String, List<EventEnvelope>> stored,
                                     ReportMaterializer.Staging staging, boolean staged, Runnable awaitWrites) {
        Batch batch = new Batch(aggregateIds, stored, staging != null, awaitWrites);
        Map<AgencyId, List<List<EventEnvelope>>> changedByAgency = new TreeMap<>(
                java.util.Comparator.comparing(AgencyId::value));
        for (String aggregateId : aggregateIds) {
            count(aggregateId, batch).ifPresent(c -> changedByAgency.computeIfAbsent(new AgencyId(c.agencyId()),
                    a -> new ArrayList<>()).add(c.history()));
        }
        if (staged) {
            // Folded in memory before anything of the chunk is stored: a chunk that cannot be folded stores nothing.
            try {
                changedByAgency.forEach(staging::replace);
            } catch (RuntimeException e) {
                staging.materializeFromReadModel(changedByAgency.keySet());
                throw e;
            }
            batch.store();
            return;
        }
        batch.store();
        if (staging != null) {
            staging.materializeFromReadModel(changedByAgency.keySet());
        }
        reports.rematerializeAll(changedByAgency);
    }

    /**
     * One round of counting a batch's aggregates: what it reads of them, each kind in one round trip (their
     * stored events and what was quarantined of them), and the writes their counting derives (progress, case
     * summaries, publications, agencies' places in the hierarchy, gaps closed), stored together by {@link #store()} once every aggregate is counted
     * and before the reports are materialised from them. A round that fails writes none of them (the next round
     * derives them again from what is stored). Gaps recorded and repairs from the event store, which are rare,
     * are written as they happen.
     */
    private final class Batch {
        private final Map<String, List<EventEnvelope>> stored = new java.util.HashMap<>();
        private final Map<String, List<QuarantinedRecord>> setAside;
        private final Map<String, AggregateProgress> progressed = new LinkedHashMap<>();
        private final Set<String> closedGaps = new LinkedHashSet<>();
        private final Map<String, cn.gongkai.ledger.readmodel.casefile.CaseSummary> summaries = new LinkedHashMap<>();
        private final List<cn.gongkai.ledger.readmodel.query.PublishedReport> published = new ArrayList<>();
        /** Agencies whose registration was counted: rare, each recorded in the hierarchy on its own. */
        private final List<cn.gongkai.ledger.readmodel.query.AgencyNode> registered = new ArrayList<>();
        /** A rebuild's: its progress and summaries are new to the read model (inserted, not upserted). */
        private final boolean rebuilding;
        /** Waits for writes still in flight, before a repair reads the copied events back. */
        private final Runnable awaitWrites;

        /**
         * @param known      the aggregates' stored events, by aggregate, in sequence order; null: read them
         * @param rebuilding a rebuild's round (each aggregate counted once): what it derives is inserted, and
         *                   replaced only where it is already there
         * @param awaitWrites waits for writes still in flight (a rebuild's copy of the events) before a repair
         */
        Batch(Collection<String> aggregateIds, Map<String, List<EventEnvelope>> known, boolean rebuilding,
              Runnable awaitWrites) {
            this.rebuilding = rebuilding;
            this.awaitWrites = awaitWrites;
            if (known != null) {
                stored.putAll(known);
            } else {
                for (EventEnvelope event : events.ofAggregates(aggregateIds)) {
                    stored.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
                }
            }
            setAside = quarantine.ofAggregates(aggregateIds);
        }

        List<EventEnvelope> stored(String aggregateId) {
            return stored.getOrDefault(aggregateId, List.of());
        }

        List<QuarantinedRecord> setAside(String aggregateId) {
            return setAside.getOrDefault(aggregateId, List.of());
        }

        void store() {
            if (rebuilding) {
                progress.insertAll(progressed.values());
            } else {
                progress.saveAll(progressed.values());
            }
            gaps.removeAll(closedGaps);
            if (rebuilding) {
                cases.insertAll(summaries.values());
            } else {
                cases.saveAll(summaries.values());
            }
            publications.saveAll(published);
            agencies.recordAll(registered);
        }
    }

    /** An aggregate's agency and its counted history (its contiguous events from sequence 0). */
    private record Counted(String agencyId, List<EventEnvelope> history) {
    }

    /** Counts the aggregate up to its last contiguous event, repairing a gap if it can; returns what it counts. */
    private Optional<Counted> count(String aggregateId, Batch batch) {
        List<QuarantinedRecord> setAside = batch.setAside(aggregateId);
        long cut = setAside.stream().filter(q -> q.stage() == Stage.PROJECT && q.sequence() != null)
                .mapToLong(QuarantinedRecord::sequence).min().orElse(Long.MAX_VALUE);
        long unreadable = setAside.stream().filter(q -> q.stage() == Stage.DECODE && q.sequence() != null)
                .mapToLong(QuarantinedRecord::sequence).max().orElse(-1L);
        boolean unreadableSomewhere = setAside.stream().anyMatch(q -> q.stage() == Stage.DECODE && q.sequence() == null);
        List<EventEnvelope> stored = batch.stored(aggregateId);
        int contiguous = contiguousLength(stored, cut);
        if (contiguous < cut && (contiguous <= Math.max(highest(stored), unreadable) || unreadableSomewhere)) {
            batch.awaitWrites.run();
            contiguous = repair(aggregateId, contiguous, cut);
            stored = events.ofAggregate(aggregateId);
        }
        long highest = Math.max(highest(stored), unreadable);
        String agencyId = agencyOf(stored, contiguous, setAside);
        if (stored.isEmpty()) {
            // Only a record that could not be read is known of this case: hold it back as far as it is known.
            holdBack(aggregateId, null, stored, 0, Math.max(highest, 0), agencyId, List.of());
            return Optional.empty();
        }
        List<EventEnvelope> counted = stored.subList(0, contiguous);
        long last = contiguous - 1L;
        batch.progressed.put(aggregateId, new AggregateProgress(aggregateId, stored.get(0).aggregateType(), agencyId, last,
                highest));
        if (highest > last) {
            List<Long> quarantined = setAside.stream().filter(q -> q.stage() == Stage.PROJECT)
                    .map(QuarantinedRecord::sequence).sorted().toList();
            holdBack(aggregateId, stored.get(0).aggregateType(), stored, contiguous, highest, agencyId, quarantined);
        } else {
            batch.closedGaps.add(aggregateId);
        }
        CaseSummaryFold.fold(counted).ifPresent(summary -> batch.summaries.put(summary.id(), summary));
        PublicationFold.latest(counted).ifPresent(batch.published::add);
        AgencyTreeFold.of(counted).ifPresent(batch.registered::add);
        return agencyId == null ? Optional.empty() : Optional.of(new Counted(agencyId, List.copyOf(counted)));
    }

    /**
     * Finds the event to blame for {@code failure} among the events each aggregate got since {@code before} (its
     * last counted sequence then), by projecting them one by one without writing, and quarantines it. When no
     * single event fails on its own, the first new event of the first aggregate that has one is quarantined with
     * the failure's reason: holding back one case, visibly, is better than stopping every agency.
     *
     * @return whether an event was quarantined
     */
    private boolean quarantineCulprit(Map<String, Long> before, Map<String, Delivery> deliveries,
                                      RuntimeException failure) {
        EventEnvelope fallback = null;
        for (Map.Entry<String, Long> entry : before.entrySet()) {
            String aggregateId = entry.getKey();
            List<EventEnvelope> stored = events.ofAggregate(aggregateId);
            long cut = quarantine.ofAggregate(aggregateId).stream().filter(q -> q.stage() == Stage.PROJECT)
                    .mapToLong(QuarantinedRecord::sequence).min().orElse(Long.MAX_VALUE);
            int contiguous = contiguousLength(stored, cut);
            AgencyId agency = Optional.ofNullable(agencyOf(stored, contiguous, List.of())).map(AgencyId::new).orElse(null);
            for (int k = (int) Math.max(0, entry.getValue() + 1); k < contiguous; k++) {
                if (fallback == null) {
                    fallback = stored.get(k);
                }
                Optional<String> reason = unprojectable(agency, stored.subList(0, k + 1));
                if (reason.isPresent()) {
                    quarantineEvent(stored.get(k), agency, deliveries, reason.get());
                    return true;
                }
            }
        }
        if (fallback == null) {
            return false;
        }
        List<EventEnvelope> stored = events.ofAggregate(fallback.aggregateId());
        quarantineEvent(fallback, Optional.ofNullable(agencyOf(stored, stored.size(), List.of())).map(AgencyId::new)
                .orElse(null), deliveries, describe(failure));
        return true;
    }

    /**
     * Projects one aggregate's history without writing anything (its case summary and publication as documents,
     * and its agency's reports of every year with this history in place of the one counted); the reason when
     * that fails.
     */
    private Optional<String> unprojectable(AgencyId agency, List<EventEnvelope> history) {
        try {
            CaseSummaryFold.fold(history).ifPresent(summary -> ReadModelJson.toDocument(summary.id(), summary));
            PublicationFold.latest(history).ifPresent(publication -> ReadModelJson.toDocument("dry-run", publication));
            if (agency != null) {
                reports.dryRun(agency, history);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            if (isDatabaseFailure(e)) {
                throw e;
            }
            return Optional.of(describe(e));
        }
    }

    private void quarantineEvent(EventEnvelope event, AgencyId agency, Map<String, Delivery> deliveries,
                                 String reason) {
        Delivery delivery = deliveries.get(key(event.aggregateId(), event.sequence()));
        String json = EventJson.write(event);
        quarantine.save(new QuarantinedRecord(Stage.PROJECT, delivery == null ? null : delivery.topic(),
                delivery == null ? null : delivery.partition(), delivery == null ? null : delivery.offset(),
                event.aggregateId(), event.aggregateId(), event.sequence(), event.type(),
                agency == null ? null : agency.value(), reason, json,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, clock.instant()));
        LOG.error("Quarantined event {}#{} ({}, agency {}): it cannot be projected: {}; the case is held back from it on, "
                + "every other case goes on", event.aggregateId(), event.sequence(), event.type(),
                agency == null ? null : agency.value(), reason);
    }

    /** A failure of MongoDB itself (not of what is written): the batch is to be tried again, nothing quarantined. */
    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoException && !(cause instanceof MongoWriteException)
                    && !(cause instanceof com.mongodb.MongoBulkWriteException)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Reads the aggregate from the event store from its first missing sequence; returns the new contiguous length. */
    private int repair(String aggregateId, int contiguous, long cut) {
        try {
            for (EventEnvelope event : eventStore.readAggregate(aggregateId, contiguous)) {
                events.insertIfAbsent(event, ProjectedEventRepository.FROM_EVENT_STORE);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read {} from the event store to fill a gap at sequence {}", aggregateId, contiguous, e);
        }
        return contiguousLength(events.ofAggregate(aggregateId), cut);
    }

    private void holdBack(String aggregateId, String aggregateType, List<EventEnvelope> stored, int contiguous,
                          long highest, String agencyId, List<Long> quarantined) {
        List<Long> held = stored.stream().map(EventEnvelope::sequence).filter(s -> s >= contiguous).toList();
        List<Long> missing = new ArrayList<>();
        long expected = contiguous;
        for (long present : held) {
            for (long s = expected; s < present && missing.size() < SequenceGap.LISTED_MISSING; s++) {
                missing.add(s);
            }
            expected = present + 1;
        }
        for (long s = expected; s <= highest && missing.size() < SequenceGap.LISTED_MISSING; s++) {
            missing.add(s);
        }
        Instant now = clock.instant();
        Optional<SequenceGap> previous = gaps.find(aggregateId);
        gaps.save(new SequenceGap(aggregateId, aggregateType, agencyId, contiguous - 1L, missing, held, quarantined,
                previous.map(SequenceGap::firstDetectedAt).orElse(now), now,
                previous.map(SequenceGap::repairAttempts).orElse(0) + 1));
        LOG.warn("Holding back {} (agency {}): events {} arrived but {} are missing from Kafka and the event store"
                + " and {} are quarantined; they are not counted", aggregateId, agencyId, held, missing, quarantined);
    }

    /**
     * The agency of an aggregate: named by its first counted event (or, without one, its first stored event), or
     * by what is known of a record of it that could not be read or projected, or by what the read model recorded.
     */
    private String agencyOf(List<EventEnvelope> stored, int contiguous, List<QuarantinedRecord> setAside) {
        if (!stored.isEmpty()) {
            Optional<AgencyId> named = (contiguous > 0 ? stored.subList(0, contiguous) : stored).get(0).payload()
                    .namedAgency();
            if (named.isPresent()) {
                return named.get().value();
            }
        }
        return setAside.stream().map(QuarantinedRecord::agencyId).filter(a -> a != null).findFirst()
                .orElseGet(() -> stored.isEmpty() ? null : agencyOf(stored.get(0).aggregateId()));
    }

    /** What the read model knows of an aggregate's agency (for a record that could not be read). */
    private String agencyOf(String aggregateId) {
        return progress.find(aggregateId).map(AggregateProgress::agencyId).orElse(null);
    }

    private static long highest(List<EventEnvelope> stored) {
        return stored.isEmpty() ? -1L : stored.get(stored.size() - 1).sequence();
    }

    /**
     * How many events from sequence 0 on are present without a gap, stopping before the sequence {@code cut} (the
     * first quarantined one); {@code stored} is in sequence order.
     */
    private static int contiguousLength(List<EventEnvelope> stored, long cut) {
        int length = 0;
        while (length < stored.size() && length < cut && stored.get(length).sequence() == length) {
            length++;
        }
        return length;
    }
}
