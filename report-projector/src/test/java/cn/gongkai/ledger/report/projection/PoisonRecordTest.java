package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.QuarantinedRecord;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.Stage;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.EXPECTED_2024;
import static cn.gongkai.ledger.report.projection.TestEvents.EXPECTED_2025;
import static cn.gongkai.ledger.report.projection.TestEvents.OTHER_AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.on;
import static cn.gongkai.ledger.report.projection.TestEvents.received;
import static cn.gongkai.ledger.report.projection.TestEvents.replied;
import static cn.gongkai.ledger.report.projection.TestEvents.request;
import static cn.gongkai.ledger.report.projection.TestProjection.assertCells;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side cannot be poisoned: records that are not valid events and events that cannot be projected are
 * quarantined with their reason, offset, case and agency, read past (never retried, never blocking a partition),
 * and the case they belong to is held back, visibly, while every other case and agency is counted.
 */
class PoisonRecordTest {
    private static final RequestId POISONED = request(OTHER_AGENCY, "2024-666");
    private static TestKafka kafka;
    private final List<KafkaProjectionConsumer> consumers = new ArrayList<>();
    private TestProjection projection;
    private String topic;

    @BeforeAll
    static void startBroker() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @BeforeEach
    void freshTopicAndDatabase() {
        projection = new TestProjection(TestMongo.freshInMemoryDatabase());
        topic = kafka.newTopic();
        KafkaProjectionConsumer consumer = new KafkaProjectionConsumer(new KafkaProjectionConsumer.Settings(
                kafka.bootstrapServers(), topic, "test-" + topic, Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofMillis(100)), projection.projector, projection.offsets, Clock.systemUTC());
        consumers.add(consumer);
        consumer.start();
    }

    @AfterEach
    void stopConsumers() {
        consumers.forEach(KafkaProjectionConsumer::stop);
    }

    @Test
    void anEventThatCannotBeProjectedIsQuarantinedAndHoldsBackItsCaseOnlyWhileEveryoneElseIsCounted() {
        // A request's receipt without its applicant: valid JSON of a known type within every limit, but the fold
        // cannot count a request without an applicant (NullPointerException while projecting it).
        ObjectNode withoutApplicant = EventJson.toJson(received(POISONED, ApplicantType.NATURAL_PERSON, "2024-04-01"));
        ((ObjectNode) withoutApplicant.get("payload")).remove("applicant");
        kafka.sendRaw(topic, POISONED.value(), withoutApplicant.toString());
        kafka.send(topic, List.of(replied(POISONED, 1, Outcome.DISCLOSED, "2024-04-10")));
        kafka.send(topic, TestEvents.history());
        kafka.send(topic, TestEvents.otherAgencyHistory());
        kafka.awaitProjected(topic, projection.offsets);

        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
        assertThat(projection.reports.find(AGENCY.value(), 2024).orElseThrow().heldBack()).isEmpty();
        assertThat(projection.report(OTHER_AGENCY, 2024).cells().get("table3/三.一/科研机构"))
                .as("the poisoned agency's other request is counted").isEqualByComparingTo("1");
        assertThat(projection.reports.find(OTHER_AGENCY.value(), 2024).orElseThrow().heldBack())
                .containsExactly(POISONED.value());

        QuarantinedRecord entry = projection.quarantine.all().stream().filter(q -> q.stage() == Stage.PROJECT)
                .findFirst().orElseThrow();
        assertThat(entry.aggregateId()).isEqualTo(POISONED.value());
        assertThat(entry.sequence()).isZero();
        assertThat(entry.agencyId()).isEqualTo(OTHER_AGENCY.value());
        assertThat(entry.eventType()).isEqualTo("RequestReceived");
        assertThat(entry.topic()).isEqualTo(topic);
        assertThat(entry.offset()).isNotNull();
        assertThat(entry.reason()).contains("NullPointerException");
        SequenceGap gap = projection.gaps.find(POISONED.value()).orElseThrow();
        assertThat(gap.quarantined()).containsExactly(0L);
        assertThat(gap.held()).as("its later event is held back with it").containsExactly(0L, 1L);
        assertThat(gap.agencyId()).isEqualTo(OTHER_AGENCY.value());
        assertThat(projection.quarantine.all()).hasSize(1);
    }

    @Test
    void aLaterEventThatCannotBeProjectedHoldsBackItsCaseFromItOnAndTheEventsBeforeItStayCounted() {
        RequestId replied = request(OTHER_AGENCY, "2024-555");
        ObjectNode withoutRecorded = EventJson.toJson(replied(replied, 1, Outcome.DISCLOSED, "2024-04-10"));
        ((ObjectNode) withoutRecorded.get("payload")).remove("recorded");
        kafka.send(topic, List.of(received(replied, ApplicantType.NATURAL_PERSON, "2024-04-01")));
        kafka.sendRaw(topic, replied.value(), withoutRecorded.toString());
        kafka.send(topic, List.of(replied(replied, 1, Outcome.DISCLOSED, "2024-04-10")));
        kafka.awaitProjected(topic, projection.offsets);

        QuarantinedRecord entry = projection.quarantine.all().stream().filter(q -> q.stage() == Stage.PROJECT)
                .findFirst().orElseThrow();
        assertThat(entry.aggregateId()).isEqualTo(replied.value());
        assertThat(entry.sequence()).isOne();
        assertThat(projection.progress.find(replied.value()).orElseThrow().lastContiguous()).isZero();
        assertThat(projection.report(OTHER_AGENCY, 2024).cells().get("table3/一/自然人")).isEqualByComparingTo("1");
        assertThat(projection.report(OTHER_AGENCY, 2024).cells().get("table3/三.一/自然人")).isEqualByComparingTo("0");
        assertThat(projection.reports.find(OTHER_AGENCY.value(), 2024).orElseThrow().heldBack())
                .containsExactly(replied.value());
    }

