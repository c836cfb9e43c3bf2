package cn.gongkai.ledger.command.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Regression tests for every malformed input of issue 9: each one is a 4xx problem detail in Chinese and English
 * and stores nothing.
 */
class StrictInputTest extends CommandServiceTestBase {
    private static final String AGENCY = "strict";
    private static final String RECEIVE = """
            {"agencyId":"strict","trackingNumber":"%s","channel":"INTERNET","receivedOn":"%s",
             "applicant":{"type":"NATURAL_PERSON","name":"王五"},"subject":"%s"}""";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    Http http;

    @BeforeEach
    void agency() {
        http = new Http(port, DATABASE);
        http.command("/api/agencies", "{\"agencyId\":\"strict\",\"name\":\"严格局\"}");
        http.command("/api/agencies", "{\"agencyId\":\"strict-other\",\"name\":\"另一局\"}");
    }

    private Http.Response receive(String trackingNumber) {
        return http.command("/api/requests", RECEIVE.formatted(trackingNumber, "2024-03-01", "某路段规划许可"));
    }

    private String registered(String trackingNumber) {
        var created = receive(trackingNumber);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return AGENCY + ":" + trackingNumber;
    }

    @Test
    void anAmountBeyondTheDocumentedMaximumIsRefusedAndTheExactMaximumIsKept() {
        String id = registered("fee-1");
        long before = stored();

        var tooLarge = http.command("/api/requests/" + id + "/fees",
                "{\"notifiedOn\":\"2024-03-02\",\"scale\":\"PER_REQUEST\",\"amountYuan\":9223372036854775808}");
        assertProblem(tooLarge, 400, "AMOUNT_OUT_OF_RANGE");
        assertProblem(http.command("/api/requests/" + id + "/fees",
                "{\"notifiedOn\":\"2024-03-02\",\"scale\":\"PER_REQUEST\",\"amountYuan\":1e3}"), 400, "AMOUNT_OUT_OF_RANGE");
        assertProblem(http.command("/api/requests/" + id + "/fees",
                "{\"notifiedOn\":\"2024-03-02\",\"scale\":\"PER_REQUEST\",\"amountYuan\":\"10.00\"}"), 400, "INVALID_FIELD");
        assertThat(stored()).isEqualTo(before);

        var exact = http.command("/api/agencies/strict/fees",
                "{\"collectedOn\":\"2024-03-02\",\"amountYuan\":12345678901234567.89,\"batchRef\":\"exact-1\"}");
        assertThat(exact.status()).as(exact.body()).isEqualTo(200);
        assertThat(events(AGENCY).get(events(AGENCY).size() - 1).getString("payload"))
                .contains("\"amountYuan\":12345678901234567.89");
    }

