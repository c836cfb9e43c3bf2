package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import cn.gongkai.ledger.report.json.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.on;
import static cn.gongkai.ledger.report.projection.TestEvents.received;
import static cn.gongkai.ledger.report.projection.TestEvents.registered;
import static cn.gongkai.ledger.report.projection.TestEvents.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts on the read side never pass through floating point: stored as exact Decimal128, read back with their scale. */
class ExactAmountsTest {
    private static final BigDecimal LARGEST = new BigDecimal("12345678901234567.89");
    private static final RequestId FEE_CASE = request(AGENCY, "2024-fee");
    private TestProjection projection;

    @BeforeEach
    void freshDatabase() {
        projection = new TestProjection(TestMongo.freshInMemoryDatabase());
    }

    @Test
    void aFeeOf12345678901234567point89YuanIsExactInTheCaseTimelineAndTableTwo() {
        projection.projector.project(List.of(registered(AGENCY, "宁河区商务局", "2023-01-05"),
                EventEnvelope.of(1, new AgencyEvent.FeesCollected(AGENCY, LocalDate.parse("2024-06-30"), LARGEST, "f1",
                        on("2024-06-30"))),
                EventEnvelope.of(2, new AgencyEvent.FeesCollected(AGENCY, LocalDate.parse("2024-07-01"),
                        new BigDecimal("0.10"), "f2", on("2024-07-01"))),
                received(FEE_CASE, ApplicantType.NATURAL_PERSON, "2024-03-01"),
                EventEnvelope.of(1, new DisclosureRequestEvent.FeeNotified(FEE_CASE, LocalDate.parse("2024-03-05"),
                        FeeScale.values()[0], LARGEST, on("2024-03-05")))));

        CaseSummary summary = projection.cases.find(CaseType.REQUEST, FEE_CASE.value()).orElseThrow();
        JsonNode fee = summary.timeline().get(1).payload().get("amountYuan");
        assertThat(fee.isBigDecimal()).isTrue();
        assertThat(fee.decimalValue().toPlainString()).isEqualTo("12345678901234567.89");
        Document stored = projection.database.getCollection("case_summaries").find().first();
        assertThat(stored.getList("timeline", Document.class).get(1).get("payload", Document.class).get("amountYuan"))
                .isEqualTo(new Decimal128(LARGEST));

        BigDecimal cell = projection.report(AGENCY, 2024).cells().get("table2/行政事业性收费/本年收费金额");
        assertThat(cell.toPlainString()).isEqualTo("1234567890123.456799");
        assertThat(ReportJson.readTree(projection.reports.find(AGENCY.value(), 2024).orElseThrow().json())
                .get("table2").get("行政事业性收费").get("本年收费金额").asText())
                .isEqualTo("1234567890123.456799");
    }

    @Test
    void theNumberThatOncePoisonedTheProjectorIsStoredExactlyAndOneTooLongForADecimal128IsRefusedNotRounded() {
        JsonNode huge = ReadModelJson.readTree("{\"amountYuan\":9223372036854775808,\"scaled\":2.50}");
        Document document = ReadModelJson.toDocument("x", huge);
        assertThat(document.get("amountYuan")).isEqualTo(new Decimal128(new BigDecimal("9223372036854775808")));
        assertThat(ReadModelJson.fromDocument(document, JsonNode.class).toString())
                .isEqualTo("{\"_id\":\"x\",\"amountYuan\":9223372036854775808,\"scaled\":2.50}");

        JsonNode tooLong = ReadModelJson.readTree("{\"amountYuan\":1234567890123456789012345678901234567.5}");
        assertThatThrownBy(() -> ReadModelJson.toDocument("y", tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be stored exactly");
    }
}
