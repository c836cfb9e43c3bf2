package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummaryFold;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.gongkai.ledger.report.projection.TestEvents.A;
import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** The MongoDB adapters (repositories and event-store reader), run against each MongoDB a subclass provides. */
abstract class ReadModelRepositoryContract {
    private TestProjection projection;

    abstract MongoDatabase database();

    @BeforeEach
    void wire() {
        projection = new TestProjection(database());
    }

    @Test
    void anEventIsStoredOncePerAggregateAndSequence() {
        EventEnvelope event = TestEvents.received(A, cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON, "2024-03-01");

        assertThat(projection.events.insertIfAbsent(event, "kafka")).isTrue();
        assertThat(projection.events.insertIfAbsent(event, "kafka")).isFalse();

        assertThat(projection.events.ofAggregate(A.value())).containsExactly(event);
        assertThat(projection.database.getCollection("projection_events").countDocuments()).isEqualTo(1);
    }

    @Test
    void anAgencysEventsAreItsRequestsByIdPrefixAndItsOtherAggregatesById() {
        cn.gongkai.ledger.api.common.AgencyId dotted = new cn.gongkai.ledger.api.common.AgencyId("a.b");
        cn.gongkai.ledger.api.common.AgencyId lookalike = new cn.gongkai.ledger.api.common.AgencyId("axb");
        EventEnvelope own = TestEvents.received(TestEvents.request(dotted, "1"),
                cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON, "2024-03-01");
        EventEnvelope register = TestEvents.registered(dotted, "某局", "2024-01-02");
        EventEnvelope appeal = TestEvents.reconsiderationFiled(TestEvents.RC, dotted, "2024-04-01");
        EventEnvelope foreign = TestEvents.received(TestEvents.request(lookalike, "1"),
                cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON, "2024-03-01");
        List.of(own, register, appeal, foreign).forEach(e -> projection.events.insertIfAbsent(e, "kafka"));

        assertThat(projection.events.ofAgency(dotted, List.of(own.aggregateId(), register.aggregateId(), appeal.aggregateId())))
                .containsExactly(register, own, appeal);
    }

    @Test
    void theUniqueIndexRefusesASecondDocumentForTheSameAggregateAndSequence() {
        EventEnvelope event = TestEvents.received(A, cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON, "2024-03-01");
        projection.events.insertIfAbsent(event, "kafka");

        Document copy = new Document("aggregateId", A.value()).append("sequence", 0L).append("envelope", "{}");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> projection.database.getCollection("projection_events").insertOne(copy))
                .hasMessageContaining("E11000");
    }

    @Test
    void offsetsAndReportsRoundTripAndReportsOutsideTheYearsAreDropped() {
        projection.offsets.save("t", 0, 42);
        projection.offsets.save("t", 0, 43);
        assertThat(projection.offsets.nextOffset("t", 0)).hasValue(43);
        assertThat(projection.offsets.nextOffset("t", 1)).isEmpty();

        projection.reports.save(new MaterializedReport(AGENCY.value(), 2023, "2021", "OPEN_IN_YEAR", null, "{}", List.of(), 0, "v1"));
        projection.reports.save(new MaterializedReport(AGENCY.value(), 2024, "2021", "OPEN_IN_YEAR", null, "{}", List.of("x"), 3, "v2"));
        projection.reports.retainOnly(AGENCY.value(), List.of(2024));

        assertThat(projection.reports.ofAgency(AGENCY.value())).extracting(MaterializedReport::year).containsExactly(2024);
        assertThat(projection.reports.find(AGENCY.value(), 2024).orElseThrow().heldBack()).containsExactly("x");
    }

    @Test
    void caseSummariesAreFilteredByAgencyStatusAndYearAndPaged() {
        TestEvents.history().stream().collect(java.util.stream.Collectors.groupingBy(EventEnvelope::aggregateId))
                .values().forEach(events -> CaseSummaryFold.fold(events).ifPresent(projection.cases::save));

        CaseSummaries.Page all = projection.caseQueries.find(
                new CaseSummaries.Criteria(CaseType.REQUEST, AGENCY.value(), null, null), 0, 2);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(s -> s.id()).containsExactly(TestEvents.B.value(), A.value());
        assertThat(all.items()).allSatisfy(s -> assertThat(s.timeline()).isNull());
        assertThat(projection.caseQueries.find(new CaseSummaries.Criteria(CaseType.REQUEST, AGENCY.value(), null, null), 1, 2)
                .items()).extracting(s -> s.id()).containsExactly(TestEvents.C.value());
        assertThat(projection.caseQueries.find(new CaseSummaries.Criteria(CaseType.REQUEST, null, CaseStatus.CONCLUDED, 2023), 0, 10)
                .items()).extracting(s -> s.id()).containsExactly(TestEvents.C.value());
        assertThat(projection.caseQueries.find(new CaseSummaries.Criteria(CaseType.LAWSUIT, "nobody", null, null), 0, 10).total())
                .isZero();
        assertThat(projection.cases.find(CaseType.REQUEST, A.value()).orElseThrow().timeline()).hasSize(3);
    }

    @Test
    void theEventStoreReaderDecodesAxonDocumentsWithTextOrEmbeddedPayloadsUnderEitherFieldName() {
        List<EventEnvelope> history = TestEvents.history();
        projection.appendToEventStore(history);
        EventEnvelope embedded = TestEvents.officerAssigned(TestEvents.B, 2, "钱科员", "2025-01-11");
        projection.database.getCollection(TestProjection.AXON_EVENTS).insertOne(new Document()
                .append("aggregateIdentifier", embedded.aggregateId()).append("type", "DisclosureRequest")
                .append("sequenceNumber", 2L)
                .append("serializedPayload", Document.parse(EventJson.toJson(embedded).get("payload").toString()))
                .append("timestamp", embedded.timestamp().toString())
                .append("payloadType", embedded.payload().getClass().getName())
                .append("eventIdentifier", "evt-embedded"));
        projection.appendToEventStore(TestEvents.otherAgencyHistory());

        assertThat(projection.eventStore.readAggregate(TestEvents.B.value(), 1)).extracting(EventEnvelope::payload)
                .containsExactly(history.get(7).payload(), embedded.payload());
        List<EventEnvelope> agency = projection.eventStore.readAgency(AGENCY);
        assertThat(agency).hasSize(history.size() + 1);
        assertThat(agency).extracting(EventEnvelope::payload)
                .containsAll(history.stream().map(EventEnvelope::payload).toList());
    }
}
