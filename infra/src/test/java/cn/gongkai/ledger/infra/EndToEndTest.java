package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real event path across the services in the embedded run: commands over HTTP → event store (MongoDB driver,
 * embedded server) → publisher → Kafka (in-process KRaft broker) → projector → read model → report API. Then the
 * faults: the projector stopped mid-stream, every event delivered twice, the broker restarted, two conflicting
 * commands at once. After each, the served report equals the fold over the event store. Last, a publication of
 * the report, and every read model dropped and rebuilt from the topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {
    private static final String TOPIC = "gongkai-ledger.events";
    private static final String AGENCY = "e2e-agency";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUB_AGENCY = "pub-agency";
    private static final String PUB_PATH = "/api/reports/" + PUB_AGENCY + "/2024/publication";

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
    @Order(1)
    void commandsOverHttpBecomeTheExactCellsOfTheReport() {
        var registered = http.command("/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"端到端测试局\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var imported = http.post("/api/import", "application/x-ndjson", String.join("\n",
                "{\"command\":\"IssueNormativeDocument\",\"agencyId\":\"e2e-agency\",\"documentId\":\"rule-1\",\"kind\":\"RULE\",\"title\":\"规章一\",\"issuedOn\":\"2023-05-01\"}",
                "{\"command\":\"IssueNormativeDocument\",\"agencyId\":\"e2e-agency\",\"documentId\":\"nd-1\",\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"规范性文件一\",\"issuedOn\":\"2024-02-01\"}",
                "{\"command\":\"IssueNormativeDocument\",\"agencyId\":\"e2e-agency\",\"documentId\":\"nd-2\",\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"规范性文件二\",\"issuedOn\":\"2024-03-01\"}",
                "{\"command\":\"RepealNormativeDocument\",\"agencyId\":\"e2e-agency\",\"documentId\":\"nd-1\",\"repealedOn\":\"2024-10-01\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"e2e-agency\",\"category\":\"LICENSING\",\"decidedOn\":\"2024-06-30\",\"count\":10,\"batchRef\":\"h1\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"e2e-agency\",\"category\":\"LICENSING\",\"decidedOn\":\"2024-12-31\",\"count\":5,\"batchRef\":\"h2\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"e2e-agency\",\"category\":\"PENALTY\",\"decidedOn\":\"2024-12-31\",\"count\":3,\"batchRef\":\"p1\"}",
                "{\"command\":\"CollectFees\",\"agencyId\":\"e2e-agency\",\"collectedOn\":\"2024-06-30\",\"amountYuan\":20000.00,\"batchRef\":\"f1\"}",
                "{\"command\":\"CollectFees\",\"agencyId\":\"e2e-agency\",\"collectedOn\":\"2024-12-31\",\"amountYuan\":3000.00,\"batchRef\":\"f2\"}",
                receive("r1", "NATURAL_PERSON", "2023-12-20"),
                "{\"command\":\"ReplyToRequest\",\"requestId\":\"e2e-agency:r1\",\"repliedOn\":\"2024-01-10\",\"primaryOutcome\":\"DISCLOSED\"}",
                receive("r2", "COMMERCIAL_ENTERPRISE", "2024-03-01"),
                "{\"command\":\"ReplyToRequest\",\"requestId\":\"e2e-agency:r2\",\"repliedOn\":\"2024-03-20\",\"primaryOutcome\":\"PARTIALLY_DISCLOSED\",\"secondaryReasons\":[\"WITHHELD_STATE_SECRET\"]}",
                receive("r3", "NATURAL_PERSON", "2024-05-01"),
                "{\"command\":\"WithdrawRequest\",\"requestId\":\"e2e-agency:r3\",\"withdrawnOn\":\"2024-05-10\"}",
                receive("r4", "RESEARCH_INSTITUTION", "2024-12-25"),
                receive("r5", "NATURAL_PERSON", "2024-06-01"),
                "{\"command\":\"RequestCorrection\",\"requestId\":\"e2e-agency:r5\",\"requestedOn\":\"2024-06-03\",\"supplyBy\":\"2024-06-18\",\"missing\":\"申请内容描述\"}",
                "{\"command\":\"CloseForMissingCorrection\",\"requestId\":\"e2e-agency:r5\",\"closedOn\":\"2024-07-01\"}",
                receive("r6", "OTHER_ORGANIZATION", "2024-02-01"),
                "{\"command\":\"CorrectApplicantType\",\"requestId\":\"e2e-agency:r6\",\"correctedType\":\"LEGAL_SERVICE_INSTITUTION\",\"reason\":\"申请人为律师事务所\"}",
                "{\"command\":\"ReplyToRequest\",\"requestId\":\"e2e-agency:r6\",\"repliedOn\":\"2024-02-20\",\"primaryOutcome\":\"UNAVAILABLE_NOT_HELD\"}",
                "{\"command\":\"FileReconsideration\",\"reconsiderationId\":\"rc-e2e-1\",\"agencyId\":\"e2e-agency\",\"reviewBody\":\"市人民政府\",\"applicantName\":\"甲\",\"filedOn\":\"2024-04-01\",\"linkedRequestId\":\"e2e-agency:r2\"}",
                "{\"command\":\"AcceptReconsideration\",\"reconsiderationId\":\"rc-e2e-1\",\"acceptedOn\":\"2024-04-03\"}",
                "{\"command\":\"DecideReconsideration\",\"reconsiderationId\":\"rc-e2e-1\",\"decidedOn\":\"2024-06-01\",\"result\":\"REVOKED\"}",
                "{\"command\":\"FileReconsideration\",\"reconsiderationId\":\"rc-e2e-2\",\"agencyId\":\"e2e-agency\",\"reviewBody\":\"市人民政府\",\"applicantName\":\"乙\",\"filedOn\":\"2024-09-01\"}",
                "{\"command\":\"FileLawsuit\",\"lawsuitId\":\"ls-e2e-1\",\"agencyId\":\"e2e-agency\",\"court\":\"区人民法院\",\"plaintiffName\":\"丙\",\"filedOn\":\"2024-03-01\",\"route\":\"DIRECT\"}",
                "{\"command\":\"RenderJudgment\",\"lawsuitId\":\"ls-e2e-1\",\"instance\":\"FIRST\",\"court\":\"区人民法院\",\"result\":\"CLAIM_DISMISSED\",\"renderedOn\":\"2024-08-01\"}",
                "{\"command\":\"FileLawsuit\",\"lawsuitId\":\"ls-e2e-2\",\"agencyId\":\"e2e-agency\",\"court\":\"区人民法院\",\"plaintiffName\":\"甲\",\"filedOn\":\"2024-07-01\",\"route\":\"AFTER_RECONSIDERATION\",\"linkedReconsiderationId\":\"rc-e2e-1\"}"));
        assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isZero();
        var effective = http.command("/api/lawsuits/ls-e2e-1/judgments/effective", "{\"effectiveOn\":\"2024-08-20\"}");
        assertThat(effective.status()).as(effective.body()).isEqualTo(200);

        JsonNode report = ledger.awaitServedEqualsFold(AGENCY, 2024);

        JsonNode table2 = report.get("table2");
        assertThat(table2.get("规章").toString()).isEqualTo("{\"本年制发件数\":0,\"本年废止件数\":0,\"现行有效件数\":1}");
        assertThat(table2.get("行政规范性文件").toString()).isEqualTo("{\"本年制发件数\":2,\"本年废止件数\":1,\"现行有效件数\":1}");
        assertThat(table2.get("行政许可").get("本年处理决定数量").asInt()).isEqualTo(15);
        assertThat(table2.get("行政处罚").get("本年处理决定数量").asInt()).isEqualTo(3);
        assertThat(table2.get("行政强制").get("本年处理决定数量").asInt()).isZero();
        assertThat(table2.get("行政事业性收费").get("本年收费金额").asText()).isEqualTo("2.3");
        JsonNode table3 = report.get("table3");
        assertRow(table3, "一", 2, 1, 1, 0, 1, 0, 5);
        assertRow(table3, "二", 1, 0, 0, 0, 0, 0, 1);
        assertRow(table3, "三.一", 1, 0, 0, 0, 0, 0, 1);
        assertRow(table3, "三.二", 0, 1, 0, 0, 0, 0, 1);
        assertRow(table3, "三.三.1", 0, 0, 0, 0, 0, 0, 0);
        assertRow(table3, "三.四.1", 0, 0, 0, 0, 1, 0, 1);
        assertRow(table3, "三.六.1", 1, 0, 0, 0, 0, 0, 1);
        assertRow(table3, "三.六.3", 1, 0, 0, 0, 0, 0, 1);
        assertRow(table3, "三.七", 3, 1, 0, 0, 1, 0, 5);
        assertRow(table3, "四", 0, 0, 1, 0, 0, 0, 1);
        JsonNode table4 = report.get("table4");
        assertThat(cells(table4, "复议.维持", "复议.纠正", "复议.其他", "复议.未审结", "复议.总计")).containsExactly(0, 1, 0, 1, 2);
        assertThat(cells(table4, "直诉.维持", "直诉.纠正", "直诉.其他", "直诉.未审结", "直诉.总计")).containsExactly(1, 0, 0, 0, 1);
        assertThat(cells(table4, "复议后诉.维持", "复议后诉.纠正", "复议后诉.其他", "复议后诉.未审结", "复议后诉.总计"))
                .containsExactly(0, 0, 0, 1, 1);
        assertThat(report.get("checks")).isEmpty();
    }

    @Test
    @Order(2)
    void everyRecordOnTheTopicIsTheDocumentedEventJsonOfAStoredEventKeyedByItsAgency() {
        List<EventEnvelope> stored = ledger.eventStore();
        List<ConsumerRecord<String, String>> records = ledger.readTopic(TOPIC, stored.size());

        assertThat(records).hasSizeGreaterThanOrEqualTo(stored.size());
        // The key is the case's agency: named by the event, or else by the case's filing.
        Map<String, String> agencyOf = new java.util.HashMap<>();
        stored.forEach(e -> e.payload().namedAgency().ifPresent(a -> agencyOf.putIfAbsent(e.aggregateId(), a.value())));
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventJson.read(record.value());
            assertThat(record.key()).as(event.aggregateId()).isEqualTo(agencyOf.get(event.aggregateId()));
            assertThat(tree(EventJson.write(event))).isEqualTo(tree(record.value()));
        }
        assertThat(records.stream().map(r -> EventJson.read(r.value())).toList()).containsAll(stored);
    }

    @Test
    @Order(3)
    void theProjectorStoppedMidStreamAndStartedAgainMissesNothing() throws Exception {
        KafkaProjectionConsumer projector = ledger.bean(KafkaProjectionConsumer.class);
        registerAgency("e2e-stop");
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> receiveMany("e2e-stop", "s", 40, sent));
        RunningLedger.await(sent::get, n -> n >= 10, Duration.ofSeconds(30));
        projector.stop();
        burst.get(60, TimeUnit.SECONDS);
        assertThat(total(ledger.servedTables("e2e-stop", 2024), "一")).as("counted while stopped").isLessThan(40);
        projector.start();

        JsonNode report = ledger.awaitServedEqualsFold("e2e-stop", 2024);
        assertThat(total(report, "一")).isEqualTo(40);
        ledger.awaitServedEqualsFold(AGENCY, 2024);
    }

    @Test
    @Order(4)
    void everyEventDeliveredTwiceIsCountedOnce() {
        registerAgency("e2e-twice");
        receiveMany("e2e-twice", "t", 5);
        JsonNode before = ledger.awaitServedEqualsFold("e2e-twice", 2024);
        List<ConsumerRecord<String, String>> records = ledger.readTopic(TOPIC, ledger.eventStore().size());

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            records.forEach(r -> producer.send(new ProducerRecord<>(TOPIC, r.key(), r.value())));
        }
        receiveMany("e2e-twice", "u", 1);
        Map<Integer, Long> ends = endOffsets();
        KafkaOffsetRepository projected = ledger.bean(KafkaOffsetRepository.class);
        Map<Integer, Long> consumed = RunningLedger.await(() -> projectedOffsets(projected, ends.keySet()), ends::equals,
                Duration.ofSeconds(60));
        assertThat(consumed).as("the projector read past every duplicate").isEqualTo(ends);

        JsonNode after = ledger.awaitServedEqualsFold("e2e-twice", 2024);
        assertThat(total(after, "一")).isEqualTo(6);
        assertThat(total(before, "一")).isEqualTo(5);
        ledger.awaitServedEqualsFold(AGENCY, 2024);
    }

    @Test
    @Order(5)
    void commandsAcceptedWhileTheBrokerIsDownArriveAfterItRestarts() {
        registerAgency("e2e-broker");
        receiveMany("e2e-broker", "b", 3);
        ledger.awaitServedEqualsFold("e2e-broker", 2024);

        ledger.stopKafka();
        receiveMany("e2e-broker", "c", 4);
        assertThat(total(ledger.servedTables("e2e-broker", 2024), "一")).as("counted while Kafka is down").isEqualTo(3);
        ledger.startKafkaAgain();

        JsonNode report = ledger.awaitServedEqualsFold("e2e-broker", 2024);
        assertThat(total(report, "一")).isEqualTo(7);
        ledger.awaitServedEqualsFold(AGENCY, 2024);
    }

    @Test
    @Order(6)
    void twoConflictingCommandsOnOneCaseOneWinsTheOther409AndNothingIsLost() throws Exception {
        registerAgency("e2e-race");
        receiveMany("e2e-race", "x", 1);
        var reply = CompletableFuture.supplyAsync(() -> http.command("/api/requests/e2e-race:x0/reply",
                "{\"repliedOn\":\"2024-04-10\",\"primaryOutcome\":\"DISCLOSED\"}"));
        var withdrawal = CompletableFuture.supplyAsync(() -> http.command("/api/requests/e2e-race:x0/withdrawal",
                "{\"withdrawnOn\":\"2024-04-09\"}"));
        List<Http.Response> answers = List.of(reply.get(30, TimeUnit.SECONDS), withdrawal.get(30, TimeUnit.SECONDS));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        JsonNode report = ledger.awaitServedEqualsFold("e2e-race", 2024);
        String won = answers.get(0).status() == 200 ? "三.一" : "三.六.3";
        assertThat(report.get("table3").get(won).get("总计").asInt()).isEqualTo(1);
        assertThat(report.get("table3").get("三.七").get("总计").asInt()).isEqualTo(1);
        assertThat(ledger.eventStore().stream().filter(e -> e.aggregateId().equals("e2e-race:x0")).count()).isEqualTo(2);
    }

    /**
     * Publication is a command and an event: {@code POST …/publication} on the command side folds the report from
     * the event store and records {@code AnnualReportPublished}; the read model projects it from Kafka like any
     * event. So the published tables are reproducible from the events at the watermark, a revision is a later
     * publication, and dropping every read model and replaying the topic brings the publication back with
     * identical tables. (Last: it drops the read models.)
     */
    @Test
    @Order(7)
    void aPublicationIsReproducibleFromTheEventsAndSurvivesARebuildOfEveryReadModel() {
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"" + PUB_AGENCY + "\",\"name\":\"发布测试局\"}").status())
                .isEqualTo(201);
        receiveAndReplyFor("p1", "2024-03-01", "2024-03-15");
        receiveAndReplyFor("p2", "2024-05-06", "2024-05-20");
        ledger.awaitServedEqualsFold(PUB_AGENCY, 2024);

        Http.Response published = http.command(PUB_PATH, "{\"format\":\"2021\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("command").asText()).isEqualTo("PublishAnnualReport");
        JsonNode first = awaitPublication(1);
        assertThat(first.get("publishedBy").asText()).isEqualTo(Http.officerOf(PUB_AGENCY));
        assertThat(first.get("revised").asBoolean()).isFalse();
        assertThat(first.get("published")).isEqualTo(foldedAt(first.get("watermark").asText()));

        Http.Response again = http.command(PUB_PATH, "{\"format\":\"2021\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("REPORT_ALREADY_PUBLISHED");

        var correction = http.command("/api/requests/" + PUB_AGENCY + ":p2/amendments/applicant-type",
                "{\"correctedType\":\"COMMERCIAL_ENTERPRISE\",\"reason\":\"申请人为公司\"}");
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);
        ledger.awaitServedEqualsFold(PUB_AGENCY, 2024);
        JsonNode stale = http.get(PUB_PATH).json();
        assertThat(stale.get("revised").asBoolean()).as("the correction changed a cell since publication").isTrue();
        Http.Response revision = http.command(PUB_PATH, "{\"format\":\"2021\"}");
        assertThat(revision.status()).as(revision.body()).isEqualTo(201);
        JsonNode second = awaitPublication(2);
        assertThat(second.get("revised").asBoolean()).isFalse();
        assertThat(second.get("published")).isEqualTo(foldedAt(second.get("watermark").asText()));
        assertThat(second.get("published")).isNotEqualTo(first.get("published"));

        KafkaProjectionConsumer projector = ledger.bean(KafkaProjectionConsumer.class);
        projector.stop();
        ReadModelDatabase readModel = ledger.bean(ReadModelDatabase.class);
        ReadModelDatabase.COLLECTIONS.forEach(name -> readModel.collection(name).drop());
        assertThat(http.get(PUB_PATH).status()).as("every read model is gone").isEqualTo(404);
        projector.start();

        // The publication and the events its "current" report is folded from come back in any order: wait for all.
        Http.Response rebuilt = RunningLedger.await(() -> http.get(PUB_PATH),
                r -> r.status() == 200 && r.json().equals(second), Duration.ofSeconds(90));
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json()).isEqualTo(second);
        assertThat(ledger.awaitServedEqualsFold(PUB_AGENCY, 2024)).isNotNull();
    }

    private static final String POLICY_AGENCY = "policy-agency";

    /** A 2024 report's table-四 total of reconsiderations as served, with its policy and why. */
    private static JsonNode served(int year, String query) {
        Http.Response response = http.get("/api/reports/" + POLICY_AGENCY + "/" + year + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /**
     * The agency's table-四 policy is an event: set from 2024 on, the served report of 2024 (materialised copy,
     * period figures, publication) follows it and 2023's does not; a query naming a policy still overrides it and
     * says so; the setting survives a rebuild of every read model.
     */
    @Test
    @Order(8)
    void theServedReportFollowsTheAgencysAppealPolicyAndKeepsItAcrossARebuild() {
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"" + POLICY_AGENCY + "\",\"name\":\"口径测试局\"}")
                .status()).isEqualTo(201);
        String lines = String.join("\n",
                "{\"command\":\"FileReconsideration\",\"reconsiderationId\":\"rc-pol-1\",\"agencyId\":\"" + POLICY_AGENCY
                        + "\",\"reviewBody\":\"区人民政府\",\"caseNumber\":\"复〔2023〕1号\",\"applicantName\":\"张某\","
                        + "\"filedOn\":\"2023-11-01\"}",
                "{\"command\":\"AcceptReconsideration\",\"reconsiderationId\":\"rc-pol-1\",\"acceptedOn\":\"2023-11-03\"}",
                "{\"command\":\"DecideReconsideration\",\"reconsiderationId\":\"rc-pol-1\",\"decidedOn\":\"2024-01-10\","
                        + "\"result\":\"REVOKED\",\"decisionNumber\":\"复决1号\"}",
                "{\"command\":\"FileReconsideration\",\"reconsiderationId\":\"rc-pol-2\",\"agencyId\":\"" + POLICY_AGENCY
                        + "\",\"reviewBody\":\"区人民政府\",\"caseNumber\":\"复〔2024〕2号\",\"applicantName\":\"李某\","
                        + "\"filedOn\":\"2024-12-01\"}");
        var imported = http.post("/api/import", "application/x-ndjson", lines);
        assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isZero();
        ledger.awaitServedEqualsFold(POLICY_AGENCY, 2024);
        JsonNode before = served(2024, "");
        assertThat(before.get("table4").get("复议.总计").asInt()).isEqualTo(2);
        assertThat(before.get("appealPolicyBasis").get("source").asText()).isEqualTo("DEFAULT");
        JsonNode before2023 = served(2023, "");

        String path = "/api/agencies/" + POLICY_AGENCY + "/appeal-counting-policy";
        String body = "{\"policy\":\"FILED_IN_YEAR\",\"fromYear\":2024,\"reason\":\"市政府办公室通知：表四按本年新立案件统计\"}";
        Http.Response set = http.command(path, body);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Http.Response again = http.command(path, body);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("APPEAL_POLICY_UNCHANGED");
        Http.Response early = http.command(path, "{\"policy\":\"FILED_IN_YEAR\",\"fromYear\":2007,\"reason\":\"早\"}");
        assertThat(early.status()).as(early.body()).isEqualTo(422);

        JsonNode after = RunningLedger.await(() -> served(2024, ""),
                r -> r.get("appealPolicy").asText().equals("FILED_IN_YEAR"), Duration.ofSeconds(90));
        assertThat(after.get("table4").get("复议.总计").asInt()).isEqualTo(1);
        assertThat(after.get("appealPolicyBasis").get("source").asText()).isEqualTo("SETTING");
        assertThat(after.get("appealPolicyBasis").get("fromYear").asInt()).isEqualTo(2024);
        assertThat(after.get("appealPolicyBasis").get("reason").asText()).startsWith("市政府办公室通知");
        assertThat(ledger.awaitServedEqualsFold(POLICY_AGENCY, 2024).get("table4").get("复议.总计").asInt()).isEqualTo(1);
        JsonNode after2023 = served(2023, "");
        assertThat(after2023.get("table4")).as("2023 is not changed").isEqualTo(before2023.get("table4"));
        assertThat(after2023.get("appealPolicyBasis")).isEqualTo(before2023.get("appealPolicyBasis"));

        JsonNode whatIf = served(2024, "?appealPolicy=OPEN_IN_YEAR");
        assertThat(whatIf.get("table4").get("复议.总计").asInt()).isEqualTo(2);
        assertThat(whatIf.get("appealPolicyBasis").get("source").asText()).isEqualTo("PARAMETER");
        Http.Response range = http.get("/api/reports/" + POLICY_AGENCY + "/range?from=2024-10-01&to=2024-12-31");
        assertThat(range.status()).as(range.body()).isEqualTo(200);
        JsonNode quarter = range.json();
        assertThat(quarter.get("appealPolicy").asText()).isEqualTo("FILED_IN_YEAR");
        JsonNode detail = http.get("/api/agencies/" + POLICY_AGENCY).json();
        JsonNode year2024 = java.util.stream.StreamSupport.stream(detail.get("appealPolicies").spliterator(), false)
                .filter(y -> y.get("year").asInt() == 2024).findFirst().orElseThrow();
        assertThat(year2024.get("policy").asText()).isEqualTo("FILED_IN_YEAR");
        assertThat(year2024.get("label").asText()).isEqualTo("表四统计本年新立案件");
        assertThat(year2024.get("source").asText()).isEqualTo("SETTING");

        String publication = "/api/reports/" + POLICY_AGENCY + "/2024/publication";
        assertThat(http.command(publication, "").status()).isEqualTo(201);
        Http.Response published = RunningLedger.await(() -> http.get(publication), r -> r.status() == 200,
                Duration.ofSeconds(90));
        assertThat(published.json().get("appealPolicy").asText()).as(published.body()).isEqualTo("FILED_IN_YEAR");
        assertThat(published.json().get("revised").asBoolean()).isFalse();

        KafkaProjectionConsumer projector = ledger.bean(KafkaProjectionConsumer.class);
        projector.stop();
        ReadModelDatabase readModel = ledger.bean(ReadModelDatabase.class);
        ReadModelDatabase.COLLECTIONS.forEach(name -> readModel.collection(name).drop());
        projector.start();
        JsonNode rebuilt = RunningLedger.await(() -> {
            Http.Response r = http.get("/api/reports/" + POLICY_AGENCY + "/2024");
            return r.status() == 200 ? r.json() : JSON.createObjectNode();
        }, r -> r.path("appealPolicy").asText().equals("FILED_IN_YEAR"), Duration.ofSeconds(90));
        assertThat(rebuilt.get("table4").get("复议.总计").asInt()).isEqualTo(1);
        assertThat(rebuilt.get("appealPolicyBasis").get("source").asText()).isEqualTo("SETTING");
        assertThat(ledger.awaitServedEqualsFold(POLICY_AGENCY, 2024).get("table4").get("复议.总计").asInt()).isEqualTo(1);
    }

    private static void receiveAndReplyFor(String tracking, String receivedOn, String repliedOn) {
        var received = http.command("/api/requests", "{\"agencyId\":\"" + PUB_AGENCY + "\",\"trackingNumber\":\"" + tracking
                + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"" + receivedOn
                + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"申请人\"},\"subject\":\"预算\"}");
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        var replied = http.command("/api/requests/" + PUB_AGENCY + ":" + tracking + "/reply",
                "{\"repliedOn\":\"" + repliedOn + "\",\"primaryOutcome\":\"DISCLOSED\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
    }

    /** The publication as the query side serves it, once it shows {@code revision}. */
    private static JsonNode awaitPublication(int revision) {
        Http.Response response = RunningLedger.await(() -> http.get(PUB_PATH),
                r -> r.status() == 200 && r.json().get("revision").asInt() == revision, Duration.ofSeconds(90));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("revision").asInt()).as(response.body()).isEqualTo(revision);
        return response.json();
    }

    /** The report folded from the whole event store as it stood at the watermark. */
    private static JsonNode foldedAt(String watermark) {
        ReportRequest request = new ReportRequest(new AgencyId(PUB_AGENCY), 2024, ReportFormat.Y2021,
                null, Instant.parse(watermark).atOffset(ZoneOffset.ofHours(8)));
        return ReportJson.readTree(ReportJson.write(ReportFold.fold(ledger.eventStore(), request)));
    }

    private static String receive(String tracking, String applicantType, String receivedOn) {
        return "{\"command\":\"ReceiveRequest\",\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\"" + tracking
                + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"" + receivedOn + "\",\"applicant\":{\"type\":\""
                + applicantType + "\",\"name\":\"申请人" + tracking + "\"},\"subject\":\"某信息\"}";
    }

    private static void registerAgency(String agencyId) {
        var response = http.command("/api/agencies", "{\"agencyId\":\"" + agencyId + "\",\"name\":\"测试局\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static void receiveMany(String agencyId, String prefix, int count) {
        receiveMany(agencyId, prefix, count, new AtomicInteger());
    }

    private static void receiveMany(String agencyId, String prefix, int count, AtomicInteger sent) {
        IntStream.range(0, count).forEach(i -> {
            var response = http.command("/api/requests", "{\"agencyId\":\"" + agencyId + "\",\"trackingNumber\":\""
                    + prefix + i + "\",\"channel\":\"FAX\",\"receivedOn\":\"2024-04-0" + (1 + i % 9)
                    + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"某人\"},\"subject\":\"某信息\"}");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            sent.incrementAndGet();
        });
    }

    private static int total(JsonNode tables, String row) {
        return tables.get("table3").get(row).get("总计").asInt();
    }

    private static Map<Integer, Long> endOffsets() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.kafkaBootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<Integer, Long> ends = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((p, offset) -> ends.put(p.partition(), offset));
            return ends;
        }
    }

    private static Map<Integer, Long> projectedOffsets(KafkaOffsetRepository offsets, Set<Integer> partitions) {
        Map<Integer, Long> projected = new TreeMap<>();
        partitions.forEach(p -> projected.put(p, offsets.nextOffset(TOPIC, p).orElse(0)));
        return projected;
    }

    private static void assertRow(JsonNode table3, String row, int... cells) {
        assertThat(cells(table3.get(row), "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"))
                .as(row).containsExactly(IntStream.of(cells).boxed().toArray(Integer[]::new));
    }

    private static List<Integer> cells(JsonNode node, String... keys) {
        List<Integer> values = new ArrayList<>();
        for (String key : keys) {
            values.add(node.get(key).asInt());
        }
        return values;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
