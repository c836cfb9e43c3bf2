package cn.gongkai.ledger.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.History;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final LocalDate D = LocalDate.of(2024, 1, 2);

    /** A history holding every event type of the api. */
    private static List<EventEnvelope> everyType() {
        return new History("ninghe-commerce").register("宁河区商务局")
                .issue("d", NormativeDocumentKind.RULE, D).repeal("d", D).expire("d", D)
                .tally(Article20Category.LICENSING, D, 3).fees(D, "123.450").items(Article20Category.PENALTY, D, 4)
                .procurement(D, 2, "1000.10").openLedger(2024).openingRegister(NormativeDocumentKind.RULE, 3)
                .appealPolicy(2024, AppealPolicy.FILED_IN_YEAR)
                .receive("a", ApplicantType.NATURAL_PERSON, D).busy("a", D)
                .closeForMissingCorrection("a", D, D).closeForUnpaidFee("a", D, D)
                .reply("a", D, Outcome.DISCLOSED, Outcome.WITHHELD_STATE_SECRET).withdraw("a", D)
                .correctType("a", ApplicantType.NATURAL_PERSON, ApplicantType.OTHER_ORGANIZATION)
                .correctReceipt("a", D, D.plusDays(1)).correctOutcome("a", Outcome.DISCLOSED, Outcome.OTHER)
                .correctConclusion("a", D, D.plusDays(2))
                .fileReconsideration("1", D).decideReconsideration("1", D, ReconsiderationResult.CHANGED)
                .rejectReconsideration("1", D).withdrawReconsideration("1", D)
                .fileLawsuit("2", Route.AFTER_RECONSIDERATION, D).judgment("2", Instance.FIRST, JudgmentResult.MEDIATED, D)
                .appeal("2", D).takeEffect("2", Instance.SECOND, D, AppealOutcome.OTHER).retrial("2", D)
                .erase("a").eraseReconsideration("1").erasePlaintiff("2")
                .publish(2024, "{\"year\":2024}")
                .events();
    }

    @Test
    void every_event_type_round_trips_exactly() {
        List<EventEnvelope> events = everyType();
        Set<String> types = events.stream().map(EventEnvelope::type).collect(Collectors.toSet());
        assertThat(types).isEqualTo(EventTypes.all().keySet());
        for (EventEnvelope event : events) {
            assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
        }
    }

    @Test
    void writes_the_documented_shape_with_iso_dates_and_exact_amounts() {
        EventEnvelope fee = everyType().stream().filter(e -> e.type().equals("FeesCollected")).findFirst().orElseThrow();
        ObjectNode json = EventJson.toJson(fee);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("eventId", "aggregateType", "aggregateId", "sequence", "type", "timestamp", "payload");
        assertThat(json.path("aggregateType").asText()).isEqualTo("Agency");
        assertThat(json.path("timestamp").asText()).isEqualTo("2015-01-01T00:05:00Z");
        assertThat(json.path("payload").path("collectedOn").asText()).isEqualTo("2024-01-02");
        assertThat(json.path("payload").path("recorded").path("at").asText()).isEqualTo("2015-01-01T00:05:00Z");
        assertThat(EventJson.write(fee)).contains("\"amountYuan\":123.450");
    }

    @Test
    void reads_the_documented_json_as_written_by_hand() {
        String line = """
                {"eventId":"e1","aggregateType":"DisclosureRequest","aggregateId":"ninghe-commerce:2024-001","sequence":3,
                 "type":"FeeNotified","timestamp":"2024-01-02T01:00:00Z",
                 "payload":{"requestId":"ninghe-commerce:2024-001","notifiedOn":"2024-01-05","scale":"PER_VOLUME",
                            "amountYuan":"0.10","recorded":{"by":"officer-1","at":"2024-01-05T02:00:00Z"}}}""";
        EventEnvelope event = EventJson.read(line);
        FeeNotified fee = (FeeNotified) event.payload();
        assertThat(fee.amountYuan()).isEqualTo(new BigDecimal("0.10"));
        assertThat(fee.notifiedOn()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(event.sequence()).isEqualTo(3);
    }

    @Test
    void reads_json_lines_skipping_blank_lines_and_naming_the_bad_line() {
        List<EventEnvelope> events = everyType().subList(0, 3);
        String lines = EventJson.write(events.get(0)) + "\n\n" + EventJson.write(events.get(1)) + "\n"
                + EventJson.write(events.get(2)) + "\n";
        assertThat(EventJson.readLines(new BufferedReader(new StringReader(lines)))).isEqualTo(events);
        String bad = lines + "{\"type\":\"Nope\",\"sequence\":0,\"aggregateId\":\"x\",\"payload\":{}}\n";
        assertThatThrownBy(() -> EventJson.readLines(new BufferedReader(new StringReader(bad))))
                .hasMessageContaining("line 5").hasMessageContaining("unknown event type: Nope");
    }

    @Test
    void refuses_an_event_that_contradicts_itself() {
        String event = EventJson.write(everyType().get(0));
        assertThatThrownBy(() -> EventJson.read(event.replace("\"aggregateId\":\"ninghe-commerce\"",
                "\"aggregateId\":\"other\""))).hasMessageContaining("not the payload's aggregate");
        assertThatThrownBy(() -> EventJson.read(event.replace("\"aggregateType\":\"Agency\"",
                "\"aggregateType\":\"Lawsuit\""))).hasMessageContaining("does not match");
        assertThatThrownBy(() -> EventJson.read(event.replace("\"sequence\":0", "\"sequence\":0.5")))
                .hasMessageContaining("sequence");
        assertThatThrownBy(() -> EventJson.read(event.replace("\"name\":\"宁河区商务局\",", "")
                .replace("\"agencyId\":\"ninghe-commerce\"", "\"agencyId\":\"a:b\""))).hasMessageContaining("bad AgencyRegistered payload");
        assertThatThrownBy(() -> EventJson.read("{\"sequence\":0}")).hasMessageContaining("missing type");
        assertThatThrownBy(() -> EventJson.read("nope")).hasMessageContaining("not JSON");
    }

    /** Every event type's sample, as a history would hold them, and amounts whose text a tree writes in E notation. */
    private static List<EventEnvelope> samplesAndOddAmounts() {
        List<EventEnvelope> events = new ArrayList<>(everyType());
        long sequence = 0;
        for (var sample : StoredEventApprovalTest.samples()) {
            events.add(EventEnvelope.of(sequence++, sample));
        }
        var fee = (cn.gongkai.ledger.api.agency.AgencyEvent.FeesCollected) StoredEventApprovalTest.samples().stream()
                .filter(e -> e instanceof cn.gongkai.ledger.api.agency.AgencyEvent.FeesCollected).findFirst().orElseThrow();
        for (String amount : List.of("1E+3", "0.0000001", "0", "0.00", "123456789012345678.9")) {
            events.add(EventEnvelope.of(sequence++, new cn.gongkai.ledger.api.agency.AgencyEvent.FeesCollected(
                    fee.agencyId(), fee.collectedOn(), new BigDecimal(amount), fee.batchRef(), fee.recorded())));
        }
        return events;
    }

    @Test
    void writes_exactly_the_text_of_its_tree() {
        for (EventEnvelope event : samplesAndOddAmounts()) {
            assertThat(EventJson.write(event)).as(event.type()).isEqualTo(EventJson.toJson(event).toString());
        }
        var withoutTimestamp = new EventEnvelope(null, null, "ninghe-commerce", 0, null, null, everyType().get(0).payload());
        assertThat(EventJson.write(withoutTimestamp)).isEqualTo(EventJson.toJson(withoutTimestamp).toString())
                .contains("\"eventId\":null").contains("\"timestamp\":null");
        assertThat(EventJson.write(samplesAndOddAmounts().get(samplesAndOddAmounts().size() - 5)))
                .contains("\"amountYuan\":1E+3");
    }

    @Test
    void reads_a_stored_event_as_its_envelope_is_read() {
        for (EventEnvelope event : samplesAndOddAmounts()) {
            ObjectNode json = EventJson.toJson(event);
            String payload = json.get("payload").toString();
            json.remove("aggregateType"); // a stored event has no such field: it is derived from the type
            EventEnvelope stored = EventJson.ofStored(event.eventId(), event.aggregateId(), event.sequence(),
                    event.type(), event.timestamp(), payload);
            assertThat(stored).as(event.type()).isEqualTo(EventJson.fromJson(json)).isEqualTo(event);
        }
    }

    @Test
    void refuses_a_stored_event_as_it_refuses_its_envelope() {
        EventEnvelope event = everyType().get(0);
        String payload = EventJson.toJson(event).get("payload").toString();
        assertThatThrownBy(() -> EventJson.ofStored("e", "other", 0, event.type(), null, payload))
                .hasMessageContaining("not the payload's aggregate");
        assertThatThrownBy(() -> EventJson.ofStored("e", event.aggregateId(), 0, "Nope", null, payload))
                .hasMessageContaining("unknown event type: Nope");
        assertThatThrownBy(() -> EventJson.ofStored("e", event.aggregateId(), 0, null, null, payload))
                .hasMessageContaining("missing type");
        assertThatThrownBy(() -> EventJson.ofStored("e", event.aggregateId(), 0, event.type(), null, "null"))
                .hasMessageContaining("missing payload");
        assertThatThrownBy(() -> EventJson.ofStored("e", event.aggregateId(), 0, event.type(), null,
                payload.replace("\"agencyId\":\"ninghe-commerce\"", "\"agencyId\":\"a:b\"")))
                .hasMessageContaining("bad AgencyRegistered payload");
        assertThatThrownBy(() -> EventJson.ofStored("e", event.aggregateId(), 0, event.type(), null, "{nope"))
                .hasMessageContaining("bad AgencyRegistered payload");
        assertThatThrownBy(() -> EventJson.ofStored("e", event.aggregateId(), -1, event.type(), null, payload))
                .hasMessageContaining("sequence");
    }
}
