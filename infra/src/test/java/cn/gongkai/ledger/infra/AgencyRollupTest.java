package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roll-up of a superior office over the running system: 宁河区人民政府 with two of its departments (one of them
 * opening its ledger at 2024) under 天津市人民政府, each with requests, reconsiderations and lawsuits across the year.
 * The roll-up served equals the sum of the reports served for each agency, cell by cell; the agencies that have not
 * published change when one department publishes.
 */
class AgencyRollupTest {
    private static final String CITY = "tj-city";
    private static final String DISTRICT = "ninghe";
    private static final String COMMERCE = "ninghe-commerce";
    private static final String EDUCATION = "ninghe-education";
    private static final String OTHER = "bazhou";
    private static final List<String> MEMBERS = List.of(DISTRICT, COMMERCE, EDUCATION);
    private static final Path SAMPLE = Path.of("..", "docs", "examples", "import-sample.jsonl");

    private static final List<String> CITY_LINES = List.of(
            "{\"command\":\"RegisterAgency\",\"agencyId\":\"tj-city\",\"name\":\"天津市人民政府\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"tj-city\",\"trackingNumber\":\"2024-0001\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-05-06\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"孙某\"},\"subject\":\"全市财政预算\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"tj-city:2024-0001\",\"repliedOn\":\"2024-05-20\",\"primaryOutcome\":\"DISCLOSED\"}");
    private static final List<String> DISTRICT_LINES = List.of(
            "{\"command\":\"RegisterAgency\",\"agencyId\":\"ninghe\",\"name\":\"宁河区人民政府\",\"superiorAgencyId\":\"tj-city\"}",
            "{\"command\":\"IssueNormativeDocument\",\"agencyId\":\"ninghe\",\"documentId\":\"nd-nh-01\",\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"宁河区政务公开工作规定\",\"documentNumber\":\"宁政发〔2024〕1号\",\"issuedOn\":\"2024-01-15\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe\",\"trackingNumber\":\"2023-0101\",\"channel\":\"IN_PERSON\",\"receivedOn\":\"2023-12-26\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"周某\"},\"subject\":\"征收补偿方案\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"ninghe:2023-0101\",\"repliedOn\":\"2024-01-10\",\"primaryOutcome\":\"DISCLOSED\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe\",\"trackingNumber\":\"2024-0001\",\"channel\":\"SIGNED_MAIL\",\"receivedOn\":\"2024-02-05\",\"applicant\":{\"type\":\"COMMERCIAL_ENTERPRISE\",\"name\":\"天津某建设有限公司\"},\"subject\":\"某地块出让文件\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"ninghe:2024-0001\",\"repliedOn\":\"2024-02-20\",\"primaryOutcome\":\"PARTIALLY_DISCLOSED\",\"secondaryReasons\":[\"WITHHELD_THIRD_PARTY_RIGHTS\"]}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe\",\"trackingNumber\":\"2024-0002\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-06-03\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"吴某\"},\"subject\":\"某道路工程验收资料\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"ninghe:2024-0002\",\"repliedOn\":\"2024-06-14\",\"primaryOutcome\":\"UNAVAILABLE_NOT_HELD\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe\",\"trackingNumber\":\"2024-0003\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-12-30\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"郑某\"},\"subject\":\"2025年民生实事项目\"}",
            "{\"command\":\"FileReconsideration\",\"reconsiderationId\":\"rc-nh-2024-01\",\"agencyId\":\"ninghe\",\"reviewBody\":\"天津市人民政府\",\"caseNumber\":\"津政复〔2024〕31号\",\"applicantName\":\"天津某建设有限公司\",\"filedOn\":\"2024-03-10\",\"linkedRequestId\":\"ninghe:2024-0001\"}",
            "{\"command\":\"AcceptReconsideration\",\"reconsiderationId\":\"rc-nh-2024-01\",\"acceptedOn\":\"2024-03-12\"}",
            "{\"command\":\"DecideReconsideration\",\"reconsiderationId\":\"rc-nh-2024-01\",\"decidedOn\":\"2024-05-10\",\"result\":\"CHANGED\",\"decisionNumber\":\"津政复决〔2024〕31号\"}",
            "{\"command\":\"FileLawsuit\",\"lawsuitId\":\"ls-nh-2024-01\",\"agencyId\":\"ninghe\",\"court\":\"天津市第一中级人民法院\",\"caseNumber\":\"（2024）津01行初88号\",\"plaintiffName\":\"吴某\",\"filedOn\":\"2024-07-01\",\"route\":\"DIRECT\",\"linkedReconsiderationId\":null,\"linkedRequestId\":\"ninghe:2024-0002\"}");
    private static final List<String> EDUCATION_LINES = List.of(
            "{\"command\":\"RegisterAgency\",\"agencyId\":\"ninghe-education\",\"name\":\"宁河区教育局\",\"superiorAgencyId\":\"ninghe\"}",
            "{\"command\":\"OpenLedger\",\"agencyId\":\"ninghe-education\",\"firstYear\":2024,\"source\":\"2023年度报告\"}",
            "{\"command\":\"CountOpeningRegister\",\"agencyId\":\"ninghe-education\",\"kind\":\"NORMATIVE_DOCUMENT\",\"inForce\":12,\"source\":\"2023年度报告\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe-education\",\"trackingNumber\":\"2023-0050\",\"channel\":\"IN_PERSON\",\"receivedOn\":\"2023-12-18\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"冯某\"},\"subject\":\"学区划分方案\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"ninghe-education:2023-0050\",\"repliedOn\":\"2024-01-05\",\"primaryOutcome\":\"DISCLOSED\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe-education\",\"trackingNumber\":\"2024-0001\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-04-01\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"陈某\"},\"subject\":\"校舍维修经费\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"ninghe-education:2024-0001\",\"repliedOn\":\"2024-04-15\",\"primaryOutcome\":\"DISCLOSED\"}",
            "{\"command\":\"FileReconsideration\",\"reconsiderationId\":\"rc-edu-2024-01\",\"agencyId\":\"ninghe-education\",\"reviewBody\":\"宁河区人民政府\",\"caseNumber\":\"宁政复〔2024〕9号\",\"applicantName\":\"陈某\",\"filedOn\":\"2024-05-06\",\"linkedRequestId\":\"ninghe-education:2024-0001\"}");
    private static final List<String> OTHER_LINES = List.of(
            "{\"command\":\"RegisterAgency\",\"agencyId\":\"bazhou\",\"name\":\"霸州市人民政府\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"bazhou\",\"trackingNumber\":\"2024-0001\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-03-06\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"韩某\"},\"subject\":\"无关机关\"}");

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDir);
        http = ledger.http();
        List<String> commerce = new ArrayList<>(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8));
        commerce.set(0, "{\"command\":\"RegisterAgency\",\"agencyId\":\"ninghe-commerce\",\"name\":\"宁河区商务局\","
                + "\"superiorAgencyId\":\"ninghe\"}");
        for (List<String> lines : List.of(CITY_LINES, DISTRICT_LINES, commerce, EDUCATION_LINES, OTHER_LINES)) {
            var imported = http.post("/api/import", "application/x-ndjson", String.join("\n", lines));
            assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isZero();
        }
        for (String agency : List.of(CITY, DISTRICT, COMMERCE, EDUCATION, OTHER)) {
            ledger.awaitServedEqualsFold(agency, 2024);
        }
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** Every cell of a report's JSON by its address, as a number (blank is null). */
    static Map<String, BigDecimal> cells(JsonNode report) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (String table : List.of("table2", "table3", "table4")) {
            report.get(table).fields().forEachRemaining(row -> {
                if (row.getValue().isObject()) {
                    row.getValue().fields().forEachRemaining(column -> cells.put(table + "/" + row.getKey() + "/"
                            + column.getKey(), column.getValue().isNull() ? null : new BigDecimal(column.getValue().asText())));
                } else {
                    cells.put(table + "/" + row.getKey(), row.getValue().isNull() ? null : new BigDecimal(row.getValue().asText()));
                }
            });
        }
        return cells;
    }

    /** The cell-by-cell sum of the reports each agency's report endpoint serves. */
    static Map<String, BigDecimal> sumOfServed(List<String> agencies, String pathAfterAgency) {
        Map<String, BigDecimal> sum = new LinkedHashMap<>();
        for (String agency : agencies) {
            cells(http.ok("/api/reports/" + agency + pathAfterAgency)).forEach((cell, value) -> sum.merge(cell, value, BigDecimal::add));
        }
        return sum;
    }

    static void assertSameCells(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cell, value) -> assertThat(actual.get(cell)).as(cell).isEqualByComparingTo(value));
    }

    @Test
    void theRollupOfTheDistrictIsTheSumOfItsThreeReportsCellByCell() {
        JsonNode rollup = http.ok("/api/reports/" + DISTRICT + "/2024/rollup");

        assertThat(rollup.get("agencies").findValuesAsText("agencyId")).containsExactlyElementsOf(MEMBERS);
        assertThat(rollup.get("agencies").findValuesAsText("depth")).containsExactly("0", "1", "1");
        assertThat(rollup.get("scope").asText()).isEqualTo("SELF_AND_SUBORDINATES");
        assertSameCells(cells(rollup.get("report")), sumOfServed(MEMBERS, "/2024"));
        assertThat(rollup.get("checks")).as("the sum passes the checks of a single report").isEmpty();
        assertThat(rollup.get("notCovered")).isEmpty();
        assertThat(rollup.get("report").get("agency").get("name").asText()).isEqualTo("宁河区人民政府（本级及下级机关汇总）");
        assertThat(rollup.get("totals").get("received").asInt()).isEqualTo(3 + 3 + 1);
        assertThat(rollup.get("totals").get("reconsiderations").asInt()).isEqualTo(3);
        for (JsonNode member : rollup.get("agencies")) {
            JsonNode own = http.ok("/api/reports/" + member.get("agencyId").asText() + "/2024");
            assertThat(member.get("totals").get("received").asInt()).isEqualTo(own.get("table3").get("一").get("总计").asInt());
            assertThat(member.get("appealPolicy").asText()).isEqualTo(own.get("appealPolicy").asText());
        }

        JsonNode below = http.ok("/api/reports/" + DISTRICT + "/2024/rollup?scope=SUBORDINATES");
        assertThat(below.get("agencies").findValuesAsText("agencyId")).containsExactly(COMMERCE, EDUCATION);
        assertSameCells(cells(below.get("report")), sumOfServed(List.of(COMMERCE, EDUCATION), "/2024"));

        JsonNode city = http.ok("/api/reports/" + CITY + "/2024/rollup");
        assertThat(city.get("agencies").findValuesAsText("agencyId")).as("every level below, not the unrelated agency")
                .containsExactly(CITY, DISTRICT, COMMERCE, EDUCATION);
        assertSameCells(cells(city.get("report")), sumOfServed(List.of(CITY, DISTRICT, COMMERCE, EDUCATION), "/2024"));
    }

    /** The roll-up keeps its members' reports read under their versions: a request counted since shows at once. */
    @Test
    void aRequestCountedAfterARollupShowsInTheNextOne() {
        String path = "/api/reports/" + DISTRICT + "/2025/rollup";
        JsonNode before = http.ok(path);
        assertSameCells(cells(before.get("report")), sumOfServed(MEMBERS, "/2025"));
        int received = before.get("totals").get("received").asInt();

        var command = http.command("/api/requests", "{\"agencyId\":\"" + EDUCATION + "\",\"trackingNumber\":\"2025-0001\","
                + "\"channel\":\"INTERNET\",\"receivedOn\":\"2025-03-03\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                + "\"name\":\"褚某\"},\"subject\":\"2025年招生计划\"}");
        assertThat(command.status()).as(command.body()).isEqualTo(201);
        ledger.awaitServedEqualsFold(EDUCATION, 2025);

        JsonNode after = http.ok(path);
        assertThat(after.get("totals").get("received").asInt()).isEqualTo(received + 1);
        assertSameCells(cells(after.get("report")), sumOfServed(MEMBERS, "/2025"));
        assertThat(after.get("agencies").get(2).get("totals").get("received").asInt())
                .isEqualTo(before.get("agencies").get(2).get("totals").get("received").asInt() + 1);
    }

    /**
     * A roll-up is kept under its agency's subtree version: an agency registered below it (one level, then two),
     * and a request counted two levels below it, each show in the next roll-up. The projector touches the version
     * just after writing, so the next roll-up is awaited as briefly as the report itself is; one kept for ever
     * would time out.
     */
    @Test
    void anAgencyRegisteredBelowAndARequestTwoLevelsDownShowInTheNextRollup() {
        String path = "/api/reports/" + OTHER + "/2024/rollup";
        JsonNode alone = http.ok(path);
        assertThat(alone.get("agencies").findValuesAsText("agencyId")).containsExactly(OTHER);
        int received = alone.get("totals").get("received").asInt();

        importLines(List.of(
                "{\"command\":\"RegisterAgency\",\"agencyId\":\"bazhou-health\",\"name\":\"霸州市卫生健康局\",\"superiorAgencyId\":\"bazhou\"}",
                "{\"command\":\"ReceiveRequest\",\"agencyId\":\"bazhou-health\",\"trackingNumber\":\"2024-0001\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-04-08\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"卫某\"},\"subject\":\"医院收费标准\"}"));
        ledger.awaitServedEqualsFold("bazhou-health", 2024);
        JsonNode grown = awaitRollup(path, r -> r.get("agencies").size() == 2);
        assertThat(grown.get("agencies").findValuesAsText("agencyId")).containsExactly(OTHER, "bazhou-health");
        assertThat(grown.get("totals").get("received").asInt()).isEqualTo(received + 1);
        assertSameCells(cells(grown.get("report")), sumOfServed(List.of(OTHER, "bazhou-health"), "/2024"));

        importLines(List.of(
                "{\"command\":\"RegisterAgency\",\"agencyId\":\"bazhou-clinic\",\"name\":\"霸州市第一卫生院\",\"superiorAgencyId\":\"bazhou-health\"}"));
        JsonNode deeper = awaitRollup(path, r -> r.get("agencies").size() == 3);
        assertThat(deeper.get("agencies").findValuesAsText("depth")).containsExactly("0", "1", "2");

        var command = http.command("/api/requests", "{\"agencyId\":\"bazhou-clinic\",\"trackingNumber\":\"2024-0001\","
                + "\"channel\":\"INTERNET\",\"receivedOn\":\"2024-09-02\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                + "\"name\":\"诊某\"},\"subject\":\"疫苗接种记录\"}");
        assertThat(command.status()).as(command.body()).isEqualTo(201);
        ledger.awaitServedEqualsFold("bazhou-clinic", 2024);
        JsonNode counted = awaitRollup(path, r -> r.get("totals").get("received").asInt() == received + 2);
        assertThat(counted.get("agencies").get(2).get("totals").get("received").asInt()).isEqualTo(1);
        assertSameCells(cells(counted.get("report")),
                sumOfServed(List.of(OTHER, "bazhou-health", "bazhou-clinic"), "/2024"));
        assertSameCells(cells(http.ok(path).get("report")), cells(counted.get("report")));
    }

    private static void importLines(List<String> lines) {
        var imported = http.post("/api/import", "application/x-ndjson", String.join("\n", lines));
        assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isZero();
    }

    private static JsonNode awaitRollup(String path, java.util.function.Predicate<JsonNode> current) {
        return RunningLedger.await(() -> http.ok(path), current, Duration.ofSeconds(30));
    }

    @Test
    void aDepartmentWhoseLedgerOpensLaterIsNotCoveredAndLeftOutOfTheEarlierYear() {
        JsonNode rollup = http.ok("/api/reports/" + DISTRICT + "/2023/rollup");

        assertThat(texts(rollup.get("notCovered"))).containsExactly(EDUCATION);
        assertSameCells(cells(rollup.get("report")), sumOfServed(List.of(DISTRICT, COMMERCE), "/2023"));
        assertThat(rollup.get("agencies").get(2).get("covered").asBoolean()).isFalse();
        assertThat(rollup.get("agencies").get(2).get("totals").isNull()).isTrue();
    }

    @Test
    void whoHasNotPublishedChangesWhenADepartmentPublishes() {
        JsonNode before = http.ok("/api/reports/" + DISTRICT + "/2024/rollup");
        assertThat(texts(before.get("notPublished"))).containsExactlyElementsOf(MEMBERS);

        var published = http.post("/api/reports/" + COMMERCE + "/2024/publication", "application/json", "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        JsonNode after = RunningLedger.await(() -> http.ok("/api/reports/" + DISTRICT + "/2024/rollup"),
                r -> r.get("notPublished").size() == 2, Duration.ofSeconds(30));
        assertThat(texts(after.get("notPublished"))).containsExactly(DISTRICT, EDUCATION);
        JsonNode commerce = after.get("agencies").get(1);
        assertThat(commerce.get("agencyId").asText()).isEqualTo(COMMERCE);
        assertThat(commerce.get("published").get("revision").asInt()).isEqualTo(1);
        assertThat(after.get("agencies").get(0).get("published").isNull()).isTrue();
        assertSameCells(cells(after.get("report")), cells(before.get("report")));
    }

    @Test
    void aPeriodRollsUpLikeTheYearAndTheTrendSumsEachYear() {
        String q2 = "/range?from=2024-04-01&to=2024-06-30";
        JsonNode quarter = http.ok("/api/reports/" + DISTRICT + "/range/rollup?from=2024-04-01&to=2024-06-30");
        assertSameCells(cells(quarter.get("report")), sumOfServed(MEMBERS, q2));
        assertThat(quarter.get("period").get("from").asText()).isEqualTo("2024-04-01");
        assertThat(quarter.get("checks")).isEmpty();
        JsonNode wholeYear = http.ok("/api/reports/" + DISTRICT + "/range/rollup?from=2024-01-01&to=2024-12-31");
        assertSameCells(cells(wholeYear.get("report")), cells(http.ok("/api/reports/" + DISTRICT + "/2024/rollup").get("report")));

        JsonNode trend = http.ok("/api/reports/" + DISTRICT + "/trend/rollup?from=2023&to=2024");
        assertThat(trend.get("years")).hasSize(2);
        JsonNode y2024 = trend.get("years").get(1);
        assertThat(y2024.get("received").asInt()).isEqualTo(7);
        assertThat(y2024.get("reconsiderations").get("total").asInt()).isEqualTo(3);
        assertThat(y2024.get("lawsuits").get("total").asInt()).isEqualTo(2);
        int overdue = 0;
        for (String agency : MEMBERS) {
            overdue += http.ok("/api/reports/" + agency + "/trend?from=2024&to=2024").get("years").get(0).get("overdueReplies").asInt();
        }
        assertThat(y2024.get("overdueReplies").asInt()).isEqualTo(overdue);
        assertThat(texts(trend.get("notCovered").get("2023"))).containsExactly(EDUCATION);
        assertThat(trend.get("years").get(0).get("received").asInt())
                .isEqualTo(http.ok("/api/reports/" + DISTRICT + "/2023").get("table3").get("一").get("总计").asInt()
                        + http.ok("/api/reports/" + COMMERCE + "/2023").get("table3").get("一").get("总计").asInt());
    }

    @Test
    void theRollupDownloadsInEveryFormatOfASingleReport() {
        var csv = http.get("/api/reports/" + DISTRICT + "/2024/rollup/export/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("table3,一,总计,7");
        var html = http.get("/api/reports/" + DISTRICT + "/2024/rollup/export/html?scope=SUBORDINATES");
        assertThat(html.body()).contains("宁河区人民政府（下级机关汇总）2024年政府信息公开工作年度报告").doesNotContain("<a href");
        for (String kind : List.of("xlsx", "docx", "json")) {
            var download = http.get("/api/reports/" + DISTRICT + "/2024/rollup/export/" + kind);
            assertThat(download.status()).as(kind).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        }
    }

    @Test
    void badRollupsAreProblems() {
        assertThat(problem("/api/reports/nobody/2024/rollup", 404)).isEqualTo("AGENCY_NOT_FOUND");
        assertThat(problem("/api/reports/" + DISTRICT + "/2024/rollup?scope=EVERYONE", 400)).isEqualTo("INVALID_SCOPE");
        assertThat(problem("/api/reports/" + COMMERCE + "/2024/rollup?scope=SUBORDINATES", 422)).isEqualTo("NO_SUBORDINATES");
        assertThat(problem("/api/reports/" + DISTRICT + "/2024/rollup?format=2020", 400)).isEqualTo("INVALID_FORMAT");
        assertThat(problem("/api/reports/" + DISTRICT + "/trend/rollup?from=2024&to=2023", 400)).isEqualTo("INVALID_PERIOD");
        assertThat(problem("/api/reports/" + DISTRICT + "/range/rollup?from=2024-05-01&to=2024-04-01", 400))
                .isEqualTo("INVALID_PERIOD");
    }

    private static String problem(String path, int status) {
        var response = http.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(status);
        return response.json().get("code").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
