package cn.gongkai.ledger.report.projection;

import static cn.gongkai.ledger.report.projection.TestEvents.A;
import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.LS;
import static cn.gongkai.ledger.report.projection.TestEvents.on;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseSummaryFold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case-summary fold: statuses through a case's life, corrections, and what is not a case. */
class CaseSummaryFoldTest {

    /**
     * Issue 8: after ConsultationStarted → FeeNotified → FeePaid the summary said OPEN while the clock said
     * CONSULTING, so {@code GET /api/requests?status=IN_CONSULTATION} missed the request. Both now read the one
     * lifecycle.
     */
    @Test
    void aConsultationStillOpenAfterTheFeeIsPaidIsInConsultation() {
        List<EventEnvelope> events = List.of(
                TestEvents.received(A, cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON, "2024-03-01"),
                EventEnvelope.of(1, new DisclosureRequestEvent.ConsultationStarted(A, "第三方", LocalDate.parse("2024-03-04"),
                        on("2024-03-04"))),
                EventEnvelope.of(2, new DisclosureRequestEvent.FeeNotified(A, LocalDate.parse("2024-03-05"),
                        FeeScale.PER_VOLUME, new BigDecimal("10"), on("2024-03-05"))),
                EventEnvelope.of(3, new DisclosureRequestEvent.FeePaid(A, LocalDate.parse("2024-03-08"), on("2024-03-08"))));

        assertThat(fold(events).status()).isEqualTo(CaseStatus.IN_CONSULTATION);
    }

    @Test
    void aRequestWaitsForAFeeThenIsConcludedAndItsOutcomeCorrected() {
        List<EventEnvelope> events = new ArrayList<>(List.of(
                TestEvents.received(A, cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON, "2024-03-01"),
                EventEnvelope.of(1, new DisclosureRequestEvent.FeeNotified(A, LocalDate.parse("2024-03-05"),
                        FeeScale.PER_VOLUME, new BigDecimal("120.50"), on("2024-03-05")))));
        assertThat(fold(events).status()).isEqualTo(CaseStatus.AWAITING_FEE);

        events.add(EventEnvelope.of(2, new DisclosureRequestEvent.FeePaid(A, LocalDate.parse("2024-03-08"), on("2024-03-08"))));
        assertThat(fold(events).status()).isEqualTo(CaseStatus.OPEN);

        events.add(TestEvents.replied(A, 3, Outcome.WITHHELD_STATE_SECRET, "2024-03-20"));
        events.add(EventEnvelope.of(4, new DisclosureRequestEvent.OutcomeCorrected(A, Outcome.WITHHELD_STATE_SECRET,
                Outcome.PARTIALLY_DISCLOSED, List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS), "复核", on("2024-04-01"))));
        CaseSummary summary = fold(events);

        assertThat(summary.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(summary.outcome().key()).isEqualTo("三.二");
        assertThat(summary.secondaryReasons()).extracting(CaseSummary.Label::key).containsExactly("三.三.4");
        assertThat(summary.agencyId()).isEqualTo(AGENCY.value());
        assertThat(summary.year()).isEqualTo(2024);
        assertThat(summary.lastSequence()).isEqualTo(4);
        assertThat(summary.timeline().get(1).payload().get("amountYuan").decimalValue()).isEqualByComparingTo("120.50");
    }

    @Test
    void aLawsuitIsOpenOnAppealConcludedWhenTheJudgmentTakesEffectAndOpenAgainOnRetrial() {
        List<EventEnvelope> events = new ArrayList<>(List.of(
                TestEvents.lawsuitFiled(LS, AGENCY, "2024-06-01"),
                EventEnvelope.of(1, new LawsuitEvent.JudgmentRendered(LS, Instance.FIRST, "宁河区人民法院",
                        JudgmentResult.CLAIM_DISMISSED, LocalDate.parse("2024-09-01"), "判决1", on("2024-09-01"))),
                EventEnvelope.of(2, new LawsuitEvent.AppealFiled(LS, LocalDate.parse("2024-09-10"), "原告", on("2024-09-10")))));
        assertThat(fold(events).status()).isEqualTo(CaseStatus.APPEALED);
        assertThat(fold(events).decision().label()).isEqualTo("驳回诉讼请求");

        events.add(EventEnvelope.of(3, new LawsuitEvent.JudgmentTookEffect(LS, Instance.SECOND,
                LocalDate.parse("2025-01-20"), on("2025-01-20"))));
        CaseSummary concluded = fold(events);
        assertThat(concluded.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(concluded.outcome().label()).isEqualTo("结果维持");
        assertThat(concluded.concludedOn()).hasToString("2025-01-20");

        events.add(EventEnvelope.of(4, new LawsuitEvent.RetrialOpened(LS, LocalDate.parse("2025-06-01"),
                "天津市第一中级人民法院", on("2025-06-01"))));
        CaseSummary reopened = fold(events);
        assertThat(reopened.status()).isEqualTo(CaseStatus.RETRIAL);
        assertThat(reopened.outcome()).isNull();
        assertThat(reopened.concludedOn()).isNull();
        assertThat(reopened.forum()).isEqualTo("天津市第一中级人民法院");
    }

    @Test
    void theAgencysOwnEventsAreNotACase() {
        assertThat(CaseSummaryFold.fold(List.of(TestEvents.registered(AGENCY, "宁河区商务局", "2023-01-05")))).isEmpty();
        assertThat(CaseSummaryFold.fold(List.of())).isEmpty();
    }

    /** An erased case's summary is rewritten: 已删除 for the party and every personal field; the type stays. */
    @Test
    void anErasedApplicantReadsAsErasedInTheSummaryAndItsWholeTimeline() {
        List<EventEnvelope> events = List.of(
                TestEvents.received(A, cn.gongkai.ledger.api.common.ApplicantType.COMMERCIAL_ENTERPRISE, "2024-03-01"),
                TestEvents.replied(A, 1, Outcome.DISCLOSED, "2024-03-20"),
                EventEnvelope.of(2, new DisclosureRequestEvent.ApplicantDataErased(A,
                        cn.gongkai.ledger.api.common.ErasureGround.CONSENT_WITHDRAWN, on("2025-01-05"))));
        CaseSummary before = fold(events.subList(0, 2));
        CaseSummary erased = fold(events);

        assertThat(before.party().name()).isEqualTo("申请人2024-001");
        assertThat(erased.party().name()).isEqualTo("已删除");
        assertThat(erased.party().type()).isEqualTo(before.party().type());
        assertThat(erased.timeline().get(0).payload().get("applicant").get("name").asText()).isEqualTo("已删除");
        assertThat(erased.timeline().get(0).payload().get("applicant").get("type").asText()).isEqualTo("COMMERCIAL_ENTERPRISE");
        assertThat(erased.timeline().toString()).doesNotContain("申请人2024-001");
        assertThat(erased.outcome()).isEqualTo(before.outcome());
        assertThat(erased.status()).isEqualTo(before.status());
        assertThat(erased.timeline().get(2).type()).isEqualTo("ApplicantDataErased");
    }

    private static CaseSummary fold(List<EventEnvelope> events) {
        return CaseSummaryFold.fold(events).orElseThrow();
    }
}
