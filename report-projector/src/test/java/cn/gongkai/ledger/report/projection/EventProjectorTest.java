package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.projection.reconcile.ReconciliationResult;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.gongkai.ledger.report.projection.TestEvents.A;
import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.B;
import static cn.gongkai.ledger.report.projection.TestEvents.C;
import static cn.gongkai.ledger.report.projection.TestEvents.EXPECTED_2024;
import static cn.gongkai.ledger.report.projection.TestEvents.EXPECTED_2025;
import static cn.gongkai.ledger.report.projection.TestEvents.OTHER_AGENCY;
import static cn.gongkai.ledger.report.projection.TestProjection.assertCells;
import static org.assertj.core.api.Assertions.assertThat;

/** The projector's exactness on the in-memory MongoDB, without Kafka: duplicates, order, gaps, corrections. */
class EventProjectorTest {
    private TestProjection projection;

    @BeforeEach
    void freshDatabase() {
        projection = new TestProjection(TestMongo.freshInMemoryDatabase());
    }

    @Test
    void countsTheHistoryIntoExactReportCellsForEveryYearItTouches() {
        projection.projector.project(TestEvents.history());
        projection.projector.project(TestEvents.otherAgencyHistory());

        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
        assertThat(projection.reports.ofAgency(AGENCY.value())).extracting(r -> r.year()).containsExactly(2023, 2024, 2025);
        assertThat(projection.report(AGENCY, 2024).agency().name()).isEqualTo("宁河区商务局");
        assertThat(projection.report(OTHER_AGENCY, 2024).cells().get("table3/三.一/科研机构")).isEqualByComparingTo("1");
    }

    @Test
    void everyEventTwiceAndInAnyOrderAcrossBatchesGivesTheSameReport() {
        List<EventEnvelope> doubled = new ArrayList<>(TestEvents.history());
        doubled.addAll(TestEvents.history());
        Collections.shuffle(doubled, new Random(7));
        for (int i = 0; i < doubled.size(); i += 3) {
            projection.projector.project(doubled.subList(i, Math.min(doubled.size(), i + 3)));
        }

        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
        assertThat(projection.database.getCollection("projection_events").countDocuments())
                .isEqualTo(TestEvents.history().size());
        assertThat(projection.gaps.all()).isEmpty();
    }

    @Test
    void aGapIsRepairedFromTheEventStoreAndTheMissingEventCountedOnce() {
        projection.appendToEventStore(TestEvents.history());
        List<EventEnvelope> withoutOfficer = TestEvents.history().stream()
                .filter(e -> !(e.aggregateId().equals(A.value()) && e.sequence() == 1)).toList();

        projection.projector.project(withoutOfficer);

        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertThat(projection.gaps.all()).isEmpty();
        assertThat(projection.progress.find(A.value()).orElseThrow().lastContiguous()).isEqualTo(2);
        CaseSummary a = projection.cases.find(CaseType.REQUEST, A.value()).orElseThrow();
        assertThat(a.handlingOfficer()).isEqualTo("赵科长");
        assertThat(a.timeline()).extracting(CaseSummary.TimelineEntry::sequence).containsExactly(0L, 1L, 2L);
        assertThat(projection.database.getCollection("projection_events").countDocuments(
                new org.bson.Document("source", "event-store"))).isEqualTo(1);
    }

    @Test
    void aGapTheEventStoreCannotFillIsHeldBackAndSurfacedNotCounted() {
        List<EventEnvelope> withoutReceipt = TestEvents.history().stream()
                .filter(e -> !(e.aggregateId().equals(B.value()) && e.sequence() == 0)).toList();

        projection.projector.project(withoutReceipt);

        SequenceGap gap = projection.gaps.find(B.value()).orElseThrow();
        assertThat(gap.missing()).containsExactly(0L);
        assertThat(gap.held()).containsExactly(1L);
        assertThat(gap.agencyId()).isEqualTo(AGENCY.value());
        assertThat(projection.reports.find(AGENCY.value(), 2024).orElseThrow().heldBack()).containsExactly(B.value());
        assertThat(projection.report(AGENCY, 2024).cells().get("table3/一/商业企业")).isEqualByComparingTo("0");
        assertThat(projection.report(AGENCY, 2024).cells().get("table3/四/商业企业")).isEqualByComparingTo("0");
        assertThat(projection.reports.find(AGENCY.value(), 2025)).as("no counted event reaches 2025").isEmpty();
        assertThat(projection.cases.find(CaseType.REQUEST, B.value())).isEmpty();

        projection.appendToEventStore(TestEvents.history());
        assertThat(projection.projector.retryGaps()).isZero();

        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
        assertThat(projection.reports.find(AGENCY.value(), 2025).orElseThrow().heldBack()).isEmpty();
    }