    @Test
    void aSealedNameLongerThanANameMayBeIsTheCiphertextOfACheckedNameAndIsProjected() {
        RequestId sealed = request(OTHER_AGENCY, "2024-888");
        ObjectNode event = EventJson.toJson(received(sealed, ApplicantType.NATURAL_PERSON, "2024-04-01"));
        ((ObjectNode) event.get("payload").get("applicant")).put("name", "pd1:" + "QUJD".repeat(250));
        kafka.sendRaw(topic, OTHER_AGENCY.value(), event.toString());
        kafka.awaitProjected(topic, projection.offsets);

        assertThat(projection.quarantine.all()).isEmpty();
        assertThat(projection.report(OTHER_AGENCY, 2024).cells().get("table3/一/自然人")).isEqualByComparingTo("1");
    }

    @Test
    void malformedRecordsAreQuarantinedWithTheirReasonAndReadPastNotRetried() {
        RequestId broken = request(OTHER_AGENCY, "2024-777");
        String valid = EventJson.write(received(broken, ApplicantType.NATURAL_PERSON, "2024-04-01"));
        kafka.sendRaw(topic, "k-not-json", "this is not JSON");
        kafka.sendBytes(topic, broken.value(), invalidUtf8(valid));
        kafka.sendRaw(topic, "k-unknown", valid.replace("\"type\":\"RequestReceived\"", "\"type\":\"NoSuchEvent\""));
        kafka.sendRaw(topic, "k-duplicate", valid.replace("\"type\":\"RequestReceived\"",
                "\"type\":\"RequestReceived\",\"type\":\"RequestReceived\""));
        kafka.sendRaw(topic, "k-day-count", valid.replace("\"receivedOn\":\"2024-04-01\"", "\"receivedOn\":20000"));
        kafka.sendRaw(topic, "k-huge-fee", EventJson.write(EventEnvelope.of(1, new DisclosureRequestEvent.FeeNotified(
                broken, LocalDate.parse("2024-04-02"), FeeScale.values()[0], new BigDecimal("9223372036854775808"),
                on("2024-04-02")))));
        kafka.send(topic, TestEvents.history());
        kafka.awaitProjected(topic, projection.offsets);
        kafka.awaitProjected(topic, projection.offsets);

        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        List<QuarantinedRecord> quarantined = projection.quarantine.all();
        assertThat(quarantined).hasSize(6).allSatisfy(q -> {
            assertThat(q.stage()).isEqualTo(Stage.DECODE);
            assertThat(q.topic()).isEqualTo(topic);
            assertThat(q.offset()).isNotNull();
        });
        assertThat(reason(quarantined, "k-not-json")).startsWith("not strict JSON");
        assertThat(reason(quarantined, broken.value())).isEqualTo("not well-formed UTF-8");
        assertThat(reason(quarantined, "k-unknown")).contains("unknown event type: NoSuchEvent");
        assertThat(reason(quarantined, "k-duplicate")).contains("Duplicate field 'type'");
        assertThat(reason(quarantined, "k-day-count")).contains("an ISO date string");
        assertThat(reason(quarantined, "k-huge-fee")).contains("amountYuan");
        QuarantinedRecord utf8 = quarantined.stream().filter(q -> broken.value().equals(q.key())).findFirst().orElseThrow();
        assertThat(utf8.aggregateId()).isEqualTo(broken.value());
        assertThat(utf8.agencyId()).isEqualTo(OTHER_AGENCY.value());
        assertThat(utf8.sequence()).isZero();
        assertThat(projection.gaps.find(broken.value()).orElseThrow().missing())
                .as("the case whose receipt and fee could not be read is held back, not silently absent")
                .containsExactly(0L, 1L);
        assertThat(projection.reports.find(OTHER_AGENCY.value(), 2024)).isEmpty();

        // Read past, never again: the same quarantine after more traffic, and the offsets at the end.
        kafka.send(topic, TestEvents.otherAgencyHistory());
        kafka.awaitProjected(topic, projection.offsets);
        assertThat(projection.quarantine.all()).hasSize(6);
        assertThat(projection.reports.find(OTHER_AGENCY.value(), 2024).orElseThrow().heldBack())
                .containsExactly(broken.value());
    }

    private static String reason(List<QuarantinedRecord> records, String key) {
        return records.stream().filter(q -> key.equals(q.key())).findFirst().orElseThrow().reason();
    }

    /** The record's bytes with an invalid UTF-8 byte inside a string value. */
    private static byte[] invalidUtf8(String json) {
        int at = json.indexOf("关于") ;
        byte[] before = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = json.substring(at).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before);
        out.write(0xFF);
        out.writeBytes(after);
        return out.toByteArray();
    }

}
