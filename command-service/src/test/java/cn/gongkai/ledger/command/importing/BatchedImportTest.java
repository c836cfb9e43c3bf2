package cn.gongkai.ledger.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.command.web.CommandServiceTestBase;
import cn.gongkai.ledger.command.web.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * POST /api/import appends its lines' events a batch at a time ({@link CommandBatches}), and still answers every
 * line on its own: a refused line anywhere in a batch costs only itself, a line stored by a batch whose append
 * broke off is reported as stored, a re-run stores nothing twice.
 */
class BatchedImportTest extends CommandServiceTestBase {
    /** More lines than one unit takes, so the body spans several appends. */
    private static final int LINES = CommandBatches.MAX_COMMANDS + 60;

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Autowired
    CommandBus commandBus;

    @Test
    void aRefusedLineInTheMiddleOfABatchCostsOnlyItselfAndEveryOtherLineIsStoredInOrder() {
        String agency = "bat-a";
        register(agency);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add(receive(agency, "t" + i, i == 100 ? "2099-01-01" : "2024-03-04"));
        }
        lines.set(200, receive(agency, "t7", "2024-03-04")); // the tracking number of line 8 again
        for (int i = 0; i < LINES; i += 3) {
            if (i != 100 && i != 200) {
                lines.add(reply(agency, "t" + i));
            }
        }
        lines.add(reply(agency, "t100")); // its request was refused: 404, nothing stored

        JsonNode report = importLines(String.join("\n", lines)).json();

        JsonNode results = report.get("results");
        assertThat(report.get("rejected").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(report.get("accepted").asInt()).isEqualTo(lines.size() - 3);
        assertThat(results.get(100).get("line").asInt()).isEqualTo(101);
        assertThat(results.get(100).get("problem").get("code").asText()).isEqualTo("DATE_IN_FUTURE");
        assertThat(results.get(100).get("problem").get("instance").asText()).isEqualTo("/api/import#line-101");
        assertThat(results.get(200).get("problem").get("code").asText()).isEqualTo("REQUEST_ALREADY_REGISTERED");
        assertThat(results.get(lines.size() - 1).get("problem").get("status").asInt()).isEqualTo(404);
        assertThat(results).filteredOn(r -> r.get("status").asText().equals("rejected")).extracting(r -> r.get("line").asInt())
                .containsExactly(101, 201, lines.size());
        assertThat(events(agency + ":t100")).isEmpty();
        assertThat(events(agency + ":t7")).hasSize(1);
        assertThat(events(agency + ":t3")).extracting(d -> d.get("sequenceNumber")).containsExactly(0L, 1L);
        assertThat(events(agency + ":t4")).hasSize(1);
        assertThat(countEvents(agency + ":")).isEqualTo(LINES - 2 + (lines.size() - LINES - 1));
    }

    @Test
    void aSecondRunOfTheSameBodyStoresNothingAndRefusesEveryLine() {
        String agency = "bat-b";
        register(agency);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add(receive(agency, "t" + i, "2024-03-04"));
        }
        String body = String.join("\n", lines);
        assertThat(importLines(body).json().get("accepted").asInt()).isEqualTo(LINES);
        long stored = countEvents(agency + ":");

