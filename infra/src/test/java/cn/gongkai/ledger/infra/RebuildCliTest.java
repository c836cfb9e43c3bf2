package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.infra.bench.AgencyYears;
import cn.gongkai.ledger.infra.mongo.EmbeddedMongo;
import cn.gongkai.ledger.infra.testing.StoredEvents;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.QuarantinedRecord;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.Stage;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ledger-rebuild} ({@link RebuildCli}) on the embedded data folder: a read model that is wrong (a
 * stale report, a case no event made, only half of the events counted) is rebuilt from the event store, every
 * report equal to the fold of its agency's events, the Kafka offsets and the records that were never valid events
 * kept; while the embedded ledger runs it refuses to start, and on a MongoDB of {@code MONGODB_URI} it runs only
 * when the operator says every projector is stopped.
 */
class RebuildCliTest {
    private static final String DATABASE = "gongkai-ledger";
    /** The event store's collection, Axon-shaped, under a name of its own ({@code EVENT_STORE_COLLECTION}). */
    private static final String EVENT_STORE = "rebuild_cli_event_store";

    @TempDir
    Path dataDir;

    @Test
    void rebuildsAWrongReadModelOfTheEmbeddedDataFolderFromTheEventStoreAndKeepsTheOffsets() {
        AgencyYears years = new AgencyYears(15, 2, 20241212);
        List<AgencyYears.AgencyLedger> agencies = List.of(years.agency(0), years.agency(1));
        List<EventEnvelope> events = new ArrayList<>();
        agencies.forEach(a -> events.addAll(a.events()));
        onEmbedded(database -> {
            database.getCollection(EVENT_STORE).insertMany(StoredEvents.documents(events));
            ReadModelDatabase readModel = new ReadModelDatabase(database);
            // Half of the events counted, then a stale report, a summary no event made, an offset, a bad record.
            EventProjector.over(readModel, new MongoEventStoreReader(database, EVENT_STORE), Clock.systemUTC())
                    .project(events.subList(0, events.size() / 2));
            database.getCollection(ReadModelDatabase.REPORTS).insertOne(new Document("_id", "nobody|2024")
                    .append("agencyId", "nobody").append("year", 2024));
            database.getCollection(ReadModelDatabase.CASES).insertOne(new Document("_id", "ghost:2024-1"));
            new KafkaOffsetRepository(readModel).save("gongkai-ledger.events", 0, 1234);
            new QuarantineRepository(readModel).save(new QuarantinedRecord(Stage.DECODE, "gongkai-ledger.events", 0,
                    17L, "x", null, null, null, null, "not JSON", "{oops", 5, Instant.parse("2025-01-01T00:00:00Z")));
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = RebuildCli.run(new String[0], Map.of("LEDGER_DATA_DIR", dataDir.toString(),
                "EVENT_STORE_COLLECTION", EVENT_STORE), print(out), print(err));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(String.format("%,d events", events.size()))
                .contains("the reports of 2 agencies");
        onEmbedded(database -> {
            ReadModelDatabase readModel = new ReadModelDatabase(database);
            MaterializedReportRepository reports = new MaterializedReportRepository(readModel);
            for (AgencyYears.AgencyLedger agency : agencies) {
                for (int year = AgencyYears.REPORT_YEAR - 1; year <= AgencyYears.REPORT_YEAR; year++) {
                    var expected = ReportFold.fold(agency.events(), ReportRequest.of(agency.agencyId(), year));
                    var served = ReportJson.read(reports.find(agency.agencyId().value(), year).orElseThrow().json());
                    assertThat(ReportDiff.diff(expected, served)).as(agency.agencyId() + " " + year).isEmpty();
                }
            }
            assertThat(reports.find("nobody", 2024)).as("the stale report").isEmpty();
            assertThat(database.getCollection(ReadModelDatabase.CASES).countDocuments(new Document("_id", "ghost:2024-1")))
                    .isZero();
            assertThat(database.getCollection(ReadModelDatabase.EVENTS).countDocuments()).isEqualTo(events.size());
            assertThat(new KafkaOffsetRepository(readModel).nextOffset("gongkai-ledger.events", 0)).hasValue(1234L);
            assertThat(new QuarantineRepository(readModel).all()).singleElement()
                    .satisfies(q -> assertThat(q.stage()).isEqualTo(Stage.DECODE));
        });
    }

    @Test
    void refusesWhileTheEmbeddedLedgerRunsAndOnAMongoDbUnlessEveryProjectorIsStopped() {
        try (EmbeddedMongo running = EmbeddedMongo.start(dataDir.resolve("mongo"), "127.0.0.1", 0, false)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(RebuildCli.run(new String[0], Map.of("LEDGER_DATA_DIR", dataDir.toString()),
                    print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Is the embedded server running? Stop it first");

            Map<String, String> onMongo = Map.of("MONGODB_URI", running.uri());
            err.reset();
            assertThat(RebuildCli.run(new String[0], onMongo, print(new ByteArrayOutputStream()), print(err)))
                    .isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--projector-stopped");
            assertThat(RebuildCli.run(new String[]{"--everything"}, onMongo, print(new ByteArrayOutputStream()),
                    print(new ByteArrayOutputStream()))).isEqualTo(2);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(RebuildCli.run(new String[]{"--projector-stopped"}, onMongo, print(out),
                    print(new ByteArrayOutputStream()))).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("database gongkai-ledger").contains("0 events");
        }
    }

    private void onEmbedded(Consumer<MongoDatabase> work) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("mongo"), "127.0.0.1", 0, false);
             MongoClient client = MongoClients.create(mongo.uri())) {
            work.accept(client.getDatabase(DATABASE));
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
