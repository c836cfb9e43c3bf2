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
        return read(events.find(Filters.or(RequestIdFilter.requestsOf("aggregateId", agencyId),
                        Filters.in("aggregateId", others)))
                .sort(Sorts.ascending("aggregateId", "sequence")));
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
