package cn.gongkai.ledger.readmodel.eventstore;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.readmodel.store.RequestIdFilter;
import cn.gongkai.ledger.report.json.EventJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
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
    private static final String TIMESTAMP = "timestamp";
    private static final DateTimeFormatter STORED_TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    /** The command service's name for the payload field, then Axon's default. */
    private static final List<String> PAYLOAD_FIELDS = List.of("payload", "serializedPayload");
    private static final List<String> FILING_TYPES = List.of(
            ReconsiderationEvent.ReconsiderationFiled.class.getName(), LawsuitEvent.LawsuitFiled.class.getName());

    /** Stored class names by the event type names they stand for (a handful; filled as they are first read). */
    private static final java.util.concurrent.ConcurrentMap<String, String> TYPE_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        Set<String> appeals = new LinkedHashSet<>();
        for (EventEnvelope filing : decodeAll(events.find(Filters.in(PAYLOAD_TYPE, FILING_TYPES)))) {
            if (filing.payload().namedAgency().filter(agencyId::equals).isPresent()) {
                appeals.add(filing.aggregateId());
            }
        }
        return readAgency(agencyId, appeals);
    }

    /**
     * The events of the agency's own stream, of its requests and publications (by id prefix) and of the other
     * aggregates named (its reconsiderations and lawsuits), by aggregate and sequence: answered from the
     * aggregate index, whatever the size of the store.
     */
    public List<EventEnvelope> readAgency(AgencyId agencyId, Collection<String> otherAggregates) {
        // Two reads, each answered from the aggregate index (a $or around them would be read by scanning).
        List<EventEnvelope> result = decodeAll(events.find(RequestIdFilter.requestsOf(AGGREGATE_ID, agencyId))
                .sort(Sorts.ascending(AGGREGATE_ID, SEQUENCE)));
        Set<String> others = new LinkedHashSet<>(otherAggregates);
        others.add(agencyId.value());
        others.removeIf(id -> id.startsWith(cn.gongkai.ledger.api.request.RequestId.prefixOf(agencyId)));
        result.addAll(decodeAll(events.find(Filters.in(AGGREGATE_ID, others)).sort(Sorts.ascending(AGGREGATE_ID, SEQUENCE))));
        result.sort(java.util.Comparator.comparing(EventEnvelope::aggregateId).thenComparingLong(EventEnvelope::sequence));
        return result;
    }

    /** The first event of one aggregate (an indexed lookup by its id and sequence 0), if it has one. */
    public Optional<EventEnvelope> firstEvent(String aggregateId) {
        return Optional.ofNullable(events.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateId), Filters.eq(SEQUENCE, 0L)))
                .first()).map(MongoEventStoreReader::decode);
    }

    /**
     * The filing events of reconsiderations and lawsuits stored at or after {@code since} (null: all), by the index
     * on {@code (payloadType, timestamp)} ({@link #indexForAgencyQueries()}).
     */
    public List<EventEnvelope> filingsStoredSince(Instant since) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.in(PAYLOAD_TYPE, FILING_TYPES)));
        if (since != null) {
            filters.add(Filters.gte(TIMESTAMP, storedTime(since)));
        }
        return decodeAll(events.find(Filters.and(filters)));
    }

    /**
     * One page of the events of the given aggregates (the agency itself, its requests by id prefix, the other ids)
     * stored in [from, to) (either may be null), oldest first by store time and sequence: bounded by those aggregates
     * and the range, answered from the aggregate index and the {@code (timestamp, sequenceNumber)} index.
     */
    public List<EventEnvelope> storedFor(AgencyId agencyId, Collection<String> otherAggregates, Instant from, Instant to,
                                         int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.or(Filters.eq(AGGREGATE_ID, agencyId.value()),
                RequestIdFilter.requestsOf(AGGREGATE_ID, agencyId), Filters.in(AGGREGATE_ID, otherAggregates))));
        if (from != null) {
            filters.add(Filters.gte(TIMESTAMP, storedTime(from)));
        }
        if (to != null) {
            filters.add(Filters.lt(TIMESTAMP, storedTime(to)));
        }
        return decodeAll(events.find(Filters.and(filters)).sort(Sorts.ascending(TIMESTAMP, SEQUENCE))
                .skip(page * size).limit(size));
    }

    /** Creates (once; creating it again changes nothing) the index the filings query uses. */
    public void indexForAgencyQueries() {
        events.createIndex(Indexes.ascending(PAYLOAD_TYPE, TIMESTAMP), new IndexOptions().name("ledger_filings_by_type"));
    }

    /** Axon's stored timestamp: ISO-8601 UTC with exactly three fraction digits, so text order is time order. */
    private static String storedTime(Instant instant) {
        return STORED_TIME.format(instant);
    }

    /** Every event in the store, by aggregate and sequence (for tests, tools and a full rebuild). */
    public List<EventEnvelope> readAll() {
        return decodeAll(events.find().sort(Sorts.ascending(AGGREGATE_ID, SEQUENCE)));
    }

    /**
     * Every event in the store, handed over one aggregate's whole history at a time (its events in sequence order),
     * aggregates in id order: one query sorted by {@code (aggregateIdentifier, sequenceNumber)} — the order of
     * Axon's unique index, so MongoDB reads it from the index without sorting — read through one cursor in batches
     * of {@code batchSize} documents; only one aggregate's events are held at a time (for a rebuild).
     */
    public void forEachAggregate(int batchSize, java.util.function.Consumer<List<EventEnvelope>> histories) {
        List<EventEnvelope> history = new ArrayList<>();
        try (var cursor = events.find().sort(Sorts.ascending(AGGREGATE_ID, SEQUENCE)).batchSize(batchSize).cursor()) {
            while (cursor.hasNext()) {
                EventEnvelope event = decode(cursor.next());
                if (!history.isEmpty() && !history.get(0).aggregateId().equals(event.aggregateId())) {
                    histories.accept(history);
                    history = new ArrayList<>();
                }
                history.add(event);
            }
        }
        if (!history.isEmpty()) {
            histories.accept(history);
        }
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
            Object payload = PAYLOAD_FIELDS.stream().map(stored::get).filter(Objects::nonNull).findFirst().orElse(null);
            Object timestamp = stored.get(TIMESTAMP);
            return EventJson.ofStored(stored.getString("eventIdentifier"), stored.getString(AGGREGATE_ID),
                    stored.get(SEQUENCE, Number.class).longValue(), typeName(payloadType),
                    timestamp == null ? null : timestamp(timestamp), payloadJson(payload));
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IllegalStateException("unreadable event " + stored.get(AGGREGATE_ID) + "#" + stored.get(SEQUENCE)
                    + " of type " + payloadType, e);
        }
    }

    /** The event type name of a stored {@code payloadType} (a class name), looked up once per class name. */
    private static String typeName(String payloadType) throws ClassNotFoundException {
        if (payloadType == null) {
            throw new IllegalArgumentException("missing payloadType");
        }
        String name = TYPE_NAMES.get(payloadType);
        if (name == null) {
            name = Class.forName(payloadType, false, LedgerEvent.class.getClassLoader()).getSimpleName();
            TYPE_NAMES.put(payloadType, name);
        }
        return name;
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

    private static Instant timestamp(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
