package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.infra.bench.AgencyYears;
import cn.gongkai.ledger.infra.kafka.InProcessKafka;
import cn.gongkai.ledger.infra.mongo.EmbeddedMongo;
import cn.gongkai.ledger.infra.testing.Pause;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.CaseSummaryRepository;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuilds on the embedded MongoDB-compatible server (its ordered indexes answer the read models' queries) and
 * the in-process Kafka broker, over five generated agency-years (two years each: carry-over from 2023, corrections
 * of outcomes, applicants and dates, reconsiderations and lawsuits): the live projector fed a few events at a time
 * in the order they were recorded, a rebuild from the event store ({@link EventProjector#rebuild()}, read ahead as
 * {@code StoreRebuild} does) and a rebuild
 * from the topic (a fresh consumer from the start of every partition, the topic holding some events twice) give
 * the same read model — every agency's reports, case summaries and counted progress — and every report equals the
 * pure fold of the agency's events.
 */
class ReadSideIntegrityRebuildTest {
    private static final String TOPIC = "rebuild-test.events";
    /** The event store's collection, Axon-shaped (as EVENT_STORE_COLLECTION can name it). */
    private static final String EVENT_STORE = "rebuild_test_event_store";
    private static final int AGENCIES = 5;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dataDir;
    static EmbeddedMongo mongo;
    static InProcessKafka kafka;
    static MongoClient client;
    static List<AgencyYears.AgencyLedger> agencies = new ArrayList<>();
    static List<EventEnvelope> events = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        mongo = EmbeddedMongo.start(dataDir.resolve("mongo"), "127.0.0.1", 0, false);
        kafka = InProcessKafka.start(dataDir.resolve("kafka"), 0);
        client = MongoClients.create(mongo.uri());
        AgencyYears years = new AgencyYears(25, 2, 20240101);
        for (int i = 0; i < AGENCIES; i++) {
            agencies.add(years.agency(i));
            events.addAll(agencies.get(i).events());
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        kafka.close();
        mongo.close();
    }

    @Test
    void theLiveReadModelAndTheRebuildsFromTheEventStoreAndFromTheTopicAreTheSameAndEqualTheFold() {
        assertThat(events).as("the workload has corrections and cases carried over from 2023")
                .anyMatch(e -> e.payload() instanceof DisclosureRequestEvent.OutcomeCorrected
                        || e.payload() instanceof DisclosureRequestEvent.ApplicantTypeCorrected)
                .anyMatch(e -> e.payload() instanceof DisclosureRequestEvent.RequestReceived received
                        && received.receivedOn().getYear() == 2023);

        Projector live = new Projector("live");
        List<EventEnvelope> byTime = new ArrayList<>(events);
        byTime.sort(Comparator.comparing((EventEnvelope e) -> e.payload().recorded().at())
                .thenComparing(EventEnvelope::aggregateId).thenComparingLong(EventEnvelope::sequence));
        for (int from = 0; from < byTime.size(); from += 60) {
            live.projector.project(byTime.subList(from, Math.min(byTime.size(), from + 60)));
        }

        Projector fromStore = new Projector("from-store");
        // As the operator's command runs it: read ahead on a thread of its own, handed over 300 events at a time.
        EventProjector.Rebuilt rebuilt = cn.gongkai.ledger.report.projection.projector.StoreRebuild.run(
                fromStore.eventStore, fromStore.projector, 500, 300);
        assertThat(rebuilt.events()).isEqualTo(events.size());
        assertThat(rebuilt.agencies()).isEqualTo(AGENCIES);

        publish(events);
        publish(events.subList(0, events.size() / 3)); // sent again, as after the publisher moved back
        Projector fromTopic = new Projector("from-topic");
        KafkaProjectionConsumer consumer = new KafkaProjectionConsumer(new KafkaProjectionConsumer.Settings(
                kafka.bootstrapServers(), TOPIC, "rebuild-test", Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofMillis(200)), fromTopic.projector, fromTopic.offsets, Clock.systemUTC());
        consumer.start();
        try {
            long records = events.size() + events.size() / 3;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (fromTopic.offsets.all().stream().mapToLong(KafkaOffsetRepository.PartitionOffset::nextOffset).sum()
                    < records) {
                assertThat(System.nanoTime()).as("the rebuild from the topic finishes").isLessThan(deadline);
                Pause.millis(100);
            }
        } finally {
            consumer.stop();
        }

        for (AgencyYears.AgencyLedger agency : agencies) {
            AgencyId id = agency.agencyId();
            List<MaterializedReport> reports = live.reports.ofAgency(id.value());
            assertThat(reports).as(id + " has reports of 2023 to 2025").extracting(MaterializedReport::year)
                    .contains(2023, 2024);
            assertThat(fromStore.reports.ofAgency(id.value())).as(id + " from the store").isEqualTo(reports);
            assertThat(fromTopic.reports.ofAgency(id.value())).as(id + " from the topic").isEqualTo(reports);
            for (MaterializedReport report : reports) {
                assertThat(report.json()).as(id + " " + report.year() + " equals the fold").isEqualTo(ReportJson.write(
                        ReportFold.fold(agency.events(), ReportRequest.of(id, report.year()))));
            }
        }
        for (String collection : List.of(ReadModelDatabase.CASES, ReadModelDatabase.PROGRESS, ReadModelDatabase.GAPS,
                ReadModelDatabase.QUARANTINE, ReadModelDatabase.AGENCY_TREE)) {
            List<Document> expected = live.documents(collection);
            assertThat(fromStore.documents(collection)).as(collection + " from the store").isEqualTo(expected);
            assertThat(fromTopic.documents(collection)).as(collection + " from the topic").isEqualTo(expected);
        }
        long requests = events.stream().filter(e -> e.payload() instanceof DisclosureRequestEvent.RequestReceived).count();
        assertThat(fromStore.documents(ReadModelDatabase.CASES)).as("a summary of every request and appeal")
                .hasSizeGreaterThan((int) requests);
        assertThat(fromTopic.database.getCollection(ReadModelDatabase.EVENTS).countDocuments()).isEqualTo(events.size());
    }

    private static void publish(List<EventEnvelope> batch) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Map<String, String> agencyOf = new java.util.HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (EventEnvelope event : batch) {
                // keyed by agency, as the publisher keys them: a case's events after its filing take its agency
                String agency = event.payload().namedAgency().map(AgencyId::value)
                        .orElseGet(() -> agencyOf.getOrDefault(event.aggregateId(), event.aggregateId()));
                agencyOf.putIfAbsent(event.aggregateId(), agency);
                producer.send(new ProducerRecord<>(TOPIC, agency, EventJson.write(event)));
            }
            producer.flush();
        }
    }

    /** A projector on its own database of the server, whose event store holds every generated event. */
    private static final class Projector {
        final MongoDatabase database;
        final MaterializedReportRepository reports;
        final KafkaOffsetRepository offsets;
        final MongoEventStoreReader eventStore;
        final EventProjector projector;

        Projector(String name) {
            database = client.getDatabase(name);
            database.getCollection(EVENT_STORE).insertMany(cn.gongkai.ledger.infra.testing.StoredEvents.documents(events));
            ReadModelDatabase readModel = new ReadModelDatabase(database);
            ProjectedEventRepository projected = new ProjectedEventRepository(readModel);
            AggregateProgressRepository progress = new AggregateProgressRepository(readModel);
            SequenceGapRepository gaps = new SequenceGapRepository(readModel);
            reports = new MaterializedReportRepository(readModel);
            offsets = new KafkaOffsetRepository(readModel);
            eventStore = new MongoEventStoreReader(database, EVENT_STORE);
            projector = new EventProjector(projected, progress, gaps, new CaseSummaryRepository(readModel),
                    new PublishedReportRepository(readModel), new AgencyTreeRepository(readModel),
                    new ReportMaterializer(new CountedEvents(projected, progress), gaps, reports), eventStore,
                    new QuarantineRepository(readModel), CLOCK);
        }

        List<Document> documents(String collection) {
            return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
        }
    }
}
