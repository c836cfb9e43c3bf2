package cn.gongkai.ledger.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ApplicantDataErased;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ApplicantTypeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForMissingCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForUnpaidFee;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConclusionDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationAnswered;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationExpired;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationStarted;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionSupplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.DueDateRecomputed;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeePaid;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OutcomeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestWithdrawn;
import cn.gongkai.ledger.api.request.RequestLifecycle.Concluded;
import cn.gongkai.ledger.api.request.RequestLifecycle.Open;
import cn.gongkai.ledger.api.request.RequestLifecycle.State;
import cn.gongkai.ledger.api.request.RequestLifecycle.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLifecycleTest {
    static final RequestId ID = new RequestId("lc-agency:2024-1");
    static final Recorded AT = new Recorded("officer-li", Instant.parse("2024-06-28T02:00:00Z"));

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static RequestReceived received() {
        return new RequestReceived(ID, ID.agencyId(), ID.trackingNumber(), Channel.INTERNET, d("2024-03-01"),
                new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null), "某事项", "王芳", AT);
    }

    /**
     * One sample of every event type, each with the history it makes a difference after: the lifecycle must change
     * its state on each (an event the lifecycle ignored would be a fact no reader of a request sees).
     */
    static Map<DisclosureRequestEvent, List<DisclosureRequestEvent>> samples() {
        ConsultationStarted consultation = new ConsultationStarted(ID, "第三方", d("2024-03-05"), AT);
        FeeNotified fee = new FeeNotified(ID, d("2024-03-06"), FeeScale.PER_VOLUME, new BigDecimal("400.00"), AT);
        CorrectionRequested correction = new CorrectionRequested(ID, d("2024-03-04"), d("2024-03-18"), "文号", AT);
        RequestReplied replied = new RequestReplied(ID, d("2024-04-10"), Outcome.DISCLOSED, List.of(), "〔2024〕1号", AT);
        Map<DisclosureRequestEvent, List<DisclosureRequestEvent>> samples = new LinkedHashMap<>();
        samples.put(received(), List.of());
        samples.put(new OfficerAssigned(ID, "李明", AT), List.of(received()));
        samples.put(correction, List.of(received()));
        samples.put(new CorrectionSupplied(ID, d("2024-03-11"), AT), List.of(received(), correction));
        samples.put(new ClosedForMissingCorrection(ID, d("2024-03-19"), AT), List.of(received(), correction));
        samples.put(consultation, List.of(received()));
        samples.put(new ConsultationAnswered(ID, d("2024-03-15"), "同意", AT), List.of(received(), consultation));
        samples.put(new ConsultationExpired(ID, d("2024-03-27"), AT), List.of(received(), consultation));
        samples.put(fee, List.of(received()));
        samples.put(new FeePaid(ID, d("2024-03-12"), AT), List.of(received(), fee));
        samples.put(new ClosedForUnpaidFee(ID, d("2024-04-08"), AT), List.of(received(), fee));
        samples.put(new ExtensionApproved(ID, d("2024-03-20"), 20, "局长", "情况复杂", AT), List.of(received()));
        samples.put(replied, List.of(received()));
        samples.put(new RequestWithdrawn(ID, d("2024-03-08"), "不再需要", AT), List.of(received()));
        samples.put(new ApplicantTypeCorrected(ID, ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE,
                "登记错误", AT), List.of(received()));
        samples.put(new ReceiptDateCorrected(ID, d("2024-03-01"), d("2024-02-29"), "登记错误", AT), List.of(received()));
        samples.put(new OutcomeCorrected(ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED,
                List.of(Outcome.WITHHELD_STATE_SECRET), "更正", AT), List.of(received(), replied));
        samples.put(new ConclusionDateCorrected(ID, d("2024-04-10"), d("2024-04-11"), "更正", AT),
                List.of(received(), replied));
        samples.put(new DueDateRecomputed(ID, "v2", d("2024-03-29"), d("2024-04-01"), AT), List.of(received()));
        samples.put(new ApplicantDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, AT), List.of(received(), replied));
        return samples;
    }


    @Test
    void theSamplesCoverEveryEventTypeAndTheLifecycleHandlesEachOfThem() {
        Map<DisclosureRequestEvent, List<DisclosureRequestEvent>> samples = samples();
        assertThat(samples.keySet()).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(EventTypes.under(DisclosureRequestEvent.class));
        samples.forEach((event, before) -> {
            State prior = RequestLifecycle.replay(before);
            if (event instanceof ApplicantDataErased) {
                // an erasure changes no fact the clock or the report reads: the case and its counts go on
                assertThat(RequestLifecycle.evolve(prior, event)).isEqualTo(prior);
            } else {
                assertThat(RequestLifecycle.evolve(prior, event)).as(event.getClass().getSimpleName()).isNotEqualTo(prior);
            }
        });
    }

    /** The disagreement of issue 8: the case summary said OPEN here while the clock said CONSULTING. */
    @Test
    void aConsultationStaysOpenAfterAFeeIsPaid() {
        State state = RequestLifecycle.replay(List.of(received(),
                new ConsultationStarted(ID, "第三方", d("2024-03-05"), AT),
                new FeeNotified(ID, d("2024-03-06"), FeeScale.PER_VOLUME, new BigDecimal("10"), AT),
                new FeePaid(ID, d("2024-03-12"), AT)));

        assertThat(((Open) state).status()).isEqualTo(Status.CONSULTING);
    }

    @Test
    void statusesFollowThePriorityOfWhatIsOutstanding() {
        CorrectionRequested correction = new CorrectionRequested(ID, d("2024-03-04"), d("2024-03-18"), "文号", AT);
        FeeNotified fee = new FeeNotified(ID, d("2024-03-12"), FeeScale.PER_VOLUME, BigDecimal.TEN, AT);
        ConsultationStarted consultation = new ConsultationStarted(ID, "第三方", d("2024-03-12"), AT);
        ExtensionApproved extension = new ExtensionApproved(ID, d("2024-03-13"), 10, "局长", "复杂", AT);
        assertThat(status(received())).isEqualTo(Status.REGISTERED);
        assertThat(status(received(), correction)).isEqualTo(Status.AWAITING_CORRECTION);
        assertThat(status(received(), correction, new CorrectionSupplied(ID, d("2024-03-11"), AT), consultation, fee))
                .isEqualTo(Status.AWAITING_FEE);
        assertThat(status(received(), extension, consultation)).isEqualTo(Status.CONSULTING);
        assertThat(status(received(), extension)).isEqualTo(Status.EXTENDED);
    }

    @Test
    void aWithdrawalRecordsNoOutcomeUntilOneIsCorrectedIn() {
        RequestWithdrawn withdrawn = new RequestWithdrawn(ID, d("2024-03-08"), null, AT);
        Concluded concluded = (Concluded) RequestLifecycle.replay(List.of(received(), withdrawn));
        assertThat(concluded.status()).isEqualTo(Status.WITHDRAWN);
        assertThat(concluded.recordedOutcome()).isEmpty();

        Concluded corrected = (Concluded) RequestLifecycle.evolve(concluded,
                new OutcomeCorrected(ID, null, Outcome.OTHER_CORRECTION_NOT_SUPPLIED, List.of(), "更正", AT));
        assertThat(corrected.recordedOutcome()).contains(Outcome.OTHER_CORRECTION_NOT_SUPPLIED);
        assertThat(corrected.status()).isEqualTo(Status.WITHDRAWN);
    }

    @Test
    void correctionsReplaceTheFactsTheyCorrect() {
        RequestReplied replied = new RequestReplied(ID, d("2024-04-10"), Outcome.DISCLOSED, List.of(), "1号", AT);
        Concluded c = (Concluded) RequestLifecycle.replay(List.of(received(), replied,
                new ConclusionDateCorrected(ID, d("2024-04-10"), d("2024-04-12"), "更正", AT),
                new ReceiptDateCorrected(ID, d("2024-03-01"), d("2024-02-28"), "更正", AT),
                new ApplicantTypeCorrected(ID, ApplicantType.NATURAL_PERSON, ApplicantType.RESEARCH_INSTITUTION, "更正",
                        AT)));
        assertThat(c.concludedOn()).isEqualTo(d("2024-04-12"));
        assertThat(c.facts().receivedOn()).isEqualTo(d("2024-02-28"));
        assertThat(c.facts().applicant().type()).isEqualTo(ApplicantType.RESEARCH_INSTITUTION);
        assertThat(c.ending()).isEqualTo(replied);
    }

    private static Status status(DisclosureRequestEvent... history) {
        return ((Open) RequestLifecycle.replay(Arrays.asList(history))).status();
    }
}
