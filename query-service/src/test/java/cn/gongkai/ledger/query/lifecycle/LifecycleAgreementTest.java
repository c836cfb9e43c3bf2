package cn.gongkai.ledger.query.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
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
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.api.request.RequestLifecycle;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.ClockReading;
import cn.gongkai.ledger.clock.deadline.RequestClock;
import cn.gongkai.ledger.clock.deadline.RequestStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseSummaryFold;
import cn.gongkai.ledger.report.fold.CountingRules;
import cn.gongkai.ledger.report.fold.RequestCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every reader of a request's history agrees: the statutory clock, the case summary and the report's
 * {@link RequestCase} read the same status, the same dates and the same counted outcome from any history, the
 * fixed paths of the aggregate tests and jqwik-generated ones. And no reader ignores an event type silently: each
 * type either changes what a reader shows or is in that reader's declared list of types it does not use, so a new
 * event type fails here until every reader has been looked at.
 */
class LifecycleAgreementTest {
    private static final RequestId ID = new RequestId("agree-agency:2024-1");
    private static final RequestClock CLOCK = new RequestClock(WorkingDayCalendar.national());
    private static final LocalDate START = LocalDate.of(2024, 3, 1);

    /** The types each reader does not use (with the reason); every other type must change what it shows. */
    private static final Set<Class<?>> CLOCK_IGNORES = Set.of(
            ApplicantTypeCorrected.class, OutcomeCorrected.class, // the clock counts days, not rows
            DueDateRecomputed.class, // a record of what the clock computed
            ApplicantDataErased.class); // the applicant's data, not the case's dates
    private static final Set<Class<?>> SUMMARY_IGNORES = Set.of(
            ExtensionApproved.class, DueDateRecomputed.class); // each shows only in the timeline (已延期 is 办理中)
    private static final Set<Class<?>> REPORT_IGNORES = Set.of(
            OfficerAssigned.class, CorrectionRequested.class, CorrectionSupplied.class, ConsultationStarted.class,
            ConsultationAnswered.class, ConsultationExpired.class, FeeNotified.class, FeePaid.class,
            ExtensionApproved.class, DueDateRecomputed.class, // steps: the report counts receipts and conclusions
            ApplicantDataErased.class); // the report counts applicants by type, which an erasure keeps

    /** One step of a generated history: an event type, made on a day after the previous step. */
    enum Step {
        OFFICER((d, i) -> new OfficerAssigned(ID, "officer-" + i, at(d))),
        CORRECTION((d, i) -> new CorrectionRequested(ID, d, d.plusDays(10), "文号", at(d))),
        SUPPLY((d, i) -> new CorrectionSupplied(ID, d, at(d))),
        CONSULT((d, i) -> new ConsultationStarted(ID, "第三方", d, at(d))),
        ANSWER((d, i) -> new ConsultationAnswered(ID, d, "意见", at(d))),
        EXPIRE((d, i) -> new ConsultationExpired(ID, d, at(d))),
        FEE((d, i) -> new FeeNotified(ID, d, FeeScale.PER_VOLUME, BigDecimal.TEN, at(d))),
        PAY((d, i) -> new FeePaid(ID, d, at(d))),
        EXTEND((d, i) -> new ExtensionApproved(ID, d, 1 + i % 20, "局长", "复杂", at(d))),
        APPLICANT((d, i) -> new ApplicantTypeCorrected(ID, ApplicantType.NATURAL_PERSON,
                ApplicantType.values()[i % ApplicantType.values().length], "更正", at(d))),
        RECEIPT((d, i) -> new ReceiptDateCorrected(ID, START, START.minusDays(i % 3), "更正", at(d))),
        RECOMPUTED((d, i) -> new DueDateRecomputed(ID, "v" + i, d, d.plusDays(1), at(d))),
        REPLY((d, i) -> new RequestReplied(ID, d, Outcome.values()[i % Outcome.values().length],
                i % 2 == 0 ? List.of() : List.of(Outcome.WITHHELD_STATE_SECRET), "1号", at(d))),
        WITHDRAW((d, i) -> new RequestWithdrawn(ID, d, null, at(d))),
        CLOSE_MISSING((d, i) -> new ClosedForMissingCorrection(ID, d, at(d))),
        CLOSE_UNPAID((d, i) -> new ClosedForUnpaidFee(ID, d, at(d))),
        OUTCOME((d, i) -> new OutcomeCorrected(ID, null, Outcome.values()[i % Outcome.values().length],
                List.of(), "更正", at(d))),
        CONCLUSION_DATE((d, i) -> new ConclusionDateCorrected(ID, null, d, "更正", at(d))),
        ERASE((d, i) -> new ApplicantDataErased(ID, ErasureGround.values()[i % ErasureGround.values().length], at(d)));