        JsonNode again = importLines(body).json();

        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("results")).allSatisfy(r ->
                assertThat(r.get("problem").get("code").asText()).isEqualTo("REQUEST_ALREADY_REGISTERED"));
        assertThat(countEvents(agency + ":")).isEqualTo(stored).isEqualTo(LINES);
    }

    @Test
    void theEventsOfABatchAreStampedWhenTheyAreAppendedInOrderOfTheirCase() {
        String agency = "bat-c";
        register(agency);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(receive(agency, "t" + i, "2024-03-04"));
            lines.add(reply(agency, "t" + i));
        }
        Instant before = Instant.now();

        JsonNode report = importLines(String.join("\n", lines)).json();

        assertThat(report.get("accepted").asInt()).isEqualTo(100);
        List<Document> stored = collection().find(Filters.regex("aggregateIdentifier", "^" + agency + ":"))
                .into(new ArrayList<>());
        assertThat(stored).hasSize(100).allSatisfy(d ->
                assertThat(Instant.parse(d.getString("timestamp"))).isAfterOrEqualTo(before));
        for (int i = 0; i < 50; i++) {
            List<Document> ofCase = events(agency + ":t" + i);
            assertThat(Instant.parse(ofCase.get(1).getString("timestamp")))
                    .isAfterOrEqualTo(Instant.parse(ofCase.get(0).getString("timestamp")));
        }
    }

    /**
     * Another writer stores an event of one of the batch's cases while the batch runs (right after the batch's
     * line for that case was handled, before the batch's append): the batch's one insert breaks off at that case
     * (a duplicate sequence), after storing the lines of the batch before it. Those are answered as
     * stored, the conflicting line is run again on its own against what is stored now (refused), and the lines
     * after it are run again and stored — nothing is lost, nothing stored twice.
     */
    @Test
    void aBatchWhoseAppendBreaksOffIsSettledLineByLineFromWhatWasStored() {
        anotherWriterStoresACaseOfTheBatch("bat-d", "t20");
    }

    /**
     * The same, the other writer's event stored after the batch read its cases' histories and before it loads
     * that case: the batch handles its line on the history it read (as if it ran just before that write), and
     * the append catches it, as above.
     */
    @Test
    void aHistoryExtendedAfterTheBatchReadItIsCaughtAtTheAppend() {
        anotherWriterStoresACaseOfTheBatch("bat-e", "t19");
    }

    private void anotherWriterStoresACaseOfTheBatch(String agency, String whenHandling) {
        register(agency);
        assertThat(importLines(receive(agency, "model", "2024-03-04")).json().get("accepted").asInt()).isEqualTo(1);
        Document model = events(agency + ":model").get(0);
        String contested = agency + ":t20";
        String trigger = agency + ":" + whenHandling;
        AtomicBoolean interfered = new AtomicBoolean();
        Registration interference = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof cn.gongkai.ledger.api.common.LedgerCommand command
                    && command.targetAggregateId().equals(trigger) && interfered.compareAndSet(false, true)) {
                Document other = new Document(model);
                other.remove("_id");
                other.put("aggregateIdentifier", contested);
                other.put("eventIdentifier", UUID.randomUUID().toString());
                other.put("payload", model.getString("payload").replace(":model", ":t20")
                        .replace("\"model\"", "\"t20\""));
                collection().insertOne(other);
            }
            return result;
        });
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(receive(agency, "t" + i, "2024-03-04"));
        }
        JsonNode report;
        try {
            report = importLines(String.join("\n", lines)).json();
        } finally {
            interference.cancel();
        }

        assertThat(interfered).isTrue();
        JsonNode results = report.get("results");
        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(59);
        assertThat(results.get(20).get("problem").get("code").asText()).isEqualTo("REQUEST_ALREADY_REGISTERED");
        for (int i = 0; i < 60; i++) {
            List<Document> ofCase = events(agency + ":t" + i);
            assertThat(ofCase).as("t" + i).hasSize(1);
            if (i != 20) {
                assertThat(results.get(i).get("status").asText()).isEqualTo("accepted");
                assertThat(ofCase.get(0).getString("payload")).contains("\"trackingNumber\":\"t" + i + "\"");
            }
        }
    }

    private void register(String agency) {
        assertThat(importLines("{\"command\":\"RegisterAgency\",\"agencyId\":\"" + agency + "\",\"name\":\"批量局\"}")
                .json().get("accepted").asInt()).isEqualTo(1);
    }

    private static String receive(String agency, String tracking, String receivedOn) {
        return "{\"command\":\"ReceiveRequest\",\"agencyId\":\"" + agency + "\",\"trackingNumber\":\"" + tracking
                + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"" + receivedOn + "\",\"applicant\":{\"type\":"
                + "\"NATURAL_PERSON\",\"name\":\"王五\"},\"subject\":\"预算\"}";
    }

    private static String reply(String agency, String tracking) {
        return "{\"command\":\"ReplyToRequest\",\"requestId\":\"" + agency + ":" + tracking
                + "\",\"repliedOn\":\"2024-03-20\",\"primaryOutcome\":\"DISCLOSED\"}";
    }

    private Http.Response importLines(String body) {
        return new Http(port, DATABASE).post("/api/import", "application/x-ndjson", body, Map.of());
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(DATABASE).getCollection("domainevents");
    }

    private long countEvents(String prefix) {
        return collection().countDocuments(Filters.regex("aggregateIdentifier", "^" + prefix));
    }

    private List<Document> events(String aggregateId) {
        return collection().find(Filters.eq("aggregateIdentifier", aggregateId)).sort(Sorts.ascending("sequenceNumber"))
                .into(new ArrayList<>());
    }
}
