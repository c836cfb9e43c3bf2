package cn.gongkai.ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.command.web.CommandServiceTestBase;
import cn.gongkai.ledger.command.web.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reads what a command leaves in {@code domainevents}: the format documented in docs/operations.md. */
class StoredEventFormatTest extends CommandServiceTestBase {
    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Autowired
    EventStorageEngine storage;

    @Test
    void aRegisteredAgencyIsOneDocumentWithItsPayloadAsJacksonJson() throws Exception {
        new Http(port, DATABASE).command("/api/agencies", "{\"agencyId\":\"fmt-superior\",\"name\":\"宁河区人民政府\"}");
        var response = new Http(port, DATABASE).command("/api/agencies",
                "{\"agencyId\":\"fmt-agency\",\"name\":\"宁河区商务局\",\"superiorAgencyId\":\"fmt-superior\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);

        List<Document> stored = events("fmt-agency");
        assertThat(stored).hasSize(1);
        Document event = stored.get(0);
        assertThat(event.keySet()).containsExactly("_id", "aggregateIdentifier", "type", "sequenceNumber", "payload",
                "timestamp", "payloadType", "payloadRevision", "metaData", "eventIdentifier");
        assertThat(event.getString("aggregateIdentifier")).isEqualTo("fmt-agency");
        assertThat(event.get("sequenceNumber")).isEqualTo(0L);
        assertThat(event.getString("type")).isEqualTo("Agency");
        assertThat(event.getString("payloadType")).isEqualTo(AgencyEvent.AgencyRegistered.class.getName());
        assertThat(event.getString("eventIdentifier")).isNotBlank();
        assertThat(Instant.parse(event.getString("timestamp"))).isNotNull();
        assertThat(event.get("payload")).isInstanceOf(String.class);
        assertThat(event.get("metaData")).isInstanceOf(String.class);
        assertThat(event.get("payloadRevision")).isNull();

        JsonNode payload = new ObjectMapper().readTree(event.getString("payload"));
        assertThat(payload.get("agencyId").asText()).isEqualTo("fmt-agency");
        assertThat(payload.get("name").asText()).isEqualTo("宁河区商务局");
        assertThat(payload.get("superiorAgencyId").asText()).isEqualTo("fmt-superior");
        assertThat(payload.get("recorded").get("by").asText()).isEqualTo(Http.officerOf("fmt-agency"));
        assertThat(Instant.parse(payload.get("recorded").get("at").asText())).isNotNull();
    }

    @Test
    void theUniqueIndexRefusesASecondEventAtTheSameSequence() {
        var http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"fmt-race\",\"name\":\"甲\"}").status()).isEqualTo(201);
        Recorded recorded = new Recorded("李四", Instant.parse("2024-03-01T02:00:00Z"));
        var rival = new AgencyEvent.AgencyRegistered(new AgencyId("fmt-race"), "乙", null, recorded);

        assertThatThrownBy(() -> storage.appendEvents(
                new GenericDomainEventMessage<>("Agency", "fmt-race", 0, rival)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> storage.appendEvents(
                new GenericDomainEventMessage<>("Agency", "fmt-race", 0, rival),
                new GenericDomainEventMessage<>("Agency", "fmt-race", 1, rival)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(events("fmt-race")).extracting(d -> d.get("sequenceNumber")).containsExactly(0L);
        assertThat(events("fmt-race").get(0).getString("payload")).contains("\"name\":\"甲\"");
    }

    @Test
    void aLaterEventAtATakenSequenceIsAConcurrencyConflict() {
        var http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"fmt-later\",\"name\":\"甲\"}").status()).isEqualTo(201);
        Recorded recorded = new Recorded("李四", Instant.parse("2024-03-01T02:00:00Z"));
        var first = new AgencyEvent.AgencyRegistered(new AgencyId("fmt-later"), "乙", null, recorded);
        storage.appendEvents(new GenericDomainEventMessage<>("Agency", "fmt-later", 1, first));

        assertThatThrownBy(() -> storage.appendEvents(new GenericDomainEventMessage<>("Agency", "fmt-later", 1, first)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(events("fmt-later")).extracting(d -> d.get("sequenceNumber")).containsExactly(0L, 1L);
    }

    private List<Document> events(String aggregateId) {
        return mongo.getDatabase(DATABASE).getCollection("domainevents")
                .find(Filters.eq("aggregateIdentifier", aggregateId))
                .sort(Sorts.ascending("sequenceNumber"))
                .into(new java.util.ArrayList<>());
    }
}
