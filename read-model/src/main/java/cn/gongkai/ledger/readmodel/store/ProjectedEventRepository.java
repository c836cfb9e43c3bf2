package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.report.json.EventJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;

/**
 * The deduplicated copy of every event the projector has seen, one document per {@code (aggregateId, sequence)}
 * under a unique index: {@code {aggregateId, sequence, aggregateType, type, eventId, timestamp, source,
 * envelope}}, where {@code envelope} is the event's JSON exactly as {@link EventJson} writes it (kept as text so
 * that amounts round-trip exactly) and {@code source} tells whether it came from Kafka or was repaired from the
 * event store. Inserting an event twice leaves the first copy.
 */
public final class ProjectedEventRepository {
    public static final String FROM_KAFKA = "kafka";
    public static final String FROM_EVENT_STORE = "event-store";

    private static final java.util.Comparator<EventEnvelope> BY_AGGREGATE_AND_SEQUENCE = java.util.Comparator
            .comparing(EventEnvelope::aggregateId).thenComparingLong(EventEnvelope::sequence);

    private final MongoCollection<Document> events;

    public ProjectedEventRepository(ReadModelDatabase database) {
        this.events = database.collection(ReadModelDatabase.EVENTS);
    }

    /** Stores the event unless an event with its {@code (aggregateId, sequence)} is there; true when it was new. */
    public boolean insertIfAbsent(EventEnvelope event, String source) {
        return events.updateOne(key(event.aggregateId(), event.sequence()), Updates.setOnInsert(fields(event, source)),
                new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    /** Stores each event as {@link #insertIfAbsent} does (a copy already there is left), in one round trip. */
    public void insertAllIfAbsent(Collection<EventEnvelope> batch, String source) {
        if (batch.isEmpty()) {
            return;
        }
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>(batch.size());
        for (EventEnvelope event : batch) {
            writes.add(new com.mongodb.client.model.UpdateOneModel<>(key(event.aggregateId(), event.sequence()),
                    Updates.setOnInsert(fields(event, source)), new UpdateOptions().upsert(true)));
        }
        // In order: a batch may carry the same event twice (Kafka redelivers); the first copy is kept.
        events.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(true));
    }

    /**
     * Stores each event whose {@code (aggregateId, sequence)} is not there yet, in one round trip: an unordered
     * insert, where a copy already stored (the unique index refuses the second) is left as it is. What the
     * projector uses for events it has found absent, and a rebuild for every event (run again, it adds nothing).
     * The batch must not hold the same {@code (aggregateId, sequence)} twice.
     */
    public void insertAllNew(Collection<EventEnvelope> batch, String source) {
        if (batch.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(batch.size());
        for (EventEnvelope event : batch) {
            Document document = new Document("aggregateId", event.aggregateId()).append("sequence", event.sequence());
            document.putAll(fields(event, source));
            documents.add(document);
        }
        try {
            events.insertMany(documents, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> error.getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    private static Document fields(EventEnvelope event, String source) {
        return new Document("aggregateType", event.aggregateType())
                .append("type", event.type())
                .append("eventId", event.eventId())
                .append("timestamp", event.timestamp() == null ? null : event.timestamp().toString())
                .append("source", source)
                .append("envelope", EventJson.write(event));
    }

    /** The stored events of one aggregate, by sequence. */
    public List<EventEnvelope> ofAggregate(String aggregateId) {
        return read(events.find(Filters.eq("aggregateId", aggregateId)).sort(Sorts.ascending("sequence")));
    }

    /** The stored events of the given aggregates, by aggregate and sequence. */
    public List<EventEnvelope> ofAggregates(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return List.of();
        }
        return read(events.find(Filters.in("aggregateId", aggregateIds))
                .sort(Sorts.ascending("aggregateId", "sequence")));
    }

    /**
     * The stored events of one agency's aggregates, by aggregate and sequence: its requests by their id prefix
     * ({@link RequestIdFilter}), its other aggregates (the agency itself, its reconsiderations and lawsuits) by id.
     */
    public List<EventEnvelope> ofAgency(AgencyId agencyId, Collection<String> aggregateIds) {
        String requestPrefix = RequestId.prefixOf(agencyId);
        List<String> others = aggregateIds.stream().filter(id -> !id.startsWith(requestPrefix)).toList();
        // Two reads, each answered from the aggregate index (a $or around them would be read by scanning).
        List<EventEnvelope> result = new ArrayList<>(read(events.find(RequestIdFilter.requestsOf("aggregateId", agencyId))
                .sort(Sorts.ascending("aggregateId", "sequence"))));
        if (!others.isEmpty()) {
            result.addAll(ofAggregates(others));
            result.sort(BY_AGGREGATE_AND_SEQUENCE);
        }
        return result;
    }

    private static List<EventEnvelope> read(Iterable<Document> documents) {
        List<EventEnvelope> result = new ArrayList<>();
        documents.forEach(d -> result.add(EventJson.read(d.getString("envelope"))));
        return result;
    }

    private static org.bson.conversions.Bson key(String aggregateId, long sequence) {
        return Filters.and(Filters.eq("aggregateId", aggregateId), Filters.eq("sequence", sequence));
    }
}
