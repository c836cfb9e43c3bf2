package cn.gongkai.ledger.command.infrastructure;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.bson.Document;

/**
 * The MongoDB event storage engine, which looks for a snapshot only where there can be one. Only the agency's
 * aggregate is ever snapshotted ({@code AgencySnapshots}); Axon's event store otherwise asks the snapshot
 * collection before every load of every aggregate, a round trip to the database that can never find anything
 * for a request. A request's id ({@code agencyId:trackingNumber}) holds a colon, which no agency id may
 * ({@code InputLimits.ID_ALPHABET}), so its snapshot is not looked for: each command on a request, and each
 * case a 台账 import creates, costs one read of the store less. And a snapshot of an older shape of the aggregate
 * (its revision is not the {@link Revision} the aggregate class carries now) is not used: the aggregate is replayed
 * from its events instead, and the next snapshot is of the current shape.
 *
 * <p>And a unit of work that is about to load many aggregates (an import's batch, {@code CommandBatches}) may read
 * their histories in one query ({@link #prefetch}): its loads of those aggregates are then served from what that
 * query read, in the same unit of work only. A history that another writer extends after it was read is caught
 * at the append, as for any load: the unique {@code (aggregateIdentifier, sequenceNumber)} index refuses the
 * unit's event of a sequence already stored. Everything else is Axon's engine unchanged.
 */
public class AgencySnapshotsOnlyStorageEngine extends MongoEventStorageEngine {
    /** The root unit of work's resource: the histories read for it, by aggregate id. */
    private static final String PREFETCHED = AgencySnapshotsOnlyStorageEngine.class.getName() + ".prefetched";
    /** How many ids one query of {@link #prefetch} names. */
    private static final int IDS_PER_QUERY = 500;

    private final MongoTemplate template;
    private final Strategy strategy;

    public AgencySnapshotsOnlyStorageEngine(MongoEventStorageEngine.Builder builder, MongoTemplate template,
                                            EventEntryConfiguration fields, Duration lookBack) {
        this(builder, template, new Strategy(fields, lookBack));
        // Axon's tracking query excludes every event of its look-back window by id ($nin), so each poll would read
        // the whole window again; with the ids indexed, the embedded server passes over those events unread (a
        // real MongoDB merely keeps one more index). Creating it again changes nothing.
        template.eventCollection().createIndex(Indexes.ascending(fields.eventIdentifierProperty()),
                new IndexOptions().name("ledger_event_ids"));
    }

    private AgencySnapshotsOnlyStorageEngine(MongoEventStorageEngine.Builder builder, MongoTemplate template,
                                             Strategy strategy) {
        super(builder.mongoTemplate(template).storageStrategy(strategy));
        this.template = template;
        this.strategy = strategy;
    }

    /** Axon's one-document-per-event strategy, which lets this engine turn stored documents into events. */
    private static final class Strategy extends DocumentPerEventStorageStrategy {
        Strategy(EventEntryConfiguration fields, Duration lookBack) {
            super(fields, lookBack);
        }

        Stream<? extends DomainEventData<?>> events(Document stored) {
            return extractEvents(stored);
        }
    }

    /**
     * Reads the whole histories of the aggregates (one query for up to {@value #IDS_PER_QUERY} of them) for the
     * loads of the current unit of work; outside a unit of work it does nothing. Only requests' histories: an
     * aggregate that may have a snapshot is loaded from it, as usual.
     */
    public void prefetch(Collection<String> aggregateIds) {
        if (!CurrentUnitOfWork.isStarted() || aggregateIds.isEmpty()) {
            return;
        }
        Map<String, List<DomainEventData<?>>> histories = new HashMap<>();
        List<String> ids = aggregateIds.stream().filter(id -> !maySnapshot(id)).distinct().toList();
        ids.forEach(id -> histories.put(id, new ArrayList<>()));
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            for (Document stored : template.eventCollection().find(Filters.in("aggregateIdentifier", chunk))) {
                strategy.events(stored).forEach(event -> histories.get(event.getAggregateIdentifier()).add(event));
            }
        }
        histories.values().forEach(events -> events.sort(Comparator.comparingLong(DomainEventData::getSequenceNumber)));
        CurrentUnitOfWork.get().root().resources().put(PREFETCHED, histories);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        Map<String, List<DomainEventData<?>>> prefetched = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getResource(PREFETCHED) : null;
        List<DomainEventData<?>> history = prefetched == null ? null : prefetched.get(aggregateIdentifier);
        if (history == null) {
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        return history.stream().filter(event -> event.getSequenceNumber() >= firstSequenceNumber).toList();
    }

    /** Whether an aggregate of this id may have a snapshot: not a request. */
    static boolean maySnapshot(String aggregateIdentifier) {
        return aggregateIdentifier.indexOf(':') < 0;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return maySnapshot(aggregateIdentifier)
                ? super.readSnapshotData(aggregateIdentifier).filter(AgencySnapshotsOnlyStorageEngine::ofCurrentShape)
                : Stream.empty();
    }

    /** Whether a snapshot was taken of the aggregate's class as it is now: the same {@link Revision} (or none). */
    static boolean ofCurrentShape(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        try {
            Revision revision = Class.forName(type.getName()).getAnnotation(Revision.class);
            return Objects.equals(revision == null ? null : revision.value(), type.getRevision());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
