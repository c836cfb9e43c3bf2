package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The year-end reads over the running system, each checked against the annual report the API serves: the
 * figures of any period, the year-over-year trend, the narrative drafted from the counts.
 */
class YearEndTest {
    private static final String AGENCY = "ninghe-commerce";
    private static final Path SAMPLE = Path.of("..", "docs", "examples", "import-sample.jsonl");
    private static final List<String> EARLIER = List.of(
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe-commerce\",\"trackingNumber\":\"2023-0009\",\"channel\":\"INTERNET\",\"receivedOn\":\"2023-12-20\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"赵某\"},\"subject\":\"2023年招商引资项目清单\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"ninghe-commerce:2023-0009\",\"repliedOn\":\"2024-01-08\",\"primaryOutcome\":\"UNAVAILABLE_NOT_HELD\"}",
            "{\"command\":\"ReceiveRequest\",\"agencyId\":\"ninghe-commerce\",\"trackingNumber\":\"2023-0010\",\"channel\":\"IN_PERSON\",\"receivedOn\":\"2023-03-01\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"钱某\"},\"subject\":\"某企业补贴\"}",
            "{\"command\":\"ReplyToRequest\",\"requestId\":\"ninghe-commerce:2023-0010\",\"repliedOn\":\"2023-05-30\",\"primaryOutcome\":\"DISCLOSED\"}");

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDir);
        http = ledger.http();
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        lines.addAll(1, EARLIER);
        var imported = http.post("/api/import", "application/x-ndjson", String.join("\n", lines));
        assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isZero();
        ledger.awaitServedEqualsFold(AGENCY, 2023);
        ledger.awaitServedEqualsFold(AGENCY, 2024);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static int total(JsonNode report, String row) {
        return report.get("table3").get(row).get("总计").asInt();
    }

    @Test
    void anExportImportedIntoAnEmptyLedgerReproducesEveryReport(@TempDir Path otherDataDir) {
        var export = http.get("/api/agencies/" + AGENCY + "/events");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(ledger.eventStore().size());
        assertThat(lines.stream().map(cn.gongkai.ledger.report.json.EventJson::read).toList())
                .containsExactlyInAnyOrderElementsOf(ledger.eventStore());
        assertThat(http.get("/api/agencies/nobody/events").status()).isEqualTo(404);

        try (RunningLedger empty = RunningLedger.start(otherDataDir)) {
            var imported = empty.http().post("/api/agencies/" + AGENCY + "/events", "application/x-ndjson", export.body());
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(imported.json().get("events").asInt()).isEqualTo(lines.size());
            for (int year : List.of(2023, 2024)) {
                assertThat(empty.awaitServedEqualsFold(AGENCY, year)).as("report " + year)
                        .isEqualTo(ledger.servedTables(AGENCY, year));
            }
            assertThat(empty.http().get("/api/agencies/" + AGENCY + "/events").body()).isEqualTo(export.body());
            var twice = empty.http().post("/api/agencies/" + AGENCY + "/events", "application/x-ndjson", export.body());
            assertThat(twice.status()).isEqualTo(409);
        }
    }

    @Test
    void aPeriodIsFoldedAsTheYearIsAndQuartersChain() {
        JsonNode year = http.ok("/api/reports/" + AGENCY + "/2024");
        JsonNode range = http.ok("/api/reports/" + AGENCY + "/range?from=2024-01-01&to=2024-12-31");
        for (String table : List.of("table2", "table3", "table4")) {
            assertThat(range.get(table)).as(table).isEqualTo(year.get(table));
        }
        assertThat(range.get("period").get("from").asText()).isEqualTo("2024-01-01");

        List<JsonNode> quarters = new ArrayList<>();
        for (String[] q : new String[][] {{"01-01", "03-31"}, {"04-01", "06-30"}, {"07-01", "09-30"}, {"10-01", "12-31"}}) {
            quarters.add(http.ok("/api/reports/" + AGENCY + "/range?from=2024-" + q[0] + "&to=2024-" + q[1]));
        }
        assertThat(quarters.stream().mapToInt(q -> total(q, "一")).sum()).isEqualTo(total(year, "一"));
        assertThat(quarters.stream().mapToInt(q -> total(q, "三.七")).sum()).isEqualTo(total(year, "三.七"));
        for (int i = 1; i < 4; i++) {
            assertThat(quarters.get(i).get("table3").get("二")).isEqualTo(quarters.get(i - 1).get("table3").get("四"));
        }
        assertThat(total(quarters.get(0), "二")).isEqualTo(total(year, "二")).isEqualTo(1);

        var backwards = http.get("/api/reports/" + AGENCY + "/range?from=2024-02-01&to=2024-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("code").asText()).isEqualTo("INVALID_PERIOD");
        assertThat(http.get("/api/reports/" + AGENCY + "/range?from=2024-01-01").status()).isEqualTo(400);
        assertThat(http.get("/api/reports/nobody/range?from=2024-01-01&to=2024-03-31").status()).isEqualTo(404);
    }

    @Test
    void theTrendReadsEachYearsReport() {
        JsonNode trend = http.ok("/api/reports/" + AGENCY + "/trend?from=2023&to=2024");
        JsonNode y2023 = trend.get("years").get(0);
        JsonNode y2024 = trend.get("years").get(1);
        JsonNode report2024 = http.ok("/api/reports/" + AGENCY + "/2024");
        assertThat(y2023.get("year").asInt()).isEqualTo(2023);
        assertThat(y2023.get("received").asInt()).isEqualTo(2);
        assertThat(y2023.get("overdueReplies").asInt()).as("2023-0010 answered after its due date").isEqualTo(1);
        assertThat(y2024.get("received").asInt()).isEqualTo(total(report2024, "一"));
        assertThat(y2024.get("carriedOver").asInt()).isEqualTo(total(report2024, "二"));
        assertThat(y2024.get("overdueReplies").asInt()).isZero();
        assertThat(y2024.get("reconsiderations").get("total").asInt())
                .isEqualTo(report2024.get("table4").get("复议.总计").asInt()).isEqualTo(1);
        assertThat(y2024.get("reconsiderations").get("correctedRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(y2024.get("change").get("received").asInt()).isEqualTo(total(report2024, "一") - 2);
        assertThat(http.get("/api/reports/" + AGENCY + "/trend?from=2024&to=2023").status()).isEqualTo(400);
    }

    @Test
    void theNarrativeStatesTheServedCells() {
        JsonNode report = http.ok("/api/reports/" + AGENCY + "/2024");
        JsonNode narrative = http.ok("/api/reports/" + AGENCY + "/2024/narrative");
        assertThat(narrative.get("sections")).hasSize(6);
        assertThat(narrative.get("checks")).isEmpty();
        for (JsonNode section : narrative.get("sections")) {
            for (JsonNode figure : section.get("figures")) {
                BigDecimal sum = BigDecimal.ZERO;
                for (JsonNode cell : figure.get("cells")) {
                    String[] address = cell.asText().split("/", 2);
                    JsonNode table = report.get(address[0]);
                    String[] keys = address[1].split("/");
                    JsonNode value = keys.length == 1 ? table.get(keys[0]) : table.get(keys[0]).get(keys[1]);
                    sum = sum.add(new BigDecimal(value.asText()));
                }
                assertThat(figure.get("value").decimalValue()).as(figure.get("key").asText()).isEqualByComparingTo(sum);
            }
        }
        assertThat(narrative.get("text").asText()).contains("本机关新收政府信息公开申请3件，上年结转1件");

        var edited = http.post("/api/reports/" + AGENCY + "/2024/narrative", "application/json",
                "{\"sections\":{\"一\":\"全年新收申请{{received}}件，予以公开及部分公开9件。\"}}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("sections").get(0).get("text").asText()).isEqualTo("全年新收申请3件，予以公开及部分公开9件。");
        assertThat(edited.json().get("checks")).hasSize(1);
        assertThat(edited.json().get("checks").get(0).get("cell").asText())
                .isEqualTo("table3/三.一/总计 + table3/三.二/总计");
        var unknown = http.post("/api/reports/" + AGENCY + "/2024/narrative", "application/json",
                "{\"sections\":{\"一\":\"{{applesSold}}\"}}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("code").asText()).isEqualTo("UNKNOWN_FIGURE");
    }
}