    @Test
    void aSubjectOfAMegabyteIs413AndOneAboveTheTextLimitIs400() {
        long before = stored();
        var huge = http.command("/api/requests", RECEIVE.formatted("big-1", "2024-03-01", "长".repeat(350_000)));
        assertProblem(huge, 413, "PAYLOAD_TOO_LARGE");
        var tooLong = http.command("/api/requests", RECEIVE.formatted("big-2", "2024-03-01", "长".repeat(2001)));
        assertProblem(tooLong, 400, "FIELD_TOO_LONG");
        assertThat(tooLong.json().get("messageZh").asText()).contains("subject").contains("2000");
        assertThat(stored()).isEqualTo(before);
        assertThat(http.command("/api/requests", RECEIVE.formatted("big-3", "2024-03-01", "长".repeat(2000))).status())
                .isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"R 01", "R[01", "R%01", "R|01", "R\\\\01", "R^01", "R\\\"01", "R\\u000001", "R01\\u200b",
            "../../etc/passwd", "-R01", "R01/x", "R01\\u00a0", "Ｒ01"})
    void aTrackingNumberOutsideTheSafeAlphabetIs400AndNothingIsStored(String trackingNumber) {
        long before = stored();

        var refused = receive(trackingNumber);

        assertProblem(refused, 400, "INVALID_ID");
        assertThat(refused.json().get("messageZh").asText()).contains("字母、数字");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theLocationOfARegistrationIsBuiltBeforeTheAppend() {
        var created = receive("loc-1.a_b");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/requests/strict:loc-1.a_b");
    }

    @Test
    void numbersAreIntegersOnlyWhereIntegersAreMeant() {
        String id = registered("int-1");
        long before = stored();
        for (String days : List.of("1.5", "\"10\"", "1.0", "true", "2147483648", "[10]")) {
            var refused = http.command("/api/requests/" + id + "/extensions",
                    "{\"approvedOn\":\"2024-03-02\",\"workingDays\":" + days + ",\"approver\":\"主任\"}");
            assertProblem(refused, 400, "INVALID_FIELD");
            assertThat(refused.json().get("messageZh").asText()).as(days).contains("workingDays").contains("整数")
                    .doesNotContain("Cannot", "deserialize", "Source");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20000", "[2025,3,3]", "\"2025-03-01T10:00:00\"", "\"2025-3-1\"", "\"20250301\"",
            "\"2024-02-30\"", "\"+2024-03-01\"", "null", "{}"})
    void datesAreIsoDateStringsOnly(String date) {
        long before = stored();
        var refused = http.command("/api/requests", RECEIVE.formatted("date-1", "X", "x").replace("\"X\"", date));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isIn("INVALID_FIELD", "MISSING_FIELD");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void businessDatesOutsideTheDocumentedRangeAreRefused() {
        var old = http.command("/api/requests", RECEIVE.formatted("date-2", "1850-01-01", "x"));
        assertProblem(old, 400, "DATE_OUT_OF_RANGE");
        assertThat(old.json().get("messageZh").asText()).contains("2000-01-01");
        assertThat(events(AGENCY + ":date-2")).isEmpty();
    }

    @Test
    void duplicateKeysUnknownEnumsAndTrailingContentAreRefused() {
        assertProblem(http.command("/api/requests", RECEIVE.formatted("dup-1", "2024-03-01", "x")
                .replace("{\"agencyId\"", "{\"channel\":\"MAIL\",\"agencyId\"")), 400, "DUPLICATE_FIELD");
        assertProblem(http.command("/api/requests", RECEIVE.formatted("dup-1", "2024-03-01", "x")
                .replace("INTERNET", "internet")), 400, "INVALID_FIELD");
        assertProblem(http.command("/api/requests", RECEIVE.formatted("dup-1", "2024-03-01", "x")
                .replace("INTERNET", " INTERNET")), 400, "INVALID_FIELD");
        assertProblem(http.command("/api/requests", RECEIVE.formatted("dup-1", "2024-03-01", "x") + "{}"),
                400, "MALFORMED_JSON");
        assertThat(events(AGENCY + ":dup-1")).isEmpty();
    }

    @Test
    void malformedUtf8IsRefusedNeverReplaced() {
        byte[] body = join(RECEIVE.formatted("utf-1", "2024-03-01", "ab").getBytes(UTF_8));
        int at = indexOf(body, "ab".getBytes(UTF_8));
        body[at] = (byte) 0xff;
        body[at + 1] = (byte) 0xfe;

        var refused = http.send("POST", "/api/requests", body,
                Map.of("Content-Type", "application/json"));

        assertProblem(refused, 400, "INVALID_ENCODING");
        assertThat(events(AGENCY + ":utf-1")).isEmpty();
    }

    @Test
    void namesAndSubjectsArePrintableAndNormalisedToNfc() {
        assertProblem(http.command("/api/requests", RECEIVE.formatted("txt-1", "2024-03-01", "a\\u200bb")),
                400, "INVALID_CHARACTER");
        assertProblem(http.command("/api/requests", RECEIVE.formatted("txt-1", "2024-03-01", "a\\u0007b")),
                400, "INVALID_CHARACTER");
        assertThat(events(AGENCY + ":txt-1")).isEmpty();

        var decomposed = http.command("/api/requests", RECEIVE.formatted("txt-2", "2024-03-01", "Cafe\\u0301"));
        assertThat(decomposed.status()).as(decomposed.body()).isEqualTo(201);
        assertThat(events(AGENCY + ":txt-2").get(0).getString("payload")).contains("Caf\u00e9").doesNotContain("e\u0301");
    }

    @Test
    void everyIdACommandNamesMustBeRecorded() {
        long before = stored();
        assertProblem(http.command("/api/requests", RECEIVE.formatted("ref-1", "2024-03-01", "x")
                .replace("\"strict\"", "\"nowhere\"")), 422, "AGENCY_NOT_REGISTERED");
        assertProblem(http.command("/api/agencies", "{\"agencyId\":\"ref-agency\",\"name\":\"甲\",\"superiorAgencyId\":\"nowhere\"}"),
                422, "AGENCY_NOT_REGISTERED");
        assertProblem(http.command("/api/reconsiderations", reconsideration("nowhere", null)), 422,
                "AGENCY_NOT_REGISTERED");
        assertProblem(http.command("/api/reconsiderations", reconsideration(AGENCY, "strict:never")), 422,
                "LINKED_REQUEST_NOT_FOUND");
        assertProblem(http.command("/api/lawsuits", lawsuit(AGENCY, "rc-never", null)), 422,
                "LINKED_RECONSIDERATION_NOT_FOUND");
        assertProblem(http.command("/api/lawsuits", lawsuit(AGENCY, null, "strict:never")
                .replace("AFTER_RECONSIDERATION", "DIRECT")), 422, "LINKED_REQUEST_NOT_FOUND");
        assertThat(stored()).isEqualTo(before);

        var filed = http.command("/api/reconsiderations", reconsideration("strict-other", null));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String otherAgencys = filed.json().get("id").asText();
        long afterFiling = stored();
        assertProblem(http.command("/api/lawsuits", lawsuit(AGENCY, otherAgencys, null)), 422,
                "LINKED_RECONSIDERATION_OF_OTHER_AGENCY");
        assertThat(stored()).isEqualTo(afterFiling);
        assertThat(http.command("/api/lawsuits", lawsuit("strict-other", otherAgencys, null)).status()).isEqualTo(201);
    }

    @Test
    void everyErrorOfTheWebLayerIsABilingualProblem() {
        // a path or method the endpoint policy does not know is refused by it (403) before it reaches a controller
        assertProblemOneOf(http.get("/api/no-such-thing"), Map.of(404, "NOT_FOUND", 403, "ACCESS_DENIED"));
        assertProblemOneOf(http.send("GET", "/api/import", null, Map.of()),
                Map.of(405, "METHOD_NOT_ALLOWED", 403, "ACCESS_DENIED"));
        assertProblemOneOf(http.send("DELETE", "/api/requests", null, Map.of()),
                Map.of(405, "METHOD_NOT_ALLOWED", 403, "ACCESS_DENIED"));
        assertProblem(http.post("/api/agencies", "text/plain", "{}", Map.of()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        long before = stored();
        assertProblem(http.post("/api/agencies", "application/json",
                "{\"agencyId\":\"accept-1\",\"name\":\"甲\"}", Map.of("Accept", "text/html")), 406, "NOT_ACCEPTABLE");
        assertThat(stored()).as("a 406 is decided before the command runs").isEqualTo(before);
        assertProblem(http.send("POST", "/api/requests", new byte[20 * 1024 * 1024],
                Map.of("Content-Type", "application/json")), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(http.send("POST", "/api/requests", RECEIVE.getBytes(UTF_8), Map.of("Content-Type", "application/json",
                "X-Padding", "x".repeat(20_000))), 431, "HEADERS_TOO_LARGE");
        assertProblem(http.send("POST", "/api/requests", new byte[0],
                Map.of("Content-Type", "application/json")), 400, "MALFORMED_JSON");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void healthLivenessAndReadinessAreServedForOperators() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/livez", "/readyz")) {
            var health = http.get(path);
            assertThat(health.status()).as(path + " " + health.body()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
        }
    }

    private static String reconsideration(String agency, String linkedRequest) {
        return "{\"agencyId\":\"" + agency + "\",\"reviewBody\":\"区政府\",\"applicantName\":\"王五\","
                + "\"filedOn\":\"2024-03-05\"" + (linkedRequest == null ? "" : ",\"linkedRequestId\":\"" + linkedRequest + "\"")
                + "}";
    }

    private static String lawsuit(String agency, String linkedReconsideration, String linkedRequest) {
        return "{\"agencyId\":\"" + agency + "\",\"court\":\"区法院\",\"plaintiffName\":\"王五\",\"filedOn\":\"2024-03-05\","
                + "\"route\":\"AFTER_RECONSIDERATION\""
                + (linkedReconsideration == null ? "" : ",\"linkedReconsiderationId\":\"" + linkedReconsideration + "\"")
                + (linkedRequest == null ? "" : ",\"linkedRequestId\":\"" + linkedRequest + "\"") + "}";
    }

    static void assertProblemOneOf(Http.Response response, Map<Integer, String> codes) {
        assertThat(codes).as(response.body()).containsKey(response.status());
        assertProblem(response, response.status(), codes.get(response.status()));
    }

    static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("urn:gongkai-ledger:problem:" + code);
        assertThat(problem.get("title").asText()).isNotBlank();
        String zh = problem.get("messageZh").asText();
        assertThat(zh).isNotBlank().doesNotContain("Cannot", "deserializ", "Unexpected", "Source", "Exception",
                "JSON parse", "token");
        assertThat(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("Chinese: " + zh).isTrue();
        assertThat(problem.get("messageEn").asText()).isNotBlank();
    }

    private long stored() {
        return mongo.getDatabase(DATABASE).getCollection("domainevents").countDocuments();
    }

    private List<Document> events(String aggregateId) {
        return mongo.getDatabase(DATABASE).getCollection("domainevents")
                .find(Filters.eq("aggregateIdentifier", aggregateId)).into(new ArrayList<>());
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
