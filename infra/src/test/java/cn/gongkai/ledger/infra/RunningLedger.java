package cn.gongkai.ledger.infra;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.infra.LedgerStandalone.EmbeddedInfrastructure;
import cn.gongkai.ledger.infra.kafka.InProcessKafka;
import cn.gongkai.ledger.infra.mongo.EmbeddedMongo;
import cn.gongkai.ledger.infra.testing.Pause;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.security.testing.TestOfficers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded ledger as the tests drive it: the durable embedded MongoDB server and the in-process Kafka broker in
 * one data folder, and the one-port Spring context of {@link LedgerStandalone} on them. The broker can be restarted
 * on the same folder and port while the services run.
 */
final class RunningLedger implements AutoCloseable {
    static final String DATABASE = "gongkai-ledger";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final Path dataDir;
    private final EmbeddedMongo mongo;
    /** The in-process broker; null when the ledger runs on a Kafka cluster it did not start. */
    private InProcessKafka kafka;
    private final String kafkaBootstrapServers;
    private final ConfigurableApplicationContext context;
    private final MongoClient client;

    private RunningLedger(Path dataDir, EmbeddedMongo mongo, InProcessKafka kafka, String kafkaBootstrapServers,
                          String... args) {
        this.dataDir = dataDir;
        this.mongo = mongo;
        this.kafka = kafka;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(List.of(args));
        this.context = LedgerStandalone.run(mongo.uri(), kafkaBootstrapServers, arguments.toArray(String[]::new));
        this.client = MongoClients.create(mongo.uri());
    }

    /** The whole embedded ledger; {@code args} are more Spring Boot arguments (properties) for its services. */
    static RunningLedger start(Path dataDir, String... args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDir, 0, 0, false);
        return new RunningLedger(dataDir, infrastructure.mongo(), infrastructure.kafka(),
                infrastructure.kafka().bootstrapServers(), args);
    }

    String mongoUri() {
        return mongo.uri();
    }

    /** The ledger on the embedded MongoDB server and a Kafka cluster running elsewhere (its own processes). */
    static RunningLedger startOn(Path dataDir, String kafkaBootstrapServers, String... args) {
        return new RunningLedger(dataDir, EmbeddedMongo.start(dataDir.resolve("mongo"), "127.0.0.1", 0, false), null,
                kafkaBootstrapServers, args);
    }

    Http http() {
        return new Http(((ServletWebServerApplicationContext) context).getWebServer().getPort(),
                TestOfficers.of(mongo.uri(), DATABASE));
    }

    /** A bearer token of the agency's test officer (every role). */
    String tokenFor(String agency) {
        return TestOfficers.of(mongo.uri(), DATABASE).tokenFor(agency);
    }

    int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** Every stored event document of the event store, as its JSON, in {@code _id} order. */
    List<String> storedEventDocuments() {
        return new MongoEventStoreReader(client.getDatabase(DATABASE)).storedDocumentsAsJson();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    void stopKafka() {
        kafka.close();
    }

    void startKafkaAgain() {
        kafka = InProcessKafka.start(dataDir.resolve("kafka"), kafka.port());
    }

    /**
     * The topic's records from the beginning, read by a consumer of a fresh group until at least {@code atLeast}
     * have come and a second has passed without more (at most a minute).
     */
    List<ConsumerRecord<String, String>> readTopic(String topic, int atLeast) {
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline
                    && (records.size() < atLeast || System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos())) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    /** Every event in the event store, read by the one event-store reader. */
    List<EventEnvelope> eventStore() {
        return new MongoEventStoreReader(client.getDatabase(DATABASE)).readAll();
    }

    /** The 2021-format tables of the agency's report folded from the whole event store (the agency's policy). */
    JsonNode foldedTables(String agencyId, int year) {
        return foldedTables(eventStore(), agencyId, year);
    }

    /** The 2021-format tables of the agency's report folded from these events (the agency's policy). */
    static JsonNode foldedTables(List<EventEnvelope> events, String agencyId, int year) {
        ReportRequest request = new ReportRequest(new AgencyId(agencyId), year, ReportFormat.Y2021, null, null);
        return tables(ReportJson.toJson(ReportFold.fold(events, request)));
    }

    /** The 2021-format tables the report API answers for the agency and year. */
    JsonNode servedTables(String agencyId, int year) {
        Http.Response response = http().get("/api/reports/" + agencyId + "/" + year + "?format=2021");
        return response.status() == 200 ? tables(response.json()) : JSON.createObjectNode().put("status", response.status());
    }

    /** Waits (polling, bounded) until the served report equals the fold over the event store; returns it. */
    JsonNode awaitServedEqualsFold(String agencyId, int year) {
        JsonNode folded = foldedTables(agencyId, year);
        JsonNode served = await(() -> servedTables(agencyId, year), folded::equals, Duration.ofSeconds(90));
        if (!folded.equals(served)) {
            throw new AssertionError("served report " + served + "\n  differs from the fold " + folded);
        }
        return served;
    }

    static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Pause.millis(200);
            value = probe.get();
        }
        return value;
    }

    /** The tables and checks of a report's JSON: what a served report and a fold are compared by. */
    static JsonNode tables(JsonNode report) {
        ObjectNode tables = JSON.createObjectNode();
        for (String table : List.of("table2", "table3", "table4", "checks")) {
            tables.set(table, report.get(table));
        }
        return tables;
    }

    @Override
    public void close() {
        client.close();
        context.close();
        if (kafka != null) {
            kafka.close();
        }
        mongo.close();
    }
}
