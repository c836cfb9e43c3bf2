package cn.gongkai.ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.command.web.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Commands → event store → the tracking publisher → a real (in-process KRaft) Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.kafka.topic=ledger-events-test", "logging.level.org.apache.kafka=WARN",
                "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN"})
@EmbeddedKafka(kraft = true, bootstrapServersProperty = "ledger.kafka.bootstrap-servers")
class KafkaPublisherTest {
    private static final String DATABASE = TestMongo.freshDatabase("kafka-publisher-test");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Value("${ledger.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoClient mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("spring.data.mongodb.uri", TestMongo::uri);
        properties.add("spring.data.mongodb.database", () -> DATABASE);
    }

    @Test
    void everyStoredEventReachesTheTopicKeyedByItsAgencyInOrderAsTheDocumentedEnvelope() throws Exception {
        Http http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"pub-a\",\"name\":\"甲局\"}").status()).isEqualTo(201);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"pub-b\",\"name\":\"乙局\"}").status()).isEqualTo(201);
        for (int i = 1; i <= 3; i++) {
            var tally = http.command("/api/agencies/pub-a/decision-tallies",
                    "{\"category\":\"LICENSING\",\"decidedOn\":\"2024-03-0" + i + "\",\"count\":" + i
                            + ",\"batchRef\":\"b" + i + "\"}");
            assertThat(tally.status()).as(tally.body()).isEqualTo(200);
        }
        var fees = http.command("/api/agencies/pub-b/fees",
                "{\"collectedOn\":\"2024-05-06\",\"amountYuan\":12345678901234.56,\"batchRef\":\"f\"}");
        assertThat(fees.status()).as(fees.body()).isEqualTo(200);

        List<ConsumerRecord<String, String>> records = consume(6);
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("pub-a", "pub-a", "pub-a", "pub-a", "pub-b", "pub-b");
        List<JsonNode> a = values(records, "pub-a");
        assertThat(a).extracting(v -> v.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(a).extracting(v -> v.get("type").asText())
                .containsExactly("AgencyRegistered", "DecisionsTallied", "DecisionsTallied", "DecisionsTallied");

        JsonNode tallied = a.get(2);
        assertThat(fieldNames(tallied))
                .containsExactly("eventId", "aggregateType", "aggregateId", "sequence", "type", "timestamp", "payload");
        assertThat(tallied.get("aggregateType").asText()).isEqualTo("Agency");
        assertThat(tallied.get("aggregateId").asText()).isEqualTo("pub-a");
        assertThat(tallied.get("payload").get("decidedOn").asText()).isEqualTo("2024-03-02");
        assertThat(tallied.get("payload").get("count").asInt()).isEqualTo(2);
        assertThat(tallied.get("payload").get("recorded").get("by").asText()).isEqualTo(Http.officerOf("pub-a"));

        Document stored = mongo.getDatabase(DATABASE).getCollection("domainevents")
                .find(Filters.and(Filters.eq("aggregateIdentifier", "pub-a"), Filters.eq("sequenceNumber", 2L))).first();
        assertThat(tallied.get("eventId").asText()).isEqualTo(stored.getString("eventIdentifier"));
        assertThat(Instant.parse(tallied.get("timestamp").asText())).isEqualTo(Instant.parse(stored.getString("timestamp")));
        assertThat(JSON.readTree(stored.getString("payload"))).isEqualTo(tallied.get("payload"));

        String collected = records.stream().filter(r -> r.key().equals("pub-b")).reduce((x, y) -> y).orElseThrow().value();
        assertThat(collected).contains("\"type\":\"FeesCollected\"").contains("\"amountYuan\":12345678901234.56,");
    }

    /** A reconsideration's later events do not name the agency: they take its filing's, so they share its partition. */
    @Test
    void everyEventOfACaseIsKeyedByItsAgencyEvenWhereTheEventDoesNotNameIt() throws Exception {
        Http http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"pub-k\",\"name\":\"丁局\"}").status()).isEqualTo(201);
        var filed = http.command("/api/reconsiderations", "{\"reconsiderationId\":\"rc-pub-k-1\",\"agencyId\":\"pub-k\","
                + "\"reviewBody\":\"市人民政府\",\"applicantName\":\"甲\",\"filedOn\":\"2024-04-01\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        var accepted = http.command("/api/reconsiderations/rc-pub-k-1/acceptance", "{\"acceptedOn\":\"2024-04-03\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        List<JsonNode> published = consumeUntil("pub-k", 3);
        assertThat(published).extracting(v -> v.get("aggregateId").asText() + "@" + v.get("type").asText())
                .containsExactly("pub-k@AgencyRegistered", "rc-pub-k-1@ReconsiderationFiled",
                        "rc-pub-k-1@ReconsiderationAccepted");
        assertThat(readAll()).filteredOn(r -> r.key().equals("pub-k")).extracting(ConsumerRecord::partition)
                .containsOnly(readAll().stream().filter(r -> r.key().equals("pub-k")).findFirst().orElseThrow().partition());
    }

    @Test
    void aStoppedPublisherResumesFromItsTokenWithoutLosingOrRepeating() throws Exception {
        Http http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"pub-r\",\"name\":\"丙局\"}").status()).isEqualTo(201);
        consumeUntil("pub-r", 1);
        TrackingEventProcessor publisher = processing
                .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        publisher.shutDown();
        assertThat(mongo.getDatabase(DATABASE).getCollection("trackingtokens")
                .find(Filters.eq("processorName", KafkaEventPublisher.PROCESSING_GROUP)).first()).isNotNull();

        for (int i = 1; i <= 4; i++) {
            assertThat(http.command("/api/agencies/pub-r/decision-tallies",
                    "{\"category\":\"PENALTY\",\"decidedOn\":\"2024-04-0" + i + "\",\"count\":1,\"batchRef\":\"r" + i
                            + "\"}").status()).isEqualTo(200);
        }
        publisher.start();

        List<JsonNode> published = consumeUntil("pub-r", 5);
        assertThat(published).extracting(v -> v.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    private List<JsonNode> consumeUntil(String key, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> forKey = List.of();
        while (System.nanoTime() < deadline && forKey.size() < count) {
            forKey = values(readAll(), key);
        }
        assertThat(forKey).hasSize(count);
        return forKey;
    }

    private List<ConsumerRecord<String, String>> consume(int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, String>> records = List.of();
        while (System.nanoTime() < deadline && records.size() < atLeast) {
            records = readAll();
        }
        return records.stream().filter(r -> r.key().startsWith("pub-a") || r.key().startsWith("pub-b")).toList();
    }

    /** Everything on the topic, read from the beginning by a fresh consumer group. */
    private List<ConsumerRecord<String, String>> readAll() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("ledger-events-test"));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    private static List<JsonNode> values(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
