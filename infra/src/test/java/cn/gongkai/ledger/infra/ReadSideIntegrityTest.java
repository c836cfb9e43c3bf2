package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read side of the running ledger against poison and inexactness, end to end (commands over HTTP → event store →
 * Kafka → projector → read model → report and case APIs):
 * <ul>
 *   <li>one event of agency A that cannot be projected, published straight to the topic, then 100 commands of
 *       agency B: B's report counts all 100, A's report names the held-back case, the projector's status shows
 *       the quarantine, and a reconciliation of A says what is missing and why;</li>
 *   <li>a fee of 12345678901234567.89 yuan, exact in the case, the report JSON, table 二 and the exports.</li>
 * </ul>
 */
class ReadSideIntegrityTest {
    private static final String TOPIC = "gongkai-ledger.events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "poison-a";
    private static final String B = "poison-b";
    private static final String POISONED = A + ":r1";

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static Http http;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDir);
        http = ledger.http();
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void oneUnprojectableEventOfAgencyAHoldsBackItsCaseOnlyWhileAgencyBsHundredCommandsAreAllCounted() throws Exception {
        register(A);
        register(B);
        receive(A, "r1", "2024-03-01");
        ledger.awaitServedEqualsFold(A, 2024);

        // The reply as the command side would publish it, but without "recorded": valid strict JSON of a known type
        // within every limit, which the fold cannot count (NullPointerException while projecting it).
        ObjectNode record = JSON.createObjectNode().put("eventId", "crafted-1").put("aggregateType", "DisclosureRequest")
                .put("aggregateId", POISONED).put("sequence", 1).put("type", "RequestReplied")
                .put("timestamp", "2024-03-20T02:00:00Z");
        record.set("payload", JSON.createObjectNode().put("requestId", POISONED).put("repliedOn", "2024-03-20")
                .put("primaryOutcome", "DISCLOSED").set("secondaryReasons", JSON.createArrayNode()));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            // keyed as the publisher keys it (by agency), so it is on the partition of the agency's other events
            producer.send(new ProducerRecord<>(TOPIC, A, record.toString())).get();
        }
        // The real reply comes after it on the same partition: the case stays held back at sequence 1, visibly.
        var reply = http.command("/api/requests/" + POISONED + "/reply",
                "{\"repliedOn\":\"2024-03-20\",\"primaryOutcome\":\"DISCLOSED\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);

        for (int i = 0; i < 100; i++) {
            receive(B, "b" + i, "2024-04-0" + (1 + i % 9));
        }

        JsonNode bReport = ledger.awaitServedEqualsFold(B, 2024);
        assertThat(bReport.get("table3").get("一").get("总计").asInt()).isEqualTo(100);
        Http.Response bServed = http.get("/api/reports/" + B + "/2024");
        assertThat(bServed.headers().firstValue("Gongkai-Held-Back-Cases")).isEmpty();

        JsonNode status = RunningLedger.await(() -> http.get("/api/projection/status").json(),
                s -> s.path("quarantined").size() > 0, Duration.ofSeconds(60));
        JsonNode entry = status.path("quarantined").get(0);
        assertThat(entry.path("stage").asText()).isEqualTo("PROJECT");
        assertThat(entry.path("aggregateId").asText()).isEqualTo(POISONED);
        assertThat(entry.path("sequence").asLong()).isEqualTo(1);
        assertThat(entry.path("agencyId").asText()).isEqualTo(A);
        assertThat(entry.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(entry.path("offset").isIntegralNumber()).isTrue();
        assertThat(entry.path("reason").asText()).contains("NullPointerException");
        assertThat(status.path("heldBack").findValuesAsText("aggregateId")).containsExactly(POISONED);

        Http.Response aServed = RunningLedger.await(() -> http.get("/api/reports/" + A + "/2024"),
                r -> r.headers().firstValue("Gongkai-Held-Back-Cases").isPresent(), Duration.ofSeconds(30));
        assertThat(aServed.headers().firstValue("Gongkai-Held-Back-Cases")).contains(POISONED);
        assertThat(aServed.json().get("table3").get("一").get("总计").asInt()).as("its receipt is counted").isEqualTo(1);
        assertThat(aServed.json().get("table3").get("三.一").get("总计").asInt()).as("its reply is held back").isZero();

        Http.Response reconciled = http.command("/api/reconciliations", "{\"agencyId\":\"" + A + "\",\"year\":2024}");
        assertThat(reconciled.status()).as(reconciled.body()).isEqualTo(200);
        JsonNode result = reconciled.json();
        assertThat(result.path("consistent").asBoolean()).isFalse();
        List<String> cells = new ArrayList<>(result.path("differences").findValuesAsText("cell"));
        assertThat(cells).contains("table3/三.一/自然人");
        assertThat(result.path("laggingAggregates").findValuesAsText("aggregateId")).containsExactly(POISONED);
        assertThat(result.path("heldBack").findValuesAsText("aggregateId")).containsExactly(POISONED);
        assertThat(result.path("quarantined").get(0).path("reason").asText()).contains("NullPointerException");

        Http.Response bReconciled = http.command("/api/reconciliations", "{\"agencyId\":\"" + B + "\",\"year\":2024}");
        assertThat(bReconciled.json().path("consistent").asBoolean()).as(bReconciled.body()).isTrue();
        assertThat(bReconciled.json().path("quarantined")).isEmpty();
    }

    @Test
    void aFeeOf12345678901234567point89YuanIsExactFromTheCommandToTableTwoAndTheCase() {
        String agency = "exact-fees";
        register(agency);
        var collected = http.command("/api/agencies/" + agency + "/fees",
                "{\"collectedOn\":\"2024-06-30\",\"amountYuan\":12345678901234567.89,\"batchRef\":\"f1\"}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        receive(agency, "fee1", "2024-03-01");
        var notified = http.command("/api/requests/" + agency + ":fee1/fees",
                "{\"notifiedOn\":\"2024-03-05\",\"scale\":\"PER_REQUEST\",\"amountYuan\":12345678901234567.89}");
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);

        JsonNode report = ledger.awaitServedEqualsFold(agency, 2024);
        Http.Response raw = http.get("/api/reports/" + agency + "/2024");
        assertThat(raw.body()).contains("\"本年收费金额\" : \"1234567890123.456789\"")
                .doesNotContain("1234567890123.4568");
        assertThat(report.get("table2").get("行政事业性收费").get("本年收费金额").asText()).isEqualTo("1234567890123.456789");

        Http.Response request = RunningLedger.await(() -> http.get("/api/requests/" + agency + ":fee1"),
                r -> r.body().contains("FeeNotified"), Duration.ofSeconds(30));
        assertThat(request.body()).contains("\"amountYuan\":12345678901234567.89");
        Http.Response csv = http.get("/api/reports/" + agency + "/2024/export/csv");
        assertThat(csv.body()).contains("1234567890123.456789").doesNotContain("1234567890123.4568");
    }

    private static void register(String agency) {
        var response = http.command("/api/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"测试局\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static void receive(String agency, String tracking, String receivedOn) {
        var response = http.command("/api/requests", "{\"agencyId\":\"" + agency + "\",\"trackingNumber\":\"" + tracking
                + "\",\"channel\":\"FAX\",\"receivedOn\":\"" + receivedOn
                + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"某人\"},\"subject\":\"某信息\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
