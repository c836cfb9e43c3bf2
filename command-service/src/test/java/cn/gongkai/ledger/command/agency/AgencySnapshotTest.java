package cn.gongkai.ledger.command.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.command.web.CommandServiceTestBase;
import cn.gongkai.ledger.command.web.Http;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agency with a large register is loaded from a snapshot (a snapshot of an older shape is not used), and every rule that rests on the register (a document
 * issued once, repealed only while in force, a batch counted once) still holds across it.
 */
class AgencySnapshotTest extends CommandServiceTestBase {
    private static final String AGENCY = "snap-agency";
    private static final int DOCUMENTS = AgencySnapshots.EVENTS_PER_SNAPSHOT * 2 + 10;

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;

    @Test
    void theRegisterSurvivesTheSnapshotWithEveryRule() {
        Http http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"快照局\"}").status())
                .isEqualTo(201);
        StringBuilder lines = new StringBuilder();
        for (int d = 1; d <= DOCUMENTS; d++) {
            lines.append("{\"command\":\"IssueNormativeDocument\",\"agencyId\":\"").append(AGENCY)
                    .append("\",\"documentId\":\"doc-").append(d)
                    .append("\",\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"文件").append(d)
                    .append("\",\"issuedOn\":\"2024-01-02\"}\n");
        }
        var imported = http.post("/api/import", "application/x-ndjson", lines.toString(),
                java.util.Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("accepted").asInt()).isEqualTo(DOCUMENTS);
        var snapshots = mongo.getDatabase(DATABASE).getCollection("snapshotevents");
        assertThat(snapshots.countDocuments(Filters.eq("aggregateIdentifier", AGENCY))).isPositive();
        for (Document snapshot : snapshots.find(Filters.eq("aggregateIdentifier", AGENCY))) {
            assertThat(snapshot.get("payloadRevision")).isEqualTo(AgencySnapshots.REVISION);
        }
        // A snapshot of the aggregate's first shape (no revision, its own maps; an empty register here, which would
        // let doc-5 be issued again if it were used) is not used: the stream is replayed and snapshotted anew.
        Object current = snapshots.find(Filters.eq("aggregateIdentifier", AGENCY)).first().get("payload");
        String oldShape = "{\"agencyId\":\"" + AGENCY + "\",\"documents\":{},\"batches\":[],\"firstYear\":null,"
                + "\"openingCounts\":[]}";
        snapshots.updateMany(Filters.eq("aggregateIdentifier", AGENCY), Updates.combine(
                Updates.set("payloadRevision", null),
                Updates.set("payload", current instanceof String ? oldShape : Document.parse(oldShape))));

        String tally = "{\"category\":\"LICENSING\",\"decidedOn\":\"2024-03-01\",\"count\":2,\"batchRef\":\"b-1\"}";
        assertThat(http.command("/api/agencies/" + AGENCY + "/decision-tallies", tally).status()).isEqualTo(200);
        assertThat(http.command("/api/agencies/" + AGENCY + "/normative-documents/doc-1/repeal",
                "{\"repealedOn\":\"2024-05-01\"}").status()).isEqualTo(200);

        var issuedAgain = http.command("/api/agencies/" + AGENCY + "/normative-documents",
                "{\"documentId\":\"doc-5\",\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"文件5\",\"issuedOn\":\"2024-01-02\"}");
        assertThat(issuedAgain.status()).as(issuedAgain.body()).isEqualTo(409);
        assertThat(issuedAgain.json().get("code").asText()).isEqualTo("DOCUMENT_ALREADY_ISSUED");
        var repealedAgain = http.command("/api/agencies/" + AGENCY + "/normative-documents/doc-1/repeal",
                "{\"repealedOn\":\"2024-06-01\"}");
        assertThat(repealedAgain.json().get("code").asText()).isEqualTo("DOCUMENT_NOT_IN_FORCE");
        var beforeIssue = http.command("/api/agencies/" + AGENCY + "/normative-documents/doc-" + DOCUMENTS + "/expiry",
                "{\"expiredOn\":\"2023-12-31\"}");
        assertThat(beforeIssue.json().get("code").asText()).isEqualTo("DATE_OUT_OF_ORDER");
        var countedAgain = http.command("/api/agencies/" + AGENCY + "/decision-tallies", tally);
        assertThat(countedAgain.json().get("code").asText()).isEqualTo("BATCH_ALREADY_RECORDED");
        assertThat(snapshots.countDocuments(Filters.and(Filters.eq("aggregateIdentifier", AGENCY),
                Filters.eq("payloadRevision", AgencySnapshots.REVISION)))).isPositive();
    }
}
