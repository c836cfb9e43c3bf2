package cn.gongkai.ledger.command.ledgerimport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.command.web.CommandServiceTestBase;
import cn.gongkai.ledger.command.web.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The documented sample 台账 (docs/examples/ledger-sample.csv) through the dry run and the import job. */
class LedgerImportHttpTest extends CommandServiceTestBase {
    private static final Path SAMPLE = Path.of("..", "docs", "examples", "ledger-sample.csv");

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    private JsonNode awaitDone(Http http, String location) throws InterruptedException {
        JsonNode progress = http.get(location).json();
        for (int i = 0; i < 300 && progress.get("state").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            progress = http.get(location).json();
        }
        return progress;
    }

    @Test
    void theSampleRegisterImportsOnceAndReportsItsBadRow() throws Exception {
        Http http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"tz-sample\",\"name\":\"样例局\"}").status()).isEqualTo(201);
        String csv = Files.readString(SAMPLE);
        String base = "/api/agencies/tz-sample/ledger-import";

        var plan = http.post(base + "/dry-run", "text/csv", csv, Map.of());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("rows").asInt()).isEqualTo(6);
        assertThat(plan.json().get("cases")).hasSize(5);
        assertThat(plan.json().get("cases").get(1).get("commands")).extracting(c -> c.get("command").asText())
                .containsExactly("ReceiveRequest", "RequestCorrection", "SupplyCorrection", "ReplyToRequest");
        JsonNode problem = plan.json().get("problems").get(0);
        assertThat(problem.get("row").asInt()).isEqualTo(7);
        assertThat(problem.get("column").asText()).isEqualTo("收文日期");
        assertThat(problem.get("cell").asText()).isEqualTo("2024-02-30");
        assertThat(eventStore.lastSequenceNumberFor("tz-sample:2024-001")).as("a dry run records nothing").isEmpty();

        var started = http.post(base, "text/csv", csv, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitDone(http, base + "/" + started.json().get("jobId").asText());
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("created").asInt()).isEqualTo(5);
        assertThat(done.get("refused")).isEmpty();
        assertThat(eventStore.lastSequenceNumberFor("tz-sample:2024-002")).contains(3L);
        assertThat(eventStore.lastSequenceNumberFor("tz-sample:2024-005")).contains(0L);

        JsonNode again = awaitDone(http, base + "/" + http.post(base, "text/csv", csv, Map.of()).json()
                .get("jobId").asText());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(5);
        assertThat(eventStore.lastSequenceNumberFor("tz-sample:2024-002")).contains(3L);

        assertThat(http.get(base + "/no-such-job").status()).isEqualTo(404);
        assertThat(http.post(base + "/dry-run", "text/csv", "", Map.of()).status()).isEqualTo(400);
        var anonymous = http.post(base + "/dry-run", (String) null, "text/csv", csv, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        var otherAgency = http.post("/api/agencies/tz-other/ledger-import/dry-run", http.officers().tokenFor("tz-sample"),
                "text/csv", csv, Map.of());
        assertThat(otherAgency.status()).isEqualTo(403);
    }

    /**
     * A row its aggregate refuses (an extension of 20 working days for a request received under the 2008
     * ordinance, which allowed 15: the row itself reads well) is reported with its command and stores nothing
     * (not even the registration that came before the refused command), while the other rows are imported whole.
     */
    @Test
    void aRowTheAggregateRefusesStoresNothingAndTheOtherRowsAreImported() throws Exception {
        Http http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"tz-unit\",\"name\":\"单元局\"}").status()).isEqualTo(201);
        String csv = "编号,收文日期,申请人,申请人类型,申请方式,申请内容,办理结果,答复日期,延期,延期日期\n"
                + "u-1,2024-05-06,李某,自然人,当面,甲,予以公开,2024-05-20,,\n"
                + "u-2,2019-03-04,王某,自然人,当面,乙,予以公开,2019-04-10,20,2019-03-20\n"
                + "u-3,2024-05-07,赵某,自然人,当面,丙,,,15,2024-05-30\n";
        String base = "/api/agencies/tz-unit/ledger-import";
        var started = http.post(base, "text/csv", csv, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitDone(http, base + "/" + started.json().get("jobId").asText());
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("refused")).hasSize(1);
        JsonNode refused = done.get("refused").get(0);
        assertThat(refused.get("row").asInt()).isEqualTo(3);
        assertThat(refused.get("requestId").asText()).isEqualTo("tz-unit:u-2");
        assertThat(refused.get("command").asText()).isEqualTo("ApproveExtension");
        assertThat(refused.get("code").asText()).isEqualTo("EXTENSION_DAYS_OUT_OF_RANGE");
        assertThat(eventStore.lastSequenceNumberFor("tz-unit:u-2")).as("nothing of the refused row").isEmpty();
        assertThat(eventStore.lastSequenceNumberFor("tz-unit:u-1")).contains(1L);
        assertThat(eventStore.lastSequenceNumberFor("tz-unit:u-3")).contains(1L);
    }
}
