package cn.gongkai.ledger.command.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.command.web.CommandServiceTestBase;
import cn.gongkai.ledger.command.web.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/import: JSON Lines, one command per line, one result per line, never half a line. */
class ImportTest extends CommandServiceTestBase {
    private static final Path SAMPLE = Path.of("..", "docs", "examples", "import-sample.jsonl");

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;

    @Test
    void theDocumentedSampleImportsCompletely() throws Exception {
        String sample = Files.readString(SAMPLE);
        long lines = sample.lines().filter(l -> !l.isBlank()).count();

        var response = importLines(sample, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rejected").asInt()).as(response.body()).isZero();
        assertThat(report.get("accepted").asInt()).isEqualTo(lines);
        assertThat(report.get("results").get(6).get("id").asText()).isEqualTo("ninghe-commerce:2024-0001");
        assertThat(events("ninghe-commerce")).hasSize(6);
        assertThat(events("ninghe-commerce:2024-0002")).extracting(d -> d.getString("payloadType"))
                .containsExactly(
                        "cn.gongkai.ledger.api.request.DisclosureRequestEvent$RequestReceived",
                        "cn.gongkai.ledger.api.request.DisclosureRequestEvent$CorrectionRequested",
                        "cn.gongkai.ledger.api.request.DisclosureRequestEvent$CorrectionSupplied",
                        "cn.gongkai.ledger.api.request.DisclosureRequestEvent$RequestReplied");
        assertThat(events("ls-ninghe-2024-01")).hasSize(2);
        assertThat(events("ninghe-commerce").get(3).getString("payload")).contains("\"amountYuan\":15800.00");

        long stored = mongo.getDatabase(DATABASE).getCollection("domainevents").countDocuments();
        JsonNode again = importLines(sample, Map.of()).json();
        assertThat(again.get("accepted").asInt()).as("a second import of the same file").isZero();
        assertThat(again.get("rejected").asInt()).isEqualTo(lines);
        assertThat(again.get("results")).allSatisfy(r -> assertThat(r.get("problem").get("status").asInt()).isEqualTo(409));
        assertThat(mongo.getDatabase(DATABASE).getCollection("domainevents").countDocuments()).isEqualTo(stored);
    }

    @Test
    void reImportingATallyNeverDoublesIt() {
        String procurement = "{\"command\":\"RecordProcurement\",\"agencyId\":\"imp-p\",\"contractedOn\":\"2024-06-03\","
                + "\"projectCount\":395,\"amountYuan\":100.00,\"batchRef\":\"procurement-2024\"}";
        String items = "{\"command\":\"CountServiceItems\",\"agencyId\":\"imp-p\",\"category\":\"PENALTY\","
                + "\"asOf\":\"2024-01-01\",\"count\":9,\"batchRef\":\"catalogue-2024\"}";
        String unbatched = "{\"command\":\"RecordProcurement\",\"agencyId\":\"imp-p\",\"contractedOn\":\"2024-06-03\","
                + "\"projectCount\":1,\"amountYuan\":1}";
        String body = String.join("\n", "{\"command\":\"RegisterAgency\",\"agencyId\":\"imp-p\",\"name\":\"丙局\"}",
                procurement, items, unbatched);

        importLines(body, Map.of());
        JsonNode again = importLines(String.join("\n", procurement, items), Map.of()).json();

        assertThat(again.get("results")).extracting(r -> r.get("problem").get("code").asText())
                .containsExactly("BATCH_ALREADY_RECORDED", "BATCH_ALREADY_RECORDED");
        assertThat(again.get("results")).extracting(r -> r.get("problem").get("status").asInt()).containsOnly(409);
        assertThat(again.get("results").get(0).get("problem").get("messageZh").asText()).contains("不能重复计数");
        assertThat(events("imp-p")).extracting(d -> d.getString("payloadType")).containsExactly(
                "cn.gongkai.ledger.api.agency.AgencyEvent$AgencyRegistered",
                "cn.gongkai.ledger.api.agency.AgencyEvent$ProcurementRecorded",
                "cn.gongkai.ledger.api.agency.AgencyEvent$ServiceItemsCounted");
    }

    @Test
    void eachLineIsAnsweredOnItsOwnAndARefusedLineAppendsNothing() {
        String body = String.join("\n",
                "{\"command\":\"RegisterAgency\",\"agencyId\":\"imp-a\",\"name\":\"甲局\"}",
                "",
                "{\"command\":\"RegisterAgency\",\"agencyId\":\"imp-a\",\"name\":\"重复\"}",
                "not json",
                "{\"command\":\"Teleport\",\"agencyId\":\"imp-a\"}",
                "{\"agencyId\":\"imp-a\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-a\",\"category\":\"PENALTY\",\"decidedOn\":\"2024-01-05\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-a\",\"category\":\"PENALTY\",\"decidedOn\":\"2024-01-05\",\"count\":0,\"batchRef\":\"b1\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-a\",\"category\":\"PENALTY\",\"decidedOn\":\"2024-01-05\",\"count\":4,\"batchRef\":\"b1\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-none\",\"category\":\"PENALTY\",\"decidedOn\":\"2024-01-05\",\"count\":4,\"batchRef\":\"b1\"}");

        var response = importLines(body, Map.of("Accept-Language", "en"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(7);
        JsonNode results = report.get("results");
        assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(1, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly(
                "accepted", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted", "rejected");
        assertThat(results).extracting(r -> r.has("problem") ? r.get("problem").get("code").asText() : "-")
                .containsExactly("-", "AGENCY_ALREADY_REGISTERED", "MALFORMED_JSON", "UNKNOWN_COMMAND", "MISSING_FIELD",
                        "MISSING_FIELD", "NUMBER_NOT_POSITIVE", "-", "OTHER_AGENCY");
        // The last line names another agency than the importing officer's: refused (403) like its REST call.
        assertThat(results.get(8).get("problem").get("status").asInt()).isEqualTo(403);
        JsonNode conflict = results.get(1).get("problem");
        assertThat(conflict.get("status").asInt()).isEqualTo(409);
        assertThat(conflict.get("detail").asText()).isEqualTo(conflict.get("messageEn").asText());
        assertThat(conflict.get("messageZh").asText()).contains("已登记");
        assertThat(results.get(7).get("command").asText()).isEqualTo("TallyDecisions");

        List<Document> stored = events("imp-a");
        assertThat(stored).extracting(d -> d.get("sequenceNumber")).containsExactly(0L, 1L);
        assertThat(stored.get(0).getString("payload")).contains("甲局");
        assertThat(stored.get(1).getString("payload")).contains("\"count\":4");
        assertThat(events("imp-none")).isEmpty();
    }

    @Test
    void aBodyWithAnInvalidUtf8ByteOnLine151IsRefusedWholeBeforeAnythingIsStored() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"command\":\"RegisterAgency\",\"agencyId\":\"imp-utf\",\"name\":\"甲局\"}\n".getBytes(UTF_8));
        for (int line = 2; line <= 200; line++) {
            String json = "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-utf\",\"category\":\"PENALTY\","
                    + "\"decidedOn\":\"2024-01-05\",\"count\":1,\"batchRef\":\"b-" + line + "\"}\n";
            byte[] bytes = json.getBytes(UTF_8);
            if (line == 151) {
                bytes[bytes.length - 4] = (byte) 0xff;
            }
            body.writeBytes(bytes);
        }
        long before = stored();

        var response = new Http(port, DATABASE).send("POST", "/api/import", body.toByteArray(),
                Map.of("Content-Type", "application/x-ndjson"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("INVALID_ENCODING");
        assertThat(response.json().get("messageZh").asText()).contains("第 151 行");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aLeadingByteOrderMarkAndCrLfLineEndsAreAccepted() {
        byte[] text = ("{\"command\":\"RegisterAgency\",\"agencyId\":\"imp-bom\",\"name\":\"甲局\"}\r\n"
                + "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-bom\",\"category\":\"PENALTY\","
                + "\"decidedOn\":\"2024-01-05\",\"count\":2,\"batchRef\":\"bom-1\"}\r\n").getBytes(UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);

        Http http = new Http(port, DATABASE);
        var response = http.send("POST", "/api/import", body, Map.of("Content-Type", "application/x-ndjson",
                "Authorization", "Bearer " + http.officers().tokenFor("imp-bom")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).as(response.body()).isEqualTo(2);
        assertThat(events("imp-bom")).hasSize(2);
    }

    @Test
    void everyLineIsBoundBeforeTheFirstIsSentAndLimitsApplyToImportLinesToo() {
        String body = String.join("\n",
                "{\"command\":\"RegisterAgency\",\"agencyId\":\"imp-c\",\"name\":\"丙局\"}",
                "{\"command\":\"ReceiveRequest\",\"agencyId\":\"imp-c\",\"trackingNumber\":\"a b\",\"channel\":\"INTERNET\","
                        + "\"receivedOn\":\"2024-03-01\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"王\"},\"subject\":\"x\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-c\",\"category\":\"PENALTY\",\"decidedOn\":\"2024-01-05\","
                        + "\"count\":1.5,\"batchRef\":\"c-1\"}",
                "{\"command\":\"TallyDecisions\",\"agencyId\":\"imp-c\",\"category\":\"PENALTY\",\"decidedOn\":\"2024-01-05\","
                        + "\"count\":1,\"count\":2,\"batchRef\":\"c-2\"}");

        JsonNode report = importLines(body, Map.of()).json();

        assertThat(report.get("results")).extracting(r -> r.has("problem") ? r.get("problem").get("code").asText() : "-")
                .containsExactly("-", "INVALID_ID", "INVALID_FIELD", "DUPLICATE_FIELD");
        assertThat(events("imp-c")).hasSize(1);
    }

    @Test
    void anImportNeedsAnAuthenticatedOfficer() {
        var response = new Http(port, DATABASE).post("/api/import", (String) null, "application/x-ndjson",
                "{\"command\":\"RegisterAgency\",\"agencyId\":\"imp-b\",\"name\":\"乙局\"}", Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(events("imp-b")).isEmpty();
    }

    private Http.Response importLines(String body, Map<String, String> headers) {
        return new Http(port, DATABASE).post("/api/import", "application/x-ndjson", body, headers);
    }

    private long stored() {
        return mongo.getDatabase(DATABASE).getCollection("domainevents").countDocuments();
    }

    private List<Document> events(String aggregateId) {
        return mongo.getDatabase(DATABASE).getCollection("domainevents")
                .find(Filters.eq("aggregateIdentifier", aggregateId)).sort(Sorts.ascending("sequenceNumber"))
                .into(new ArrayList<>());
    }
}