    /** A consumer-group member retries only its own agencies' gaps (KafkaProjectionConsumer#partitionOf). */
    @Test
    void gapsAreRetriedOnlyForTheAgenciesAskedFor() {
        projection.projector.project(TestEvents.history().stream()
                .filter(e -> !(e.aggregateId().equals(B.value()) && e.sequence() == 0)).toList());
        projection.appendToEventStore(TestEvents.history());

        assertThat(projection.projector.retryGaps(agency -> !AGENCY.value().equals(agency))).isEqualTo(1);
        assertThat(projection.reports.find(AGENCY.value(), 2024).orElseThrow().heldBack()).containsExactly(B.value());
        assertThat(projection.cases.find(CaseType.REQUEST, B.value())).isEmpty();

        assertThat(projection.projector.retryGaps(AGENCY.value()::equals)).isZero();
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
    }

    @Test
    void aCorrectionRecomputesTheYearsItMovesBetween() {
        projection.projector.project(TestEvents.history());

        projection.projector.project(List.of(
                TestEvents.applicantCorrected(C, 2, ApplicantType.NATURAL_PERSON, ApplicantType.LEGAL_SERVICE_INSTITUTION, "2025-02-01"),
                TestEvents.conclusionDateCorrected(B, 2, "2025-01-10", "2024-12-30", "2025-02-01")));

        assertThat(projection.report(AGENCY, 2023).cells().get("table3/四/法律服务机构")).isEqualByComparingTo("1");
        assertThat(projection.report(AGENCY, 2024).cells().get("table3/三.二/商业企业")).isEqualByComparingTo("1");
        assertThat(projection.report(AGENCY, 2024).cells().get("table3/四/商业企业")).isEqualByComparingTo("0");
        assertThat(projection.report(AGENCY, 2025).cells().get("table3/二/商业企业")).isEqualByComparingTo("0");
        assertThat(projection.cases.find(CaseType.REQUEST, C.value()).orElseThrow().party().type().key()).isEqualTo("法律服务机构");
    }

    @Test
    void caseSummariesCarryStatusDatesOutcomeAndTheOrderedTimeline() {
        projection.projector.project(TestEvents.history());

        CaseSummary a = projection.cases.find(CaseType.REQUEST, A.value()).orElseThrow();
        assertThat(a.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(a.openedOn()).hasToString("2024-03-01");
        assertThat(a.concludedOn()).hasToString("2024-03-20");
        assertThat(a.outcome()).isEqualTo(new CaseSummary.Label(Outcome.DISCLOSED.key(), Outcome.DISCLOSED.label()));
        assertThat(a.party().type().label()).isEqualTo("自然人");
        assertThat(a.timeline()).extracting(CaseSummary.TimelineEntry::type)
                .containsExactly("RequestReceived", "OfficerAssigned", "RequestReplied");
        assertThat(a.timeline().get(2).payload().get("repliedOn").asText()).isEqualTo("2024-03-20");

        CaseSummary lawsuit = projection.cases.find(CaseType.LAWSUIT, TestEvents.LS.value()).orElseThrow();
        assertThat(lawsuit.status()).isEqualTo(CaseStatus.FILED);
        assertThat(lawsuit.route()).isEqualTo("直诉");
        assertThat(projection.cases.find(CaseType.REQUEST, TestEvents.LS.value())).isEmpty();
    }

    @Test
    void reconciliationReportsExactlyTheCellsTheReadModelMisses() {
        List<EventEnvelope> history = TestEvents.history();
        projection.appendToEventStore(history);
        projection.projector.project(history.stream().filter(e -> !e.aggregateId().equals(B.value())).toList());

        ReconciliationResult result = projection.reconciliation.reconcile(AGENCY, 2024);

        assertThat(result.consistent()).isFalse();
        assertThat(result.differences()).containsExactly(
                new CellChange("table3/一/商业企业", bd(1), bd(0)),
                new CellChange("table3/一/总计", bd(2), bd(1)),
                new CellChange("table3/四/商业企业", bd(1), bd(0)),
                new CellChange("table3/四/总计", bd(1), bd(0)));
        assertThat(result.laggingAggregates()).containsExactly(
                new ReconciliationResult.AggregateLag(B.value(), 1, -1));

        projection.projector.project(history);
        ReconciliationResult after = projection.reconciliation.reconcile(AGENCY, 2024);
        assertThat(after.consistent()).isTrue();
        assertThat(after.differences()).isEmpty();
        assertThat(after.laggingAggregates()).isEmpty();
        assertThat(after.eventStoreAsOf()).isEqualTo(after.readModelAsOf());
    }

    private static java.math.BigDecimal bd(int value) {
        return java.math.BigDecimal.valueOf(value);
    }
}
