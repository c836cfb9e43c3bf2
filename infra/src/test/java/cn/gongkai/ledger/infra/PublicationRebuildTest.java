package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publication is a command and an event: {@code POST …/publication} on the command side folds the report from the
 * event store and records {@code AnnualReportPublished}; the read model projects it from Kafka like any event. So
 * the published tables are reproducible from the events at the watermark, a revision is a later publication, and
 * dropping every read model and replaying the topic brings the publication back with identical tables.
 */
class PublicationRebuildTest {
    private static final String AGENCY = "pub-agency";
    private static final String PUBLICATION = "/api/reports/" + AGENCY + "/2024/publication";

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
    void aPublicationIsReproducibleFromTheEventsAndSurvivesARebuildOfEveryReadModel() {
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"发布测试局\"}").status())
                .isEqualTo(201);
        receiveAndReply("p1", "2024-03-01", "2024-03-15");
        receiveAndReply("p2", "2024-05-06", "2024-05-20");
        ledger.awaitServedEqualsFold(AGENCY, 2024);

        Http.Response published = http.command(PUBLICATION, "{\"format\":\"2021\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("command").asText()).isEqualTo("PublishAnnualReport");
        JsonNode first = awaitPublication(1);
        assertThat(first.get("publishedBy").asText()).isEqualTo(Http.OFFICER);
        assertThat(first.get("revised").asBoolean()).isFalse();
        assertThat(first.get("published")).isEqualTo(foldedAt(first.get("watermark").asText()));

        Http.Response again = http.command(PUBLICATION, "{\"format\":\"2021\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("REPORT_ALREADY_PUBLISHED");

        var correction = http.command("/api/requests/" + AGENCY + ":p2/amendments/applicant-type",
                "{\"correctedType\":\"COMMERCIAL_ENTERPRISE\",\"reason\":\"申请人为公司\"}");
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);
        ledger.awaitServedEqualsFold(AGENCY, 2024);
        JsonNode stale = http.get(PUBLICATION).json();
        assertThat(stale.get("revised").asBoolean()).as("the correction changed a cell since publication").isTrue();
        Http.Response revision = http.command(PUBLICATION, "{\"format\":\"2021\"}");
        assertThat(revision.status()).as(revision.body()).isEqualTo(201);
        JsonNode second = awaitPublication(2);
        assertThat(second.get("revised").asBoolean()).isFalse();
        assertThat(second.get("published")).isEqualTo(foldedAt(second.get("watermark").asText()));
        assertThat(second.get("published")).isNotEqualTo(first.get("published"));

        KafkaProjectionConsumer projector = ledger.bean(KafkaProjectionConsumer.class);
        projector.stop();
        ReadModelDatabase readModel = ledger.bean(ReadModelDatabase.class);
        ReadModelDatabase.COLLECTIONS.forEach(name -> readModel.collection(name).drop());
        assertThat(http.get(PUBLICATION).status()).as("every read model is gone").isEqualTo(404);
        projector.start();

        JsonNode rebuilt = awaitPublication(2);
        assertThat(rebuilt).isEqualTo(second);
        assertThat(ledger.awaitServedEqualsFold(AGENCY, 2024)).isNotNull();
    }

    private static void receiveAndReply(String tracking, String receivedOn, String repliedOn) {
        var received = http.command("/api/requests", "{\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\"" + tracking
                + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"" + receivedOn
                + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"申请人\"},\"subject\":\"预算\"}");
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        var replied = http.command("/api/requests/" + AGENCY + ":" + tracking + "/reply",
                "{\"repliedOn\":\"" + repliedOn + "\",\"primaryOutcome\":\"DISCLOSED\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
    }

    /** The publication as the query side serves it, once it shows {@code revision}. */
    private static JsonNode awaitPublication(int revision) {
        Http.Response response = RunningLedger.await(() -> http.get(PUBLICATION),
                r -> r.status() == 200 && r.json().get("revision").asInt() == revision, Duration.ofSeconds(90));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("revision").asInt()).as(response.body()).isEqualTo(revision);
        return response.json();
    }

    /** The report folded from the whole event store as it stood at the watermark. */
    private static JsonNode foldedAt(String watermark) {
        ReportRequest request = new ReportRequest(new AgencyId(AGENCY), 2024, ReportFormat.Y2021,
                AppealPolicy.OPEN_IN_YEAR, Instant.parse(watermark).atOffset(ZoneOffset.ofHours(8)));
        return ReportJson.readTree(ReportJson.write(ReportFold.fold(ledger.eventStore(), request)));
    }
}
