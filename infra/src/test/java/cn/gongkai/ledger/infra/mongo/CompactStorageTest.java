package cn.gongkai.ledger.infra.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's storage: documents stored as BSON ({@link CompactDocumentType}) come back as they went in;
 * a data file written by the plain H2 backend (Java-serialized documents, unique indexes as maps in the file — how
 * every data file from before was written) opens, reads, enforces its unique indexes, takes writes and opens again;
 * and a query that fixes {@code _id} beside other conditions reads one document, not the collection.
 */
class CompactStorageTest {
    private static final String DB = "ledger";

    @TempDir
    Path dataDir;

    @Test
    void aDataFileWrittenTheOldWayOpensAndKeepsWorking() {
        Path file = dataDir.resolve(EmbeddedMongo.DATA_FILE);
        List<Document> written;
        MongoServer old = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        old.bind("127.0.0.1", 0);
        try (MongoClient client = client(old)) {
            MongoCollection<Document> events = client.getDatabase(DB).getCollection("events");
            events.createIndex(new Document("aggregateId", 1).append("sequence", 1), new IndexOptions().unique(true));
            events.createIndex(new Document("agencyId", 1));
            events.insertMany(sampleDocuments(40));
            client.getDatabase(DB).getCollection("tokens").insertOne(new Document("_id", "token").append("at", 7L));
            written = events.find().sort(Sorts.ascending("sequence")).into(new ArrayList<>());
        } finally {
            old.shutdownNow();
        }
        assertThat(written).hasSize(40);
        assertThat(storedIndexMaps(file)).as("the plain backend keeps its unique indexes in the file").isNotEmpty();

        EmbeddedMongo reopened = EmbeddedMongo.start(dataDir, "127.0.0.1", 0, false);
        try (MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> events = client.getDatabase(DB).getCollection("events");
            assertThat(events.find().sort(Sorts.ascending("sequence")).into(new ArrayList<>())).isEqualTo(written);
            assertThat(events.find(eq("agencyId", "agency-3")).into(new ArrayList<>()))
                    .isEqualTo(written.stream().filter(d -> d.get("agencyId").equals("agency-3")).toList());
            assertThat(events.find(and(eq("aggregateId", "case-2"), eq("sequence", 2L))).first())
                    .isEqualTo(written.get(2));
            assertThatThrownBy(() -> events.insertOne(new Document("aggregateId", "case-2").append("sequence", 2L)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                    .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> events.insertOne(new Document("_id", written.get(5).get("_id"))))
                    .isInstanceOf(MongoWriteException.class);
            events.updateOne(eq("_id", written.get(0).get("_id")), Updates.set("agencyId", "agency-9"));
            events.insertOne(new Document("aggregateId", "case-new").append("sequence", 0L)
                    .append("agencyId", "agency-9"));
            assertThat(client.getDatabase(DB).getCollection("tokens").find().first())
                    .isEqualTo(new Document("_id", "token").append("at", 7L));
        } finally {
            reopened.close();
        }
        assertThat(storedIndexMaps(file)).as("the stale index maps are removed").isEmpty();

        EmbeddedMongo again = EmbeddedMongo.start(dataDir, "127.0.0.1", 0, false);
        try (MongoClient client = MongoClients.create(again.uri())) {
            MongoCollection<Document> events = client.getDatabase(DB).getCollection("events");
            assertThat(events.countDocuments()).isEqualTo(41);
            assertThat(events.find(eq("agencyId", "agency-9")).map(d -> d.get("aggregateId")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("case-0", "case-new");
            assertThat(events.find(eq("_id", written.get(7).get("_id"))).first()).isEqualTo(written.get(7));
            assertThatThrownBy(() -> events.insertOne(new Document("aggregateId", "case-new").append("sequence", 0L)))
                    .isInstanceOf(MongoWriteException.class);
        } finally {
            again.close();
        }
    }

    @Test
    void documentsComeBackAsTheyWentIn() {
        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, "127.0.0.1", 0, false);
        List<Document> written;
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> docs = client.getDatabase(DB).getCollection("docs");
            docs.insertMany(sampleDocuments(30));
            docs.replaceOne(eq("_id", "string-id"), new Document("_id", "string-id").append("n", 1),
                    new ReplaceOptions().upsert(true));
            written = docs.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        } finally {
            mongo.close();
        }
        EmbeddedMongo reopened = EmbeddedMongo.start(dataDir, "127.0.0.1", 0, false);
        try (MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> docs = client.getDatabase(DB).getCollection("docs");
            assertThat(docs.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).isEqualTo(written);
            assertThat(docs.find(eq("_id", "string-id")).first()).isEqualTo(new Document("_id", "string-id")
                    .append("n", 1));
        } finally {
            reopened.close();
        }
    }

    @Test
    void aValueBsonCannotHoldIsStoredTheDefaultWay() {
        CompactDocumentType type = new CompactDocumentType();
        de.bwaldvogel.mongo.bson.Document plain = new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.ObjectId()).append("nested",
                new de.bwaldvogel.mongo.bson.Document("list", List.of(1, 2L, 3.5, "x"))).append("at", Instant.EPOCH);
        de.bwaldvogel.mongo.bson.Document odd = new de.bwaldvogel.mongo.bson.Document("big", BigInteger.TEN);
        for (Object value : List.of(plain, odd, plain.get("_id"), "key", 42L)) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, value);
            ByteBuffer bytes = buffer.getBuffer();
            bytes.flip();
            assertThat(type.read(bytes)).isEqualTo(value);
            assertThat(bytes.remaining()).isZero();
        }
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, plain);
        assertThat(buffer.getBuffer().get(0)).isEqualTo(CompactDocumentType.BSON_DOCUMENT);
        buffer = new WriteBuffer();
        type.write(buffer, odd);
        assertThat(buffer.getBuffer().get(0)).isNotEqualTo(CompactDocumentType.BSON_DOCUMENT);
    }

    @Test
    void aQueryFixingTheIdReadsOneDocument() {
        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, "127.0.0.1", 0, false);
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> docs = client.getDatabase(DB).getCollection("byid");
            docs.insertMany(sampleDocuments(20));
            String shape = DB + ".byid {_id:?,agencyId:?}";
            long before = IndexedH2Collection.scans().getOrDefault(shape, 0L);
            Object id = docs.find().first().get("_id");
            assertThat(docs.find(and(eq("_id", id), eq("agencyId", "agency-0"))).first()).isNotNull();
            assertThat(docs.find(and(eq("_id", id), eq("agencyId", "agency-1"))).first()).isNull();
            docs.updateOne(new Document("_id", id).append("agencyId", "agency-0"), Updates.set("touched", true));
            assertThat(docs.find(eq("touched", true)).first()).isNotNull();
            assertThat(IndexedH2Collection.scans().getOrDefault(shape, 0L)).isEqualTo(before);
            long scansOfTouched = IndexedH2Collection.scans().getOrDefault(DB + ".byid {touched:?}", 0L);
            assertThat(scansOfTouched).as("a query no index answers is counted").isPositive();
        } finally {
            mongo.close();
        }
    }

    private static List<Document> sampleDocuments(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", new ObjectId())
                    .append("aggregateId", "case-" + i)
                    .append("sequence", (long) i)
                    .append("agencyId", "agency-" + (i % 4))
                    .append("count", i)
                    .append("ratio", i / 3.0)
                    .append("open", i % 2 == 0)
                    .append("at", new Date(1_700_000_000_000L + i))
                    .append("payload", "<event>" + "数".repeat(i) + "</event>")
                    .append("bytes", new Binary(BsonBinarySubType.BINARY, new byte[] {(byte) i, 2, 3}))
                    .append("amount", Decimal128.parse(i + ".25"))
                    .append("nested", new Document("list", List.of(i, "x", new Document("deep", Map.of("k", i))))
                            .append("none", null)));
        }
        return documents;
    }

    private static List<String> storedIndexMaps(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return store.getMapNames().stream().filter(name -> name.contains("._index_")).toList();
        } finally {
            store.close();
        }
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }
}
