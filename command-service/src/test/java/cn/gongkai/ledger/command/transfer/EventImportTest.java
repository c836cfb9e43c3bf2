package cn.gongkai.ledger.command.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.command.infrastructure.EventEnvelopeJson;
import cn.gongkai.ledger.command.web.CommandServiceTestBase;
import cn.gongkai.ledger.command.web.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/agencies/{id}/events: an export goes in whole, as it was recorded, or not at all. */
class EventImportTest extends CommandServiceTestBase {
    private static final Recorded THEN = new Recorded("wang.er", Instant.parse("2024-03-04T02:00:00Z"));

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    private static String line(long sequence, LedgerEvent event) {
        return new String(EventEnvelopeJson.toJson(new EventEnvelope("moved-" + event.aggregateId() + "-" + sequence,
                null, event.aggregateId(), sequence, null, event.recorded().at(), event)), StandardCharsets.UTF_8);
    }

    private static List<String> export(String agency) {
        AgencyId id = new AgencyId(agency);
        RequestId request = RequestId.of(id, "2024-1");
        return List.of(
                line(0, new AgencyRegistered(id, "迁入局", null, THEN)),
                line(0, new RequestReceived(request, id, "2024-1", Channel.INTERNET, LocalDate.of(2024, 3, 1),
                        new Applicant(ApplicantType.NATURAL_PERSON, "王某", null, null), "预算", null, THEN)),
                line(1, new RequestReplied(request, LocalDate.of(2024, 3, 4), Outcome.DISCLOSED, List.of(), null, THEN)));
    }

    private Http.Response post(String agency, List<String> lines) {
        return new Http(port, DATABASE).post("/api/agencies/" + agency + "/events", "application/x-ndjson",
                String.join("\n", lines), Map.of());
    }

    private List<? extends DomainEventMessage<?>> stored(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().toList();
    }

    @Test
    void importsEveryEventAsItWasRecorded() {
        var response = post("mv-a", export("mv-a"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("cases").asInt()).isEqualTo(2);
        assertThat(response.json().get("events").asInt()).isEqualTo(3);
        List<? extends DomainEventMessage<?>> request = stored("mv-a:2024-1");
        assertThat(request).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(request).extracting(DomainEventMessage::getIdentifier)
                .containsExactly("moved-mv-a:2024-1-0", "moved-mv-a:2024-1-1");
        assertThat(request.get(1).getPayload()).isEqualTo(new RequestReplied(RequestId.of(new AgencyId("mv-a"), "2024-1"),
                LocalDate.of(2024, 3, 4), Outcome.DISCLOSED, List.of(), null, THEN));
        assertThat(request.get(0).getTimestamp()).isEqualTo(THEN.at());
        assertThat(request.get(0).getType()).isEqualTo("DisclosureRequest");

        var again = post("mv-a", export("mv-a"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CASE_ALREADY_IN_LEDGER");
        assertThat(stored("mv-a:2024-1")).hasSize(2);
    }

    @Test
    void refusesAHistoryWithAGapAndStoresNothing() {
        List<String> lines = export("mv-b");
        var response = post("mv-b", List.of(lines.get(0), lines.get(2)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("HISTORY_INCOMPLETE");
        assertThat(response.json().get("messageZh").asText()).contains("mv-b:2024-1");
        assertThat(stored("mv-b")).isEmpty();
    }

    @Test
    void refusesAnotherAgencysCasesAndStoresNothing() {
        var response = post("mv-c", export("mv-d"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("CASE_OF_ANOTHER_AGENCY");
        assertThat(stored("mv-d")).isEmpty();
    }

    @Test
    void refusesAMalformedLineNamingItAndStoresNothing() {
        List<String> lines = new java.util.ArrayList<>(export("mv-e"));
        lines.add(1, "");
        lines.add("{\"type\":\"Teleported\",\"payload\":{}}");
        var response = post("mv-e", lines);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_EVENT");
        assertThat(response.json().get("messageEn").asText()).contains("Line 5", "Teleported");
        assertThat(stored("mv-e")).isEmpty();
    }
}
