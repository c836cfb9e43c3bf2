package cn.gongkai.ledger.infra.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexes of the embedded server change how many documents a query reads, never what it returns: random
 * documents (Axon's event fields, some missing, some numbers of other types, some arrays) and random queries of
 * every shape the index answers, on the durable server with its indexes against mongo-java-server's memory backend
 * without any; again after updates and deletes, and after a restart (the indexes rebuilt from the file). And the
 * queries Axon's MongoDB event store issues are really answered from them.
 */
class OrderedFieldIndexTest {
    private static final String DB = "indexes";
    private static final String EVENTS = "domainevents";
    private static final String LEADING = "uniqueAggregateIndex" + IndexingH2Database.LEADING_KEY_SUFFIX;

    @TempDir
    Path dataDir;

    @Test
    void indexedQueriesReturnWhatAFullScanReturns() {
        Random random = new Random(20240101);
        MongoServer oracle = new MongoServer(new MemoryBackend());
        oracle.bind("127.0.0.1", 0);
        try (MongoClient plain = client(oracle)) {
            MongoCollection<Document> expected = plain.getDatabase(DB).getCollection(EVENTS);
            List<Document> documents = randomDocuments(random, 600);
            expected.insertMany(documents.stream().map(d -> new Document(d)).toList());
            Path file = dataDir.resolve("mongo.mv.db");

            DurableH2Backend backend = DurableH2Backend.open(file, false);
            MongoServer indexed = new MongoServer(backend);
            indexed.bind("127.0.0.1", 0);
            try (MongoClient client = client(indexed)) {
                MongoCollection<Document> actual = client.getDatabase(DB).getCollection(EVENTS);
                createAxonIndexes(actual);
                actual.insertMany(documents.subList(0, 300).stream().map(d -> new Document(d)).toList());
                createAxonIndexes(actual); // again, as Axon does at every start: nothing changes
                actual.insertMany(documents.subList(300, 600).stream().map(d -> new Document(d)).toList());
                assertSameAnswers(random, expected, actual, 300);

                for (MongoCollection<Document> collection : List.of(expected, actual)) {
                    collection.updateMany(eq("aggregateIdentifier", "agg-3"), Updates.set("aggregateIdentifier", "agg-30"));
                    collection.updateMany(lt("timestamp", "2024-01-01T00:00:10.000Z"),
                            Updates.set("timestamp", "2025-06-01T00:00:00.000Z"));
                    collection.deleteMany(eq("aggregateIdentifier", "agg-5"));
                }
                assertSameAnswers(random, expected, actual, 200);
            } finally {
                indexed.shutdownNow();
            }

            MongoServer reopened = new MongoServer(DurableH2Backend.open(file, false));
            reopened.bind("127.0.0.1", 0);
            try (MongoClient client = client(reopened)) {
                assertSameAnswers(random, expected, client.getDatabase(DB).getCollection(EVENTS), 200);
            } finally {
                reopened.shutdownNow();
            }
        } finally {
            oracle.shutdownNow();
        }
    }

    @Test
    void sortedQueriesReadInTheIndexOrderReturnWhatTheServerSortsAndReadAboutWhatTheyReturn() {
        Random random = new Random(20261201);
        MongoServer oracle = new MongoServer(new MemoryBackend());
        oracle.bind("127.0.0.1", 0);
        DurableH2Backend backend = DurableH2Backend.open(dataDir.resolve("walk.mv.db"), false);
        MongoServer indexed = new MongoServer(backend);
        indexed.bind("127.0.0.1", 0);
        try (MongoClient plain = client(oracle); MongoClient client = client(indexed)) {
            MongoCollection<Document> expected = plain.getDatabase(DB).getCollection(EVENTS);
            MongoCollection<Document> actual = client.getDatabase(DB).getCollection(EVENTS);
            createAxonIndexes(actual);
            // one value per document in the sorted field (as Axon's timestamps), many documents per value
            List<Document> documents = randomDocuments(random, 3_000).stream()
                    .filter(d -> !(d.get("timestamp") instanceof List<?>)).toList();
            expected.insertMany(documents.stream().map(Document::new).toList());
            actual.insertMany(documents.stream().map(Document::new).toList());
            OrderedFieldIndex ordered = index(backend, "orderedEventStreamIndex");

            for (int q = 0; q < 300; q++) {
                Bson filter = randomFilter(random);
                Bson sort = switch (random.nextInt(4)) {
                    case 0 -> Sorts.ascending("timestamp", "sequenceNumber");
                    case 2 -> Sorts.ascending("aggregateIdentifier", "sequenceNumber"); // the leading key's index
                    case 1 -> Sorts.orderBy(Sorts.descending("timestamp"), Sorts.ascending("sequenceNumber"));
                    default -> Sorts.descending("timestamp", "sequenceNumber");
                }; // a whole order (sequence numbers are unique): MongoDB leaves the order of ties open
                int skip = random.nextInt(4) == 0 ? random.nextInt(50) : 0;
                int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(200) : 0;
                int batchSize = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(300);
                Bson projection = random.nextInt(4) == 0 ? new Document("sequenceNumber", 1) : null;
                Function<MongoCollection<Document>, List<Document>> answer = c -> c.find(filter).sort(sort)
                        .skip(skip).limit(limit).batchSize(batchSize).projection(projection)
                        .into(new ArrayList<>());
                assertThat(answer.apply(actual))
                        .as("%s sorted %s, skip %d, limit %d, batches of %d", filter, sort, skip, limit, batchSize)
                        .isEqualTo(answer.apply(expected));
            }

            // Documents changed after those queries (the indexes' maps built): ids moved, removed and reused
            for (MongoCollection<Document> c : List.of(expected, actual)) {
                for (int i = 0; i < 40; i++) {
                    c.updateOne(eq("_id", "id-" + i), new Document("$set", new Document("eventIdentifier", "e-moved-" + i)));
                }
                c.deleteMany(in("_id", IntStream.range(40, 80).mapToObj(i -> "id-" + i).toList()));
                c.insertMany(IntStream.range(0, 40).mapToObj(i -> new Document("_id", "new-" + i)
                        .append("eventIdentifier", "e-" + i).append("sequenceNumber", 10_000L + i)
                        .append("timestamp", "2024-01-01T00:01:" + String.format("%02d", i) + ".000Z")).toList());
            }
            for (int q = 0; q < 200; q++) {
                Bson filter = and(gte("timestamp", timestamp(random)), nin("eventIdentifier",
                        IntStream.range(0, 1 + random.nextInt(60)).mapToObj(i -> "e-" + random.nextInt(100)).toList()));
                Function<MongoCollection<Document>, List<Document>> answer = c -> c.find(filter)
                        .sort(Sorts.ascending("timestamp", "sequenceNumber")).into(new ArrayList<>());
                assertThat(answer.apply(actual)).as("%s after the changes", filter).isEqualTo(answer.apply(expected));
            }

            // Axon's tracking query: the first batch of 100 reads about one read of the index, not all after t
            long walkedBefore = ordered.positionsWalked();
            List<Document> batch = new ArrayList<>();
            try (var cursor = actual.find(and(gte("timestamp", "2024-01-01T00:00:00.000Z"),
                    nin("eventIdentifier", List.of("e-1")))).sort(Sorts.ascending("timestamp", "sequenceNumber"))
                    .batchSize(100).iterator()) {
                while (batch.size() < 100 && cursor.hasNext()) {
                    batch.add(cursor.next());
                }
            }
            assertThat(batch).hasSize(100);
            assertThat(ordered.positionsWalked() - walkedBefore).isBetween(100L, 400L)
                    .isLessThan(actual.countDocuments(gte("timestamp", "2024-01-01T00:00:00.000Z")) / 4);
        } finally {
            indexed.shutdownNow();
            oracle.shutdownNow();
        }
    }

    @Test
    void axonsQueriesAreAnsweredFromTheIndexes() {
        DurableH2Backend backend = DurableH2Backend.open(dataDir.resolve("mongo.mv.db"), false);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> events = client.getDatabase(DB).getCollection(EVENTS);
            createAxonIndexes(events);
            events.insertMany(randomDocuments(new Random(7), 200));
            OrderedFieldIndex leading = index(backend, LEADING);
            OrderedFieldIndex ordered = index(backend, "orderedEventStreamIndex");

            long before = leading.lookups();
            // AbstractMongoEventStorageStrategy.findDomainEvents and lastSequenceNumberFor
            events.find(and(eq("aggregateIdentifier", "agg-1"), gte("sequenceNumber", 0L)))
                    .sort(Sorts.ascending("sequenceNumber")).into(new ArrayList<>());
            events.find(eq("aggregateIdentifier", "agg-1")).sort(Sorts.descending("sequenceNumber")).first();
            assertThat(leading.lookups()).isEqualTo(before + 2);

            long trackingBefore = ordered.lookups();
            // AbstractMongoEventStorageStrategy.findTrackedEvents
            events.find(and(gte("timestamp", "2024-01-01T00:01:00.000Z"), nin("eventIdentifier", List.of("e-1"))))
                    .sort(Sorts.ascending("timestamp", "sequenceNumber")).batchSize(100).into(new ArrayList<>());
            assertThat(ordered.lookups()).isEqualTo(trackingBefore + 1);

            long agencyBefore = leading.lookups();
            // ProjectedEventRepository.ofAgency: an agency's requests by id prefix, its other aggregates by id
            events.find(or(regex("aggregateIdentifier", "^agg\\-1"), in("aggregateIdentifier", List.of("agg-2"))))
                    .into(new ArrayList<>());
            assertThat(leading.lookups()).isEqualTo(agencyBefore + 2);
            assertThat(leading.getCount()).as("one entry per document with an aggregate id").isPositive();
        } finally {
            server.shutdownNow();
        }
    }

    private static OrderedFieldIndex index(DurableH2Backend backend, String name) {
        for (Index<?> index : backend.resolveDatabase(DB).resolveCollection(EVENTS, true).getIndexes()) {
            if (index.getName().equals(name)) {
                return (OrderedFieldIndex) index;
            }
        }
        throw new AssertionError("no index " + name);
    }

    private static void createAxonIndexes(MongoCollection<Document> events) {
        events.createIndex(new Document("aggregateIdentifier", 1).append("sequenceNumber", 1),
                new IndexOptions().unique(true).name("uniqueAggregateIndex"));
        events.createIndex(new Document("timestamp", 1).append("sequenceNumber", 1),
                new IndexOptions().unique(false).name("orderedEventStreamIndex"));
        events.createIndex(new Document("eventIdentifier", 1), new IndexOptions().name("ledger_event_ids"));
    }

    private static List<Document> randomDocuments(Random random, int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document document = new Document("_id", "id-" + i);
            switch (random.nextInt(20)) {
                case 0 -> { } // no event id
                case 1 -> document.append("eventIdentifier", List.of("e-" + i, "e-x")); // an array
                case 2 -> document.append("eventIdentifier", i); // a number
                default -> document.append("eventIdentifier", "e-" + i);
            }
            int aggregate = random.nextInt(12);
            if (random.nextInt(20) > 0) {
                document.append("aggregateIdentifier", "agg-" + aggregate);
            }
            document.append("sequenceNumber", (long) i); // unique per aggregate, as Axon's sequence numbers are
            switch (random.nextInt(10)) {
                case 0 -> { } // no timestamp
                case 1 -> document.append("timestamp", random.nextInt(60)); // a number, not a string
                case 2 -> document.append("timestamp", List.of(timestamp(random), timestamp(random)));
                default -> document.append("timestamp", timestamp(random));
            }
            documents.add(document);
        }
        return documents;
    }

    private static String timestamp(Random random) {
        return String.format("2024-01-01T00:%02d:%02d.000Z", random.nextInt(3), random.nextInt(60));
    }

    private static void assertSameAnswers(Random random, MongoCollection<Document> expected,
                                          MongoCollection<Document> actual, int queries) {
        for (int q = 0; q < queries; q++) {
            Bson filter = randomFilter(random);
            Bson sort = random.nextBoolean() ? Sorts.ascending("sequenceNumber")
                    : Sorts.ascending("timestamp", "sequenceNumber");
            Function<MongoCollection<Document>, List<Object>> ids = c -> c.find(filter).sort(sort)
                    .map(d -> d.get("_id")).into(new ArrayList<>());
            assertThat(ids.apply(actual)).as("%s", filter).isEqualTo(ids.apply(expected));
        }
    }

    private static Bson randomFilter(Random random) {
        String aggregate = "agg-" + random.nextInt(14);
        String time = timestamp(random);
        return switch (random.nextInt(21)) {
            case 20 -> and(gte("timestamp", time), in("_id", List.of("id-x", "id-" + random.nextInt(600))));
            // as Axon's tracking query, with the window's documents excluded by _id (a unique index, not walked)
            case 18 -> and(gte("timestamp", time), nin("_id", IntStream.range(0, 60)
                    .mapToObj(i -> "id-" + random.nextInt(3_000)).distinct().toList()));
            case 19 -> new Document("$and", List.of(new Document("timestamp", new Document("$gte", time)),
                    new Document("_id", new Document("$nin", List.of("id-x", "id-" + random.nextInt(600))))));
            case 15 -> in("_id", "id-" + random.nextInt(600), "id-" + random.nextInt(600), "id-x"); // by ids
            case 16 -> in("eventIdentifier", "e-" + random.nextInt(600), "e-x", "e-" + random.nextInt(600));
            case 17 -> and(gte("timestamp", time), in("eventIdentifier", List.of("e-x", "e-" + random.nextInt(600))));
            case 0 -> eq("aggregateIdentifier", aggregate);
            case 1 -> and(eq("aggregateIdentifier", aggregate), gte("sequenceNumber", (long) random.nextInt(600)));
            case 2 -> in("aggregateIdentifier", aggregate, "agg-" + random.nextInt(14));
            case 3 -> gte("timestamp", time);
            case 4 -> and(gt("timestamp", time), lte("timestamp", timestamp(random)));
            case 5 -> and(gte("timestamp", time), nin("eventIdentifier", List.of("e-1", "e-2", "e-" + random.nextInt(600))));
            case 9 -> new Document("$and", List.of(new Document("timestamp", new Document("$gte", time)),
                    new Document("eventIdentifier", new Document("$nin", List.of("e-x", "e-" + random.nextInt(600),
                            "e-" + random.nextInt(600)))))); // as Axon's tracking query: an explicit $and
            case 10 -> regex("aggregateIdentifier", "^agg\\-" + random.nextInt(3)); // a literal prefix
            case 11 -> or(regex("aggregateIdentifier", "^agg\\-1"), in("aggregateIdentifier", List.of(aggregate)));
            case 12 -> or(in("aggregateIdentifier", List.of()), eq("timestamp", time));
            case 13 -> or(regex("aggregateIdentifier", "^agg-1"), eq("notIndexed", 1)); // a clause no index answers
            case 14 -> regex("aggregateIdentifier", "^agg.1"); // not a literal: a full scan
            case 6 -> lt("timestamp", random.nextInt(60));
            case 7 -> eq("timestamp", time);
            default -> new Document("timestamp", new Document("$gte", time).append("$lt", timestamp(random)));
        };
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }
}
