package cn.gongkai.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every refusal is an RFC 9457 problem in Chinese and English, and leaves the event store as it was. */
class CommandErrorsTest extends CommandServiceTestBase {
    private static final String RECEIVE = """
            {"agencyId":"err","trackingNumber":"%s","channel":"INTERNET","receivedOn":"2024-03-01",
             "applicant":{"type":"NATURAL_PERSON","name":"王五"},"subject":"某路段规划许可"}""";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port, DATABASE);
        http.command("/api/agencies", "{\"agencyId\":\"err\",\"name\":\"错误测试局\"}");
    }

    @Test
    void aRegistrationIsCreatedAtItsOwnUrlWithTheRequestIdMadeOfAgencyAndTrackingNumber() {
        var created = http.command("/api/requests", RECEIVE.formatted("2024-001"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/requests/err:2024-001");
        JsonNode body = created.json();
        assertThat(body.get("command").asText()).isEqualTo("ReceiveRequest");
        assertThat(body.get("id").asText()).isEqualTo("err:2024-001");
        assertThat(body.get("recordedBy").asText()).isEqualTo(Http.officerOf("err"));
        assertThat(events("err:2024-001")).hasSize(1);
    }

    @Test
    void malformedJsonIs400InChineseByDefault() {
        var response = http.command("/api/requests", "{\"agencyId\": ");

        assertProblem(response, 400, "MALFORMED_JSON");
        assertThat(response.json().get("title").asText()).isEqualTo("请求无效");
        assertThat(response.json().get("detail").asText()).startsWith("请求内容不是合法的 JSON 对象");
        assertThat(response.json().get("messageEn").asText()).startsWith("The body is not a valid JSON object");
    }

    @Test
    void theDetailIsInEnglishWhenTheClientPrefersIt() {
        var response = http.post("/api/requests", "application/json", "[1,2]",
                Map.of("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));

        assertProblem(response, 400, "MALFORMED_JSON");
        assertThat(response.json().get("title").asText()).isEqualTo("Bad Request");
        assertThat(response.json().get("detail").asText()).isEqualTo(response.json().get("messageEn").asText());
        assertThat(response.json().get("messageZh").asText()).startsWith("请求内容不是合法的 JSON 对象");
    }

    @Test
    void aMissingFieldIs400AndNamesTheField() {
        var response = http.command("/api/requests",
                RECEIVE.formatted("2024-002").replace("\"channel\":\"INTERNET\",", ""));

        assertProblem(response, 400, "MISSING_FIELD");
        assertThat(response.json().get("messageEn").asText()).isEqualTo("Missing required field: channel");
        assertThat(events("err:2024-002")).isEmpty();
    }

    @Test
    void anUnknownFieldAnInvalidEnumAndAnInvalidNestedValueAre400() {
        assertProblem(http.command("/api/requests", RECEIVE.formatted("2024-003").replace("{", "{\"colour\":1,")),
                400, "UNKNOWN_FIELD");
        var badEnum = http.command("/api/requests", RECEIVE.formatted("2024-003").replace("INTERNET", "PIGEON"));
        assertProblem(badEnum, 400, "INVALID_FIELD");
        assertThat(badEnum.json().get("messageEn").asText()).startsWith("Invalid value for field channel");
        var badApplicant = http.command("/api/requests", RECEIVE.formatted("2024-003").replace("\"王五\"", "\" \""));
        assertProblem(badApplicant, 400, "INVALID_FIELD");
        assertThat(badApplicant.json().get("messageEn").asText()).contains("applicant");
        var badDate = http.command("/api/requests", RECEIVE.formatted("2024-003").replace("2024-03-01", "2024-02-30"));
        assertProblem(badDate, 400, "INVALID_FIELD");
        assertThat(events("err:2024-003")).isEmpty();
    }

    @Test
    void invalidIdsAre400() {
        var requestId = http.command("/api/requests/no-colon/withdrawal", "{\"withdrawnOn\":\"2024-03-02\"}");
        assertProblem(requestId, 400, "INVALID_FIELD");
        assertThat(requestId.json().get("messageEn").asText()).contains("requestId");
        assertProblem(http.command("/api/reconsiderations/x-1/acceptance", "{\"acceptedOn\":\"2024-03-02\"}"),
                400, "INVALID_FIELD");
        assertProblem(http.command("/api/agencies", "{\"agencyId\":\"a:b\",\"name\":\"甲\"}"), 400, "INVALID_ID");
        assertProblem(http.command("/api/requests", RECEIVE.formatted(" ")), 400, "INVALID_ID");
    }

    @Test
    void theServiceFillsInRecordedAndIdsComeFromTheUrl() {
        assertProblem(http.command("/api/requests", RECEIVE.formatted("2024-004")
                .replace("{", "{\"recorded\":{\"by\":\"x\",\"at\":\"2020-01-01T00:00:00Z\"},")), 400, "FIELD_NOT_ALLOWED");
        assertProblem(http.command("/api/requests/err:2024-004/withdrawal",
                "{\"requestId\":\"err:other\",\"withdrawnOn\":\"2024-03-02\"}"), 400, "FIELD_NOT_ALLOWED");
        assertThat(events("err:2024-004")).isEmpty();
    }

    @Test
    void theRecordingOfficerIsTheAuthenticatedUserNeverAHeader() {
        assertProblem(http.post("/api/requests", (String) null, "application/json", RECEIVE.formatted("2024-005"),
                Map.of()), 401, "UNAUTHENTICATED");
        assertThat(events("err:2024-005")).isEmpty();

        var accepted = http.post("/api/requests", "application/json", RECEIVE.formatted("2024-005"),
                Map.of("X-Officer", "%E7%94%B2%E5%B1%80%E5%B1%80%E9%95%BF"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("recordedBy").asText()).isEqualTo(Http.officerOf("err"));
        assertThat(events("err:2024-005").get(0).getString("payload"))
                .contains("\"by\":\"" + Http.officerOf("err") + "\"").doesNotContain("甲局局长");
    }

    @Test
    void aStateConflictIs409AndChangesNothing() {
        assertThat(http.command("/api/requests", RECEIVE.formatted("2024-006")).status()).isEqualTo(201);
        var reply = http.command("/api/requests/err:2024-006/reply",
                "{\"repliedOn\":\"2024-03-05\",\"primaryOutcome\":\"DISCLOSED\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Document> before = events("err:2024-006");

        assertProblem(http.command("/api/requests", RECEIVE.formatted("2024-006")), 409, "REQUEST_ALREADY_REGISTERED");
        var again = http.command("/api/requests/err:2024-006/withdrawal", "{\"withdrawnOn\":\"2024-03-06\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        assertThat(events("err:2024-006")).isEqualTo(before).hasSize(2);
    }

    @Test
    void aWellFormedCommandTheRulesRefuseIs422AndChangesNothing() {
        assertThat(http.command("/api/requests", RECEIVE.formatted("2024-007")).status()).isEqualTo(201);
        List<Document> before = events("err:2024-007");

        var future = http.command("/api/requests/err:2024-007/reply",
                "{\"repliedOn\":\"2098-01-01\",\"primaryOutcome\":\"DISCLOSED\"}");

        assertProblem(future, 422, "DATE_IN_FUTURE");
        assertThat(future.json().get("title").asText()).isEqualTo("不符合业务规则");
        assertThat(future.json().get("messageZh").asText()).contains("2098-01-01");
        assertThat(events("err:2024-007")).isEqualTo(before);
    }

    @Test
    void aCommandForAnUnknownCaseIs404() {
        var response = http.command("/api/requests/err:never/withdrawal", "{\"withdrawnOn\":\"2024-03-02\"}");

        assertProblem(response, 404, "NOT_FOUND");
        assertThat(response.json().get("messageEn").asText()).contains("err:never");
        assertThat(events("err:never")).isEmpty();
    }

    /** The case of issue 8: a closing for an unpaid fee the day after the notice was accepted and counted as 三.六.2. */
    @Test
    void anUnpaidFeeClosingWhileThePaymentPeriodRunsIs422NamingTheFirstLegalDay() {
        assertThat(http.command("/api/requests", RECEIVE.formatted("2024-fee")).status()).isEqualTo(201);
        var notified = http.command("/api/requests/err:2024-fee/fees",
                "{\"notifiedOn\":\"2024-03-06\",\"scale\":\"PER_VOLUME\",\"amountYuan\":400}");
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);

        var early = http.command("/api/requests/err:2024-fee/closure/unpaid-fee", "{\"closedOn\":\"2024-03-07\"}");

        assertProblem(early, 422, "FEE_PERIOD_RUNNING");
        assertThat(early.json().get("messageZh").asText()).contains("2024-04-03").contains("自2024-04-07起方可");
        assertThat(early.json().get("messageEn").asText()).contains("possible from 2024-04-07");
        assertThat(events("err:2024-fee")).hasSize(2);
        var due = http.command("/api/requests/err:2024-fee/closure/unpaid-fee", "{\"closedOn\":\"2024-04-07\"}");
        assertThat(due.status()).as(due.body()).isEqualTo(200);
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("messageZh").asText()).isNotBlank();
        assertThat(problem.get("messageEn").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private List<Document> events(String aggregateId) {
        return mongo.getDatabase(DATABASE).getCollection("domainevents")
                .find(Filters.eq("aggregateIdentifier", aggregateId)).sort(Sorts.ascending("sequenceNumber"))
                .into(new ArrayList<>());
    }
}
