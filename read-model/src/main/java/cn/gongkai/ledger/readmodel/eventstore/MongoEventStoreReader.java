package cn.gongkai.ledger.readmodel.eventstore;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import cn.gongkai.ledger.readmodel.store.RequestIdFilter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Reads the Axon Mongo extension's event collection ({@code domainevents}, one document per event:
 * {@code aggregateIdentifier, sequenceNumber, type, timestamp, eventIdentifier, payloadType} and the payload in
 * {@code payload}, as the command service configures it, or in Axon's default {@code serializedPayload}) with
 * the plain driver, and decodes each payload — Jackson JSON as text, as an embedded document or as bytes — into
 * the api record named by {@code payloadType}. No Axon types are needed to read it.
 */
public final class MongoEventStoreReader implements EventStoreReader {
    /** Axon's name for the collection; deliberately not a public constant (javac would copy it into every user). */
    private static final String DEFAULT_COLLECTION = "domainevents";

    private static final String AGGREGATE_ID = "aggregateIdentifier";
    private static final String SEQUENCE = "sequenceNumber";
    private static final String PAYLOAD_TYPE = "payloadType";
    /** The command service's name for the payload field, then Axon's default. */
    private static final List<String> PAYLOAD_FIELDS = List.of("payload", "serializedPayload");
    private static final List<String> FILING_TYPES = List.of(
            ReconsiderationEvent.ReconsiderationFiled.class.getName(), LawsuitEvent.LawsuitFiled.class.getName());

    private final MongoCollection<Document> events;

    /** The reader of the collection Axon's Mongo extension uses by default. */
    public MongoEventStoreReader(MongoDatabase database) {
        this(database, null);
    }

    /** @param collection the event collection's name; null or blank for Axon's default */
    public MongoEventStoreReader(MongoDatabase database, String collection) {
        this.events = database.getCollection(collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection);
    }

    @Override
    public List<EventEnvelope> readAggregate(String aggregateId, long fromSequence) {
        return decodeAll(events.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateId), Filters.gte(SEQUENCE, fromSequence)))
                .sort(Sorts.ascending(SEQUENCE)));
    }

    @Override
    public List<EventEnvelope> readAgency(AgencyId agencyId) {
        String agency = agencyId.value();
        Set<String> appeals = new LinkedHashSet<>();
        for (EventEnvelope filing : decodeAll(events.find(Filters.in(PAYLOAD_TYPE, FILING_TYPES)))) {
            if (filing.payload().namedAgency().filter(agencyId::equals).isPresent()) {
                appeals.add(filing.aggregateId());
            }
        }
        return decodeAll(events.find(Filters.or(
                        Filters.eq(AGGREGATE_ID, agency),
                        RequestIdFilter.requestsOf(AGGREGATE_ID, agencyId),
                        Filters.in(AGGREGATE_ID, appeals)))
                .sort(Sorts.ascending(AGGREGATE_ID, SEQUENCE)));
    }

    /** Every event in the store, by aggregate and sequence (for tests, tools and a full rebuild). */
    public List<EventEnvelope> readAll() {
        return decodeAll(events.find().sort(Sorts.ascending(AGGREGATE_ID, SEQUENCE)));
    }

    /** Every stored event document exactly as stored, as JSON, in {@code _id} order (for format tests). */
    public List<String> storedDocumentsAsJson() {
        List<String> documents = new ArrayList<>();
        events.find().sort(Sorts.ascending("_id")).forEach(d -> documents.add(d.toJson()));
        return documents;
    }

    /** How many events the store holds. */
    public long count() {
        return events.countDocuments();
    }

    /**
     * Runs the query Axon's MongoDB storage engine issues to load an aggregate (aggregate id, sequence from 0,
     * ordered by sequence) and returns how many documents it found, without decoding them: what the benchmark
     * times as the event store's part of a command.
     */
    public int loadAsAxonDoes(String aggregateId) {
        return events.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateId), Filters.gte(SEQUENCE, 0L)))
                .sort(Sorts.ascending(SEQUENCE)).into(new ArrayList<>()).size();
    }

    private static List<EventEnvelope> decodeAll(Iterable<Document> documents) {
        List<EventEnvelope> result = new ArrayList<>();
        documents.forEach(d -> result.add(decode(d)));
        return result;
    }

    /**
     * One stored event as an envelope (through {@link EventJson}, so that it is read exactly as a Kafka record
     * would be); fails loudly on a document it cannot read, never skips it.
     */
    static EventEnvelope decode(Document stored) {
        String payloadType = stored.getString(PAYLOAD_TYPE);
        try {
            Class<?> type = Class.forName(payloadType, false, LedgerEvent.class.getClassLoader());
            ObjectNode envelope = ReadModelJson.mapper().createObjectNode()
                    .put("eventId", stored.getString("eventIdentifier"))
                    .put("aggregateId", stored.getString(AGGREGATE_ID))
                    .put("sequence", stored.get(SEQUENCE, Number.class).longValue())
                    .put("type", type.getSimpleName())
                    .put("timestamp", timestamp(stored.get("timestamp")));
            Object payload = PAYLOAD_FIELDS.stream().map(stored::get).filter(Objects::nonNull).findFirst().orElse(null);
            envelope.set("payload", ReadModelJson.readTree(payloadJson(payload)));
            return EventJson.fromJson(envelope);
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IllegalStateException("unreadable event " + stored.get(AGGREGATE_ID) + "#" + stored.get(SEQUENCE)
                    + " of type " + payloadType, e);
        }
    }

    private static String payloadJson(Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof Document document) {
            return document.toJson();
        }
        if (payload instanceof Binary binary) {
            return new String(binary.getData(), StandardCharsets.UTF_8);
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("unsupported serialized payload: " + (payload == null ? null : payload.getClass()));
    }

    private static String timestamp(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value == null ? null : Instant.parse(value.toString()).toString();
    }
}
