package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The versions of a report through the served API, across a year boundary. The 2024 history of
 * {@code docs/examples/events-sample.jsonl} is imported as recorded (its last event on 2 January 2025), 2024 is
 * published; a late correction of a 2024 reply then makes a pending revision with exactly the cells it moved and
 * that case; the report as known before the correction is the published one; the revision is published and nothing
 * is pending. Then a migrated ledger (opened at 2024 with one pending request, 2024 published) whose forgotten 2023
 * request, registered later, makes 2025's 二 differ from the published 四: the served report names it.
 */
class ReportVersionsTest {
    private static final String AGENCY = "ninghe-commerce";
    private static final String REPORTS = "/api/reports/" + AGENCY + "/2024";
    private static final Path SAMPLE = Path.of("..", "docs", "examples", "events-sample.jsonl");

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDir);
        http = ledger.http();
        // The publisher and the projector up first: an event import rewinds the publisher, which must not race
        // the broker's start (its first partition leader).
        command("/api/agencies", "{\"agencyId\":\"warm-up-office\",\"name\":\"预热局\"}");
        ledger.awaitServedEqualsFold("warm-up-office", 2024);
        var imported = http.post("/api/agencies/" + AGENCY + "/events", "application/x-ndjson", Files.readString(SAMPLE));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        ledger.awaitServedEqualsFold(AGENCY, 2024);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static JsonNode tables(JsonNode report) {
        var tables = report.deepCopy();
        List<String> others = new ArrayList<>();
        tables.fieldNames().forEachRemaining(others::add);
        others.stream().filter(f -> !f.startsWith("table")).forEach(((com.fasterxml.jackson.databind.node.ObjectNode) tables)::remove);
        return tables;
    }

    private static Http.Response command(String path, String json) {
        var response = http.command(path, json);
        assertThat(response.status()).as(path + " " + response.body()).isIn(200, 201);
        return response;
    }

    @Test
    void aLateCorrectionOfAPublishedYearIsAPendingRevisionUntilTheRevisionIsPublished() {
        assertThat(http.get(REPORTS + "/revision").json().get("code").asText()).isEqualTo("REPORT_NOT_PUBLISHED");
        command(REPORTS + "/publication", "{\"format\":\"2021\"}");
        JsonNode versions = http.ok(REPORTS + "/versions");
        JsonNode first = versions.get("published").get(0);
        assertThat(versions.get("published")).hasSize(1);
        assertThat(first.get("watermark").asText()).as("the sample's last event").isEqualTo("2025-01-02T02:00:00Z");
        assertThat(first.get("publishedBy").asText()).isEqualTo(Http.officerOf(AGENCY));
        assertThat(first.get("reproducible").asBoolean()).isTrue();
        assertThat(first.get("knownAtWatermark").get("table3")).isEqualTo(first.get("published").get("table3"));
        assertThat(versions.get("pendingRevision").get("pending").asBoolean()).isFalse();
        JsonNode published = tables(first.get("published"));

        // As known on 15 January 2025 (recording time, not business dates): the published tables.
        JsonNode january = http.ok(REPORTS + "?knownAt=2025-01-15T10:00:00%2B08:00");
        assertThat(tables(january)).isEqualTo(published);
        assertThat(january.get("asOf").asText()).startsWith("2025-01-15T10:00");
        // As known on 1 June 2024: two requests received so far, the third not yet.
        assertThat(http.ok(REPORTS + "?knownAt=2024-06-01T00:00").get("table3").get("一").get("总计").asInt()).isEqualTo(2);
        assertThat(http.get(REPORTS + "?knownAt=someday").status()).isEqualTo(400);

        // A late correction of a 2024 reply: 三.一 → 三.二 for 2024-001 (自然人).
        String caseId = AGENCY + ":2024-001";
        command("/api/requests/" + caseId + "/amendments/outcome", "{\"correctedOutcome\":\"PARTIALLY_DISCLOSED\","
                + "\"secondaryReasons\":[\"WITHHELD_THIRD_PARTY_RIGHTS\"],\"reason\":\"答复书载明部分公开\"}");
        JsonNode revision = http.ok(REPORTS + "/revision");
        assertThat(revision.get("pending").asBoolean()).isTrue();
        assertThat(revision.get("publishedRevision").asInt()).isEqualTo(1);
        List<String> cells = new ArrayList<>();
        for (JsonNode change : revision.get("changes")) {
            cells.add(change.get("cell").asText());
            assertThat(change.get("cases")).as(change.toString()).hasSize(1);
            JsonNode moved = change.get("cases").get(0);
            assertThat(moved.get("caseId").asText()).isEqualTo(caseId);
            assertThat(moved.get("direction").asText()).isEqualTo(change.get("cell").asText().contains("三.一") ? "LEFT" : "ENTERED");
            assertThat(moved.get("movedBy")).hasSize(1);
            assertThat(moved.get("movedBy").get(0).get("type").asText()).isEqualTo("OutcomeCorrected");
            assertThat(moved.get("movedBy").get(0).get("recordedBy").asText()).isEqualTo(Http.officerOf(AGENCY));
        }
        assertThat(cells).containsExactly("table3/三.一/自然人", "table3/三.一/总计", "table3/三.二/自然人", "table3/三.二/总计");

        // As known just after the publication, before the correction: still the published version.
        String publishedAt = first.get("publishedAt").asText();
        assertThat(tables(http.ok(REPORTS + "?knownAt=" + publishedAt))).isEqualTo(published);
        JsonNode diff = http.ok(REPORTS + "/versions/diff?from=1&to=current");
        assertThat(diff.get("changes")).isEqualTo(revision.get("changes"));
        assertThat(http.ok(REPORTS + "/versions/diff?from=" + publishedAt + "&to=1").get("changes")).isEmpty();

        // Publish the revision: revision 2, nothing pending, the version list has both.
        command(REPORTS + "/publication", "{\"format\":\"2021\"}");
        JsonNode after = http.ok(REPORTS + "/revision");
        assertThat(after.get("pending").asBoolean()).isFalse();
        assertThat(after.get("publishedRevision").asInt()).isEqualTo(2);
        assertThat(after.get("changes")).isEmpty();
        JsonNode both = http.ok(REPORTS + "/versions");
        assertThat(both.get("published")).hasSize(2);
        assertThat(both.get("published").get(1).get("changesFromPrevious")).hasSize(4);
        assertThat(both.get("published").get(1).get("watermark").asText()).isNotEqualTo("2025-01-02T02:00:00Z");
        assertThat(http.command(REPORTS + "/publication", "{\"format\":\"2021\"}").status()).isEqualTo(409);
        // The query side projects the revision like any event.
        JsonNode publication = RunningLedger.await(() -> http.get(REPORTS + "/publication"),
                r -> r.status() == 200 && r.json().get("revision").asInt() == 2, Duration.ofSeconds(60)).json();
        assertThat(publication.get("revised").asBoolean()).isFalse();
    }

    @Test
    void aMigratedLedgerWhoseCarryOverDiffersFromTheLastPublishedReportNamesTheCases() {
        String agency = "migrated-office";
        command("/api/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"迁移办公室\"}");
        command("/api/agencies/" + agency + "/opening", "{\"firstYear\":2024,\"source\":\"2023年度报告（纸质）\"}");
        command("/api/requests", request(agency, "2023-p1", "2023-11-20"));
        ledger.awaitServedEqualsFold(agency, 2024);
        command("/api/reports/" + agency + "/2024/publication", "{}");
        // A request pending on 1 January 2024 that the opening left out, registered after the publication.
        String position = command("/api/requests", request(agency, "2023-p0", "2023-12-15")).json().get("position").asText();

        JsonNode y2025 = http.ok("/api/reports/" + agency + "/2025?after=" + position);
        assertThat(y2025.get("table3").get("二").get("总计").asInt()).isEqualTo(2);
        List<JsonNode> carryOver = new ArrayList<>();
        y2025.get("checks").forEach(c -> {
            if (c.get("rule").asText().equals("carry-over")) {
                carryOver.add(c);
            }
        });
        assertThat(carryOver).extracting(c -> c.get("cell").asText())
                .containsExactly("table3/二/自然人", "table3/二/总计");
        assertThat(carryOver.get(0).get("message").asText())
                .contains("上年结转 2 不等于2024年度已发布报告（第1版）的结转下年度继续办理 1", agency + ":2023-p0")
                .doesNotContain(agency + ":2023-p1");

        JsonNode versions = http.ok("/api/reports/" + agency + "/2025/versions");
        JsonNode difference = versions.get("carryOver").get("differences").get(0);
        assertThat(difference.get("onlyThisYear")).extracting(JsonNode::asText).containsExactly(agency + ":2023-p0");
        assertThat(difference.get("onlyLastYear")).isEmpty();
        assertThat(versions.get("carryOver").get("lastYearRevision").asInt()).isEqualTo(1);
        // 2024 itself now has a pending revision: p0 entered 二 and 四.
        JsonNode revision = http.ok("/api/reports/" + agency + "/2024/revision");
        assertThat(revision.get("changes")).extracting(c -> c.get("cell").asText())
                .containsExactly("table3/二/自然人", "table3/二/总计", "table3/四/自然人", "table3/四/总计");
        assertThat(revision.get("changes").get(0).get("cases").get(0).get("caseId").asText()).isEqualTo(agency + ":2023-p0");
        assertThat(revision.get("changes").get(0).get("cases").get(0).get("movedBy").get(0).get("type").asText())
                .isEqualTo("RequestReceived");
        // As known at the publication, 2025's 二 agreed with it.
        String publishedAt = http.ok("/api/reports/" + agency + "/2024/versions").get("published").get(0).get("publishedAt").asText();
        JsonNode then = http.ok("/api/reports/" + agency + "/2025?knownAt=" + publishedAt);
        assertThat(then.get("table3").get("二").get("总计").asInt()).isEqualTo(1);
        assertThat(then.get("checks")).noneMatch(c -> c.get("rule").asText().startsWith("carry-over"));
    }

    /**
     * The served report keeps its carry-over checks under the versions of the materialised reports and of last
     * year's publication (docs/benchmarks.md): each read without {@code ?after=} answers what a fresh computation
     * would, after the projector counts a new event and after a new publication.
     */
    @Test
    void theKeptCarryOverChecksFollowEveryNewEventAndPublication() {
        String agency = "migrated-office-2";
        String y2025 = "/api/reports/" + agency + "/2025";
        command("/api/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"迁移办公室二\"}");
        command("/api/agencies/" + agency + "/opening", "{\"firstYear\":2024,\"source\":\"2023年度报告（纸质）\"}");
        command("/api/requests", request(agency, "2023-p1", "2023-11-20"));
        ledger.awaitServedEqualsFold(agency, 2024);
        command("/api/reports/" + agency + "/2024/publication", "{}");
        RunningLedger.await(() -> http.get("/api/reports/" + agency + "/2024/publication"), r -> r.status() == 200,
                Duration.ofSeconds(60));
        assertThat(carryOverMessages(http.ok(y2025))).as("二 = 四 as published").isEmpty();

        command("/api/requests", request(agency, "2023-p0", "2023-12-15"));
        JsonNode one = awaitCarriedOver(y2025, 2);
        assertThat(carryOverMessages(one)).hasSize(2);
        assertThat(carryOverMessages(one).get(0)).contains("上年结转 2", agency + ":2023-p0")
                .doesNotContain(agency + ":2023-p2");
        assertThat(http.ok(y2025)).as("read again: the same answer").isEqualTo(one);

        command("/api/requests", request(agency, "2023-p2", "2023-12-20"));
        JsonNode two = awaitCarriedOver(y2025, 3);
        assertThat(carryOverMessages(two)).hasSize(2);
        assertThat(carryOverMessages(two).get(0)).contains("上年结转 3", agency + ":2023-p0", agency + ":2023-p2");

        // A revision of 2024 published with both: 2025's 二 agrees with it again.
        command("/api/reports/" + agency + "/2024/publication", "{}");
        JsonNode agreed = RunningLedger.await(() -> http.get(y2025),
                r -> r.status() == 200 && carryOverMessages(r.json()).isEmpty(), Duration.ofSeconds(60)).json();
        assertThat(agreed.get("table3").get("二").get("总计").asInt()).isEqualTo(3);
    }

    private static JsonNode awaitCarriedOver(String path, int carried) {
        return RunningLedger.await(() -> http.get(path), r -> r.status() == 200
                && r.json().get("table3").get("二").get("总计").asInt() == carried, Duration.ofSeconds(60)).json();
    }

    private static List<String> carryOverMessages(JsonNode report) {
        List<String> messages = new ArrayList<>();
        report.get("checks").forEach(c -> {
            if (c.get("rule").asText().equals("carry-over")) {
                messages.add(c.get("message").asText());
            }
        });
        return messages;
    }

    private static String request(String agency, String tracking, String receivedOn) {
        return "{\"agencyId\":\"" + agency + "\",\"trackingNumber\":\"" + tracking + "\",\"channel\":\"IN_PERSON\","
                + "\"receivedOn\":\"" + receivedOn + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"王某\"},"
                + "\"subject\":\"某事项\"}";
    }
}
