package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.infra.testing.Pause;
import cn.gongkai.ledger.readmodel.ReadModelConfiguration;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.ReportProjectorConfiguration;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.report.projection.projector.StoreRebuild;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Rebuilding every read model from scratch, on the embedded ledger filled with {@code --agencies} generated
 * agencies ({@link AgencyYears}, {@code --agency-requests} a year) through the event import
 * ({@code POST /api/agencies/{id}/events}), once the Kafka publisher has sent them on and the ledger's projector
 * has counted them (both are then paused). In each round, into a fresh read-model database of the same server:
 * <ul>
 *   <li>from the event store: every stored event read in aggregate order through one cursor
 *       ({@link MongoEventStoreReader#forEachAggregate}, read ahead on its own thread: {@link StoreRebuild}) and
 *       counted by a fresh projector's rebuild
 *       ({@link EventProjector#rebuild()}: chunks of {@value EventProjector.Rebuild#CHUNK_EVENTS} events, each
 *       report written once at the end), against the same read with every event decoded and nothing applied;</li>
 *   <li>from the Kafka topic: a fresh projector (its own consumer, no group, no stored offsets: from the start of
 *       every partition, batches of up to 20,000 records while behind) until it has applied every record, against
 *       a plain consumer reading and decoding ({@link EventJson#readStrict}) every record of the topic.</li>
 * </ul>
 * Before the timed rounds, the first rebuild's report of agency 0 must equal the fold of its generated events;
 * so must each round's rebuild from the topic (checked after it is timed).
 */
final class RebuildBench {
    /** Documents per batch of the store's cursor, as the rebuild reads it. */
    private static final int READ_BATCH = StoreRebuild.READ_BATCH;
    private static final String TOPIC = "gongkai-ledger.events";
    private static final String DATABASE = "gongkai-ledger";

    private final BenchOptions options;
    private final BenchLedger ledger;
    private final PrintStream progress;
    private final MongoClient mongo;
    private int rebuilds;

    private RebuildBench(BenchOptions options, BenchLedger ledger, PrintStream progress) {
        this.options = options;
        this.ledger = ledger;
        this.progress = progress;
        this.mongo = MongoClients.create(ledger.infrastructure().mongo().uri());
    }

    static List<ResultRow> run(BenchOptions options, PrintStream progress) {
        try (BenchLedger ledger = BenchLedger.start(options.fsync())) {
            RebuildBench bench = new RebuildBench(options, ledger, progress);
            try {
                return bench.measure();
            } finally {
                bench.mongo.close();
            }
        }
    }

    private List<ResultRow> measure() {
        AgencyYears years = new AgencyYears(options.agencyRequests(), options.years(), options.seed());
        AgencyYears.AgencyLedger first = null;
        long generated = 0;
        long filling = System.nanoTime();
        for (int i = 0; i < options.agencies(); i++) {
            AgencyYears.AgencyLedger agency = years.agency(i);
            first = first == null ? agency : first;
            String agencyId = agency.agencyId().value();
            String body = agency.events().stream().map(EventJson::write).collect(Collectors.joining("\n"));
            new TimedHttp(ledger.port(), ledger.token(agencyId)).post("/api/agencies/" + agencyId + "/events",
                    "application/x-ndjson", body).expect(201);
            generated += agency.events().size();
        }
        progress.printf("rebuild: %,d agencies, %,d events imported in %.1f s; waiting for the publisher and the"
                + " projector%n", options.agencies(), generated, (System.nanoTime() - filling) / 1e9);
        long stored = ledger.storedEvents();
        awaitTopicConsumed(stored);
        ledger.pauseProjector();
        ledger.pausePublisher();
        progress.printf("rebuild: %,d events stored, %,d records on the topic%n", stored, topicRecords());
        requireRebuiltEqualsFold(first);

        List<Double> decodeStore = new ArrayList<>();
        List<Double> rebuildStore = new ArrayList<>();
        List<Double> decodeTopic = new ArrayList<>();
        List<Double> rebuildTopic = new ArrayList<>();
        Memory before = Memory.now();
        Memory held = before;
        long records = topicRecords();
        for (int r = 0; r < options.rounds(); r++) {
            progress.printf("rebuild: round %d of %d%n", r + 1, options.rounds());
            decodeStore.add(stored / seconds(this::decodeStore));
            try (AnnotationConfigApplicationContext rebuilt = projector(false)) {
                rebuildStore.add(stored / seconds(() -> rebuildFromStore(rebuilt)));
                held = Memory.now();
                drop(rebuilt);
            }
            decodeTopic.add(records / seconds(this::decodeTopic));
            long start = System.nanoTime();
            try (AnnotationConfigApplicationContext rebuilt = projector(true)) {
                awaitOffsets(new KafkaOffsetRepository(rebuilt.getBean(
                        cn.gongkai.ledger.readmodel.store.ReadModelDatabase.class)));
                rebuildTopic.add(records / ((System.nanoTime() - start) / 1e9));
                requireEqualsFold(rebuilt, first, "from the topic");
                drop(rebuilt);
            }
        }
        String rounds = options.rounds() + " × 1";
        String size = String.format("%,d agencies, %,d events", options.agencies(), stored);
        return List.of(
                ResultRow.perRound("rebuild every read model from the event store (" + size + "), events/s",
                        "read and decode the same events from the event store alone, events/s", rebuildStore,
                        decodeStore, "/s", rounds),
                ResultRow.perRound(String.format("rebuild every read model from the Kafka topic (%,d records), records/s",
                        records), "read and decode every record of the topic alone, records/s", rebuildTopic,
                        decodeTopic, "/s", rounds),
                ResultRow.perRound("rebuild from the Kafka topic, records/s", "rebuild from the event store, events/s",
                        rebuildTopic, rebuildStore, "/s", rounds),
                held.perMillionSince(before, stored, "events rebuilt (the rebuilt projector still open)"));
    }

    private MongoEventStoreReader eventStore() {
        return new MongoEventStoreReader(mongo.getDatabase(DATABASE));
    }

    /**
     * The projector's rebuild ({@link EventProjector#rebuild()}) fed by one sorted read of the whole store, read
     * ahead on a thread of its own ({@link StoreRebuild}), as the operator command runs it.
     */
    private void rebuildFromStore(AnnotationConfigApplicationContext rebuilt) {
        StoreRebuild.run(eventStore(), rebuilt.getBean(EventProjector.class));
    }

    /** The decode-only baseline: the same read of the whole store, every event decoded, nothing applied. */
    private void decodeStore() {
        long[] events = {0};
        eventStore().forEachAggregate(READ_BATCH, history -> events[0] += history.size());
    }

    /** The first rebuild from the store counts agency 0 exactly as the fold of its generated events. */
    private void requireRebuiltEqualsFold(AgencyYears.AgencyLedger agency) {
        try (AnnotationConfigApplicationContext rebuilt = projector(false)) {
            rebuildFromStore(rebuilt);
            requireEqualsFold(rebuilt, agency, "from the event store");
            drop(rebuilt);
        }
    }

    /** The rebuilt read model's report of the agency's report year equals the fold of its generated events. */
    private static void requireEqualsFold(AnnotationConfigApplicationContext rebuilt, AgencyYears.AgencyLedger agency,
                                          String how) {
        ReportRequest request = ReportRequest.of(agency.agencyId(), AgencyYears.REPORT_YEAR);
        AnnualReport expected = ReportFold.fold(agency.events(), request);
        AnnualReport served = new MaterializedReportRepository(rebuilt.getBean(
                cn.gongkai.ledger.readmodel.store.ReadModelDatabase.class))
                .find(agency.agencyId().value(), AgencyYears.REPORT_YEAR).map(r -> ReportJson.read(r.json()))
                .orElseThrow(() -> new IllegalStateException("the rebuild materialised no report of " + agency.agencyId()));
        var differences = ReportDiff.diff(expected, served);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the report of " + agency.agencyId() + " rebuilt " + how
                    + " differs from the fold: " + differences);
        }
    }

    /** A fresh projector on a fresh read-model database of the ledger's server; its Kafka consumer on or off. */
    private AnnotationConfigApplicationContext projector(boolean kafka) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        Map<String, Object> properties = new HashMap<>();
        properties.put("KAFKA_BOOTSTRAP_SERVERS", ledger.infrastructure().kafka().bootstrapServers());
        properties.put("MONGODB_DATABASE", "ledger-rebuild-" + rebuilds++);
        properties.put("PROJECTOR_KAFKA_ENABLED", String.valueOf(kafka));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("rebuild", properties));
        MongoClient client = MongoClients.create(ledger.infrastructure().mongo().uri());
        context.registerBean(MongoClient.class, () -> client, d -> d.setDestroyMethodName("close"));
        context.register(ReadModelConfiguration.class, ReportProjectorConfiguration.class);
        context.refresh();
        return context;
    }

    private static void drop(AnnotationConfigApplicationContext rebuilt) {
        rebuilt.getBean(cn.gongkai.ledger.readmodel.store.ReadModelDatabase.class).database().drop();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.infrastructure().kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config);
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private long topicRecords() {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reads and decodes every record of the topic, as the projector's consumer does, applying nothing. */
    private void decodeTopic() {
        Map<TopicPartition, Long> end = endOffsets();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    EventJson.readStrict(record.value());
                }
            }
        }
    }

    /**
     * Waits until the publisher has sent at least every stored event (its records stop growing) and the ledger's
     * projector has applied every record.
     */
    private void awaitTopicConsumed(long stored) {
        KafkaOffsetRepository offsets = new KafkaOffsetRepository(ledger.context().getBean(
                cn.gongkai.ledger.readmodel.store.ReadModelDatabase.class));
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long records = topicRecords();
            if (records >= stored && records == last && consumed(offsets, endOffsets())) {
                return;
            }
            last = records;
            Pause.millis(3000);
        }
        throw new IllegalStateException("the ledger's projector did not catch up with the imported events");
    }

    private void awaitOffsets(KafkaOffsetRepository offsets) {
        Map<TopicPartition, Long> end = endOffsets();
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (!consumed(offsets, end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild from the topic did not finish");
            }
            Pause.millis(20);
        }
    }

    private static boolean consumed(KafkaOffsetRepository offsets, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || offsets.nextOffset(e.getKey().topic(), e.getKey().partition()).orElse(0) >= e.getValue());
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

}