        final BiFunction<LocalDate, Integer, DisclosureRequestEvent> make;

        Step(BiFunction<LocalDate, Integer, DisclosureRequestEvent> make) {
            this.make = make;
        }
    }

    static Recorded at(LocalDate day) {
        return new Recorded("officer-li", day.atStartOfDay(Recorded.ZONE).toInstant().plusSeconds(36_000));
    }

    static RequestReceived received() {
        return new RequestReceived(ID, ID.agencyId(), ID.trackingNumber(), Channel.INTERNET, START,
                new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null), "事项", "王芳", at(START));
    }

    static List<DisclosureRequestEvent> history(List<Step> steps, List<Integer> gaps) {
        List<DisclosureRequestEvent> history = new ArrayList<>(List.of(received()));
        LocalDate day = START;
        for (int i = 0; i < steps.size(); i++) {
            day = day.plusDays(gaps.get(i % gaps.size()));
            history.add(steps.get(i).make.apply(day, i));
        }
        return history;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Integer>> gaps() {
        return Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 400)
    void everyReaderAgreesOnAGeneratedHistory(@ForAll("steps") List<Step> steps, @ForAll("gaps") List<Integer> gaps) {
        assertAgree(history(steps, gaps));
    }

    /** The paths of the aggregate tests, among them the disagreement of issue 8. */
    @Example
    void everyReaderAgreesOnTheAggregateTestsPaths() {
        List<List<Step>> paths = List.of(
                List.of(Step.CONSULT, Step.FEE, Step.PAY),
                List.of(Step.CORRECTION, Step.SUPPLY, Step.CONSULT, Step.ANSWER, Step.REPLY),
                List.of(Step.CORRECTION, Step.CLOSE_MISSING, Step.CONCLUSION_DATE),
                List.of(Step.FEE, Step.CLOSE_UNPAID, Step.OUTCOME),
                List.of(Step.CONSULT, Step.EXPIRE, Step.EXTEND, Step.REPLY, Step.OUTCOME, Step.CONCLUSION_DATE),
                List.of(Step.CORRECTION, Step.WITHDRAW, Step.OUTCOME),
                List.of(Step.WITHDRAW),
                List.of(Step.APPLICANT, Step.RECEIPT, Step.OFFICER, Step.RECOMPUTED, Step.REPLY));
        for (List<Step> path : paths) {
            assertAgree(history(path, List.of(3)));
        }
        assertThat(CaseSummaryFold.fold(envelopes(history(paths.get(0), List.of(3)))).orElseThrow().status())
                .isEqualTo(CaseStatus.IN_CONSULTATION);
    }

    private static void assertAgree(List<DisclosureRequestEvent> history) {
        ClockReading clock = CLOCK.read(history);
        CaseSummary summary = CaseSummaryFold.fold(envelopes(history)).orElseThrow();
        RequestCase counted = RequestCase.replay("r", List.copyOf(history)).orElseThrow();
        String path = history.stream().map(e -> e.getClass().getSimpleName()).toList().toString();

        assertThat(summary.status()).as("status " + path).isEqualTo(caseStatus(clock.status()));
        assertThat(summary.openedOn()).as("receipt " + path).isEqualTo(clock.receivedOn()).isEqualTo(counted.receivedOn());
        assertThat(summary.concludedOn()).as("conclusion " + path).isEqualTo(clock.concludedOn());
        assertThat(counted.concludedOn()).as("counted conclusion " + path).isEqualTo(clock.concludedOn() == null ? null
                : CountingRules.countedConclusionDate(clock.receivedOn(), clock.concludedOn()));
        if (clock.status().open()) {
            assertThat(counted.outcome()).as(path).isNull();
            assertThat(summary.outcome()).as(path).isNull();
        } else {
            Outcome shown = Outcome.fromKey(summary.outcome().key());
            List<Outcome> reasons = summary.secondaryReasons().stream().map(l -> Outcome.fromKey(l.key())).toList();
            assertThat(CountingRules.countedOutcome(shown, reasons)).as("counted outcome " + path)
                    .isEqualTo(counted.outcome())
                    .isEqualTo(CountingRules.countedOutcome((RequestLifecycle.Concluded) RequestLifecycle.replay(history)));
        }
    }

    private static CaseStatus caseStatus(RequestStatus status) {
        return switch (status) {
            case REGISTERED, EXTENDED -> CaseStatus.OPEN;
            case AWAITING_CORRECTION -> CaseStatus.AWAITING_CORRECTION;
            case CONSULTING -> CaseStatus.IN_CONSULTATION;
            case AWAITING_FEE -> CaseStatus.AWAITING_FEE;
            case REPLIED, CLOSED, WITHDRAWN -> CaseStatus.CONCLUDED;
        };
    }

    private static List<EventEnvelope> envelopes(List<DisclosureRequestEvent> history) {
        return IntStream.range(0, history.size()).mapToObj(i -> EventEnvelope.of(i, history.get(i))).toList();
    }

    // --- no reader ignores an event type silently

    /** The prerequisite steps after which each step makes a difference. */
    private static List<Step> before(Step step) {
        return switch (step) {
            case SUPPLY, CLOSE_MISSING -> List.of(Step.CORRECTION);
            case ANSWER, EXPIRE -> List.of(Step.CONSULT);
            case PAY, CLOSE_UNPAID -> List.of(Step.FEE);
            case OUTCOME, CONCLUSION_DATE -> List.of(Step.REPLY);
            default -> List.of();
        };
    }

    @Example
    void theStepsCoverEveryEventTypeAndEachReaderUsesOrDeclinesEach() {
        Set<Class<?>> generated = new LinkedHashSet<>(List.of(RequestReceived.class));
        for (Step step : Step.values()) {
            generated.add(step.make.apply(START, 1).getClass());
        }
        assertThat(generated).containsExactlyInAnyOrderElementsOf(EventTypes.under(DisclosureRequestEvent.class));

        for (Step step : EnumSet.allOf(Step.class)) {
            List<DisclosureRequestEvent> prior = history(before(step), List.of(2));
            List<DisclosureRequestEvent> after = new ArrayList<>(prior);
            after.add(step.make.apply(START.plusDays(30), 7));
            Class<?> type = after.get(after.size() - 1).getClass();
            assertUsedOrDeclined("clock", type, CLOCK_IGNORES, !Objects.equals(CLOCK.read(prior),
                    CLOCK.read(after)));
            assertUsedOrDeclined("case summary", type, SUMMARY_IGNORES,
                    !withoutTimeline(CaseSummaryFold.fold(envelopes(prior)).orElseThrow())
                            .equals(withoutTimeline(CaseSummaryFold.fold(envelopes(after)).orElseThrow())));
            assertUsedOrDeclined("report", type, REPORT_IGNORES,
                    !RequestCase.replay("r", List.copyOf(prior)).equals(RequestCase.replay("r", List.copyOf(after))));
        }
    }

    private static void assertUsedOrDeclined(String reader, Class<?> type, Set<Class<?>> declined, boolean changed) {
        assertThat(changed || declined.contains(type))
                .as(reader + " neither uses " + type.getSimpleName() + " nor declares that it does not").isTrue();
        assertThat(changed && declined.contains(type))
                .as(reader + " declares it does not use " + type.getSimpleName() + ", but it does").isFalse();
    }


    private static CaseSummary withoutTimeline(CaseSummary s) {
        return new CaseSummary(s.id(), s.caseType(), s.agencyId(), s.status(), s.reference(), s.openedOn(), s.year(),
                s.party(), s.subject(), s.channel(), s.handlingOfficer(), s.forum(), s.route(), s.outcome(),
                s.secondaryReasons(), s.decision(), s.concludedOn(), s.linkedRequestId(), s.linkedReconsiderationId(),
                0, Instant.EPOCH, List.of());
    }

}
