package cn.gongkai.ledger.command.request;

import static cn.gongkai.ledger.command.rules.Refusals.conflict;
import static cn.gongkai.ledger.command.rules.Refusals.recordedOn;
import static cn.gongkai.ledger.command.rules.Refusals.unprocessable;
import static cn.gongkai.ledger.command.rules.Refusals.unprocessableUntil;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.AnswerConsultation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ApproveExtension;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.AssignOfficer;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CloseForMissingCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CloseForUnpaidFee;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectApplicantType;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectConclusionDate;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectOutcome;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectReceiptDate;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.EraseApplicantData;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ExpireConsultation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.NotifyFee;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.PayFee;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RecordDueDateRecomputation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReplyToRequest;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RequestCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.StartConsultation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.SupplyCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.WithdrawRequest;
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
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.calendar.CalendarRegistry;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.StatutoryWindows;
import cn.gongkai.ledger.command.AxonCommandTargets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisclosureRequestTest {
    private static final RequestId ID = new RequestId("ninghe-commerce:2024-0001");
    private static final LocalDate RECEIVED_ON = day(3, 1);
    private static final LocalDate TODAY = day(6, 28);
    private static final Recorded NOW = recordedOn(TODAY);
    private static final Applicant APPLICANT =
            new Applicant(ApplicantType.NATURAL_PERSON, "张三", "110101199001011234", "13800000000");
    private static final String SUBJECT = "2023年本局行政许可决定书";
    private static final String REPLY_NUMBER = "宁商公开〔2024〕3号";
    private static final String REASON = "登记时录入错误";

    private FixtureConfiguration<DisclosureRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        fixture.registerCommandTargetResolver(new AxonCommandTargets());
        fixture.registerInjectableResource(StatutoryWindows.of(CalendarRegistry.of(WorkingDayCalendar.national())));
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2024, month, dayOfMonth);
    }

    // --- the history a test starts from

    private static RequestReceived received() {
        return new RequestReceived(ID, ID.agencyId(), ID.trackingNumber(), Channel.INTERNET, RECEIVED_ON, APPLICANT,
                SUBJECT, "王芳", recordedOn(RECEIVED_ON));
    }

    private static CorrectionRequested correctionRequested() {
        return new CorrectionRequested(ID, day(3, 4), day(3, 18), "所需信息的文号或名称", NOW);
    }

    private static CorrectionSupplied correctionSupplied() {
        return new CorrectionSupplied(ID, day(3, 11), NOW);
    }

    private static ConsultationStarted consultationStarted() {
        return new ConsultationStarted(ID, "宁和商贸有限公司", day(3, 5), NOW);
    }

    private static ConsultationAnswered consultationAnswered() {
        return new ConsultationAnswered(ID, day(3, 15), "不同意公开", NOW);
    }

    private static FeeNotified feeNotified() {
        return new FeeNotified(ID, day(3, 6), FeeScale.PER_VOLUME, new BigDecimal("400.00"), NOW);
    }

    private static FeePaid feePaid() {
        return new FeePaid(ID, day(3, 12), NOW);
    }

    private static RequestReplied replied(Outcome outcome, Outcome... reasons) {
        return new RequestReplied(ID, day(4, 10), outcome, List.of(reasons), REPLY_NUMBER, NOW);
    }

    private static RequestWithdrawn withdrawn() {
        return new RequestWithdrawn(ID, day(3, 8), "已通过其他途径获取", NOW);
    }

    // --- commands

    private static ReceiveRequest receive(LocalDate receivedOn) {
        return new ReceiveRequest(ID, Channel.INTERNET, receivedOn, APPLICANT, SUBJECT, "王芳", NOW);
    }

    private static ReplyToRequest reply(LocalDate repliedOn, Outcome outcome, Outcome... reasons) {
        return new ReplyToRequest(ID, repliedOn, outcome, List.of(reasons), REPLY_NUMBER, NOW);
    }

    private static ReplyToRequest reply(Outcome outcome, Outcome... reasons) {
        return reply(day(4, 10), outcome, reasons);
    }

    private static RequestCorrection requestCorrection(LocalDate requestedOn, LocalDate supplyBy) {
        return new RequestCorrection(ID, requestedOn, supplyBy, "所需信息的文号或名称", NOW);
    }

    private static StartConsultation startConsultation(LocalDate sentOn) {
        return new StartConsultation(ID, "宁和商贸有限公司", sentOn, NOW);
    }

    private static NotifyFee notifyFee(LocalDate notifiedOn, String amount) {
        return new NotifyFee(ID, notifiedOn, FeeScale.PER_VOLUME, new BigDecimal(amount), NOW);
    }

    private static ApproveExtension approveExtension(LocalDate approvedOn, int workingDays, String approver) {
        return new ApproveExtension(ID, approvedOn, workingDays, approver, "需调取档案", NOW);
    }

    @Nested
    class Receiving {
        @Test
        void registersTheRequestUnderItsAgencyAndTrackingNumber() {
            fixture.givenNoPriorActivity()
                    .when(receive(RECEIVED_ON))
                    .expectEvents(new RequestReceived(ID, ID.agencyId(), "2024-0001", Channel.INTERNET, RECEIVED_ON,
                            APPLICANT, SUBJECT, "王芳", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void acceptsAReceiptOnTheRecordingDay() {
            fixture.givenNoPriorActivity()
                    .when(receive(TODAY))
                    .expectEvents(new RequestReceived(ID, ID.agencyId(), "2024-0001", Channel.INTERNET, TODAY,
                            APPLICANT, SUBJECT, "王芳", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesATrackingNumberAlreadyRegisteredInTheAgency() {
            fixture.given(received())
                    .when(receive(RECEIVED_ON))
                    .expectNoEvents()
                    .expectException(conflict("REQUEST_ALREADY_REGISTERED"));
        }

        @Test
        void refusesAReceiptDateAfterTheRecordingDay() {
            fixture.givenNoPriorActivity()
                    .when(receive(TODAY.plusDays(1)))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAMissingReceiptDate() {
            fixture.givenNoPriorActivity()
                    .when(receive(null))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAMissingChannel() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveRequest(ID, null, RECEIVED_ON, APPLICANT, SUBJECT, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAMissingApplicant() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveRequest(ID, Channel.IN_PERSON, RECEIVED_ON, null, SUBJECT, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesABlankSubject() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveRequest(ID, Channel.IN_PERSON, RECEIVED_ON, APPLICANT, "  ", null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void aCommandForAnUnregisteredRequestFindsNoAggregate() {
            fixture.givenNoPriorActivity()
                    .when(new AssignOfficer(ID, "赵敏", NOW))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class AssigningAnOfficer {
        @Test
        void handsTheCaseToAnotherOfficer() {
            fixture.given(received())
                    .when(new AssignOfficer(ID, "赵敏", NOW))
                    .expectEvents(new OfficerAssigned(ID, "赵敏", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesTheOfficerAlreadyInCharge() {
            fixture.given(received(), new OfficerAssigned(ID, "赵敏", NOW))
                    .when(new AssignOfficer(ID, "赵敏", NOW))
                    .expectException(conflict("NOTHING_CHANGED"));
        }

        @Test
        void refusesABlankOfficer() {
            fixture.given(received())
                    .when(new AssignOfficer(ID, " ", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAfterConclusion() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new AssignOfficer(ID, "赵敏", NOW))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }
    }

    @Nested
    class Correction {
        @Test
        void isRequestedOnceWithWhatIsMissingAndAPeriod() {
            fixture.given(received())
                    .when(requestCorrection(day(3, 4), day(3, 18)))
                    .expectEvents(correctionRequested())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void isSuppliedAndTheRequestCanThenBeProcessed() {
            fixture.given(received(), correctionRequested())
                    .when(new SupplyCorrection(ID, day(3, 11), NOW))
                    .expectEvents(correctionSupplied())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayBeSuppliedOnTheDayItWasRequested() {
            fixture.given(received(), correctionRequested())
                    .when(new SupplyCorrection(ID, day(3, 4), NOW))
                    .expectEvents(new CorrectionSupplied(ID, day(3, 4), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void notSuppliedClosesTheRequestAfterThePeriod() {
            fixture.given(received(), correctionRequested())
                    .when(new CloseForMissingCorrection(ID, day(3, 19), NOW))
                    .expectEvents(new ClosedForMissingCorrection(ID, day(3, 19), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondRequest() {
            fixture.given(received(), correctionRequested(), correctionSupplied())
                    .when(requestCorrection(day(3, 12), day(3, 20)))
                    .expectException(conflict("CORRECTION_ALREADY_REQUESTED"));
        }

        @Test
        void refusesARequestAfterConclusion() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(requestCorrection(day(4, 11), day(4, 20)))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void refusesARequestOnceProcessingStarted() {
            fixture.given(received(), consultationStarted())
                    .when(requestCorrection(day(3, 6), day(3, 20)))
                    .expectException(conflict("CORRECTION_AFTER_PROCESSING"));
        }

        @Test
        void refusesARequestBeforeReceipt() {
            fixture.given(received())
                    .when(requestCorrection(day(2, 28), day(3, 18)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesARequestDatedInTheFuture() {
            fixture.given(received())
                    .when(requestCorrection(TODAY.plusDays(1), TODAY.plusDays(10)))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAPeriodEndingOnTheDayOfTheRequest() {
            fixture.given(received())
                    .when(requestCorrection(day(3, 4), day(3, 4)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesARequestThatDoesNotSayWhatIsMissing() {
            fixture.given(received())
                    .when(new RequestCorrection(ID, day(3, 4), day(3, 18), "", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesSupplyWhenNoneWasRequested() {
            fixture.given(received())
                    .when(new SupplyCorrection(ID, day(3, 11), NOW))
                    .expectException(conflict("NO_CORRECTION_PENDING"));
        }

        @Test
        void refusesASecondSupply() {
            fixture.given(received(), correctionRequested(), correctionSupplied())
                    .when(new SupplyCorrection(ID, day(3, 12), NOW))
                    .expectException(conflict("NO_CORRECTION_PENDING"));
        }

        @Test
        void refusesSupplyBeforeItWasRequested() {
            fixture.given(received(), correctionRequested())
                    .when(new SupplyCorrection(ID, day(3, 3), NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesSupplyAfterWithdrawal() {
            fixture.given(received(), correctionRequested(), withdrawn())
                    .when(new SupplyCorrection(ID, day(3, 11), NOW))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void refusesClosingWhenNoCorrectionIsAwaited() {
            fixture.given(received(), correctionRequested(), correctionSupplied())
                    .when(new CloseForMissingCorrection(ID, day(3, 19), NOW))
                    .expectException(conflict("NO_CORRECTION_PENDING"));
        }

        @ParameterizedTest
        @ValueSource(ints = {5, 18})
        void refusesClosingBeforeThePeriodIsOver(int dayOfMarch) {
            fixture.given(received(), correctionRequested())
                    .when(new CloseForMissingCorrection(ID, day(3, dayOfMarch), NOW))
                    .expectException(unprocessableUntil("CORRECTION_PERIOD_RUNNING", day(3, 19)));
        }

        /** supplyBy Friday 2024-03-29: the next working day is Monday 04-01, not Saturday 03-30. */
        @Test
        void refusesClosingOnTheWeekendAfterThePeriodAndAcceptsTheNextWorkingDay() {
            CorrectionRequested untilFriday = new CorrectionRequested(ID, day(3, 4), day(3, 29), "所需信息的文号或名称", NOW);
            fixture.given(received(), untilFriday)
                    .when(new CloseForMissingCorrection(ID, day(3, 30), NOW))
                    .expectException(unprocessableUntil("CORRECTION_PERIOD_RUNNING", day(4, 1)));
            fixture.given(received(), untilFriday)
                    .when(new CloseForMissingCorrection(ID, day(4, 1), NOW))
                    .expectEvents(new ClosedForMissingCorrection(ID, day(4, 1), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesClosingAWithdrawnRequest() {
            fixture.given(received(), correctionRequested(), withdrawn())
                    .when(new CloseForMissingCorrection(ID, day(3, 19), NOW))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void blocksProcessingWhileAwaited() {
            fixture.given(received(), correctionRequested())
                    .when(startConsultation(day(3, 5)))
                    .expectException(conflict("CORRECTION_PENDING"));
        }

        @Test
        void blocksAFeeWhileAwaited() {
            fixture.given(received(), correctionRequested())
                    .when(notifyFee(day(3, 5), "100"))
                    .expectException(conflict("CORRECTION_PENDING"));
        }

        @Test
        void blocksAnExtensionWhileAwaited() {
            fixture.given(received(), correctionRequested())
                    .when(approveExtension(day(3, 5), 20, "刘主任"))
                    .expectException(conflict("CORRECTION_PENDING"));
        }

        @Test
        void blocksAReplyWhileAwaited() {
            fixture.given(received(), correctionRequested())
                    .when(reply(Outcome.UNAVAILABLE_NOT_HELD))
                    .expectException(conflict("CORRECTION_PENDING"));
        }

        @Test
        void restartsTheRequestSoLaterStepsCannotPrecedeTheSupply() {
            fixture.given(received(), correctionRequested(), correctionSupplied())
                    .when(startConsultation(day(3, 10)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void allowsStepsFromTheDayOfTheSupply() {
            fixture.given(received(), correctionRequested(), correctionSupplied())
                    .when(startConsultation(day(3, 11)))
                    .expectEvents(new ConsultationStarted(ID, "宁和商贸有限公司", day(3, 11), NOW))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Consultation {
        @Test
        void startsWithTheConsultedParty() {
            fixture.given(received())
                    .when(startConsultation(day(3, 5)))
                    .expectEvents(consultationStarted())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void isAnswered() {
            fixture.given(received(), consultationStarted())
                    .when(new AnswerConsultation(ID, day(3, 15), "不同意公开", NOW))
                    .expectEvents(consultationAnswered())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void expires() {
            fixture.given(received(), consultationStarted())
                    .when(new ExpireConsultation(ID, day(3, 27), NOW))
                    .expectEvents(new ConsultationExpired(ID, day(3, 27), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayBeFollowedByAnotherOnceClosed() {
            fixture.given(received(), consultationStarted(), consultationAnswered())
                    .when(new StartConsultation(ID, "市场监管局", day(3, 16), NOW))
                    .expectEvents(new ConsultationStarted(ID, "市场监管局", day(3, 16), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondWhileOneIsOpen() {
            fixture.given(received(), consultationStarted())
                    .when(startConsultation(day(3, 6)))
                    .expectException(conflict("CONSULTATION_OPEN"));
        }

        @Test
        void refusesAStartBeforeReceipt() {
            fixture.given(received())
                    .when(startConsultation(day(2, 29)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAStartDatedInTheFuture() {
            fixture.given(received())
                    .when(startConsultation(TODAY.plusDays(1)))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesABlankConsultedParty() {
            fixture.given(received())
                    .when(new StartConsultation(ID, "", day(3, 5), NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAStartAfterConclusion() {
            fixture.given(received(), withdrawn())
                    .when(startConsultation(day(3, 9)))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void refusesAnAnswerWhenNoneIsOpen() {
            fixture.given(received(), consultationStarted(), consultationAnswered())
                    .when(new AnswerConsultation(ID, day(3, 16), "同意公开", NOW))
                    .expectException(conflict("NO_CONSULTATION_OPEN"));
        }

        @Test
        void refusesAnAnswerBeforeTheConsultationWasSent() {
            fixture.given(received(), consultationStarted())
                    .when(new AnswerConsultation(ID, day(3, 4), "不同意公开", NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAnAnswerDatedInTheFuture() {
            fixture.given(received(), consultationStarted())
                    .when(new AnswerConsultation(ID, TODAY.plusDays(1), "不同意公开", NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAnExpiryWhenNoneIsOpen() {
            fixture.given(received())
                    .when(new ExpireConsultation(ID, day(3, 27), NOW))
                    .expectException(conflict("NO_CONSULTATION_OPEN"));
        }

        @Test
        void refusesAnExpiryOnTheDayItWasSent() {
            fixture.given(received(), consultationStarted())
                    .when(new ExpireConsultation(ID, day(3, 5), NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        /** Sent Tuesday 2024-03-05: the 15th working day is Tuesday 03-26; expiry is recorded from 03-27. */
        @ParameterizedTest
        @ValueSource(ints = {6, 20, 26})
        void refusesAnExpiryWithinTheFifteenWorkingDays(int dayOfMarch) {
            fixture.given(received(), consultationStarted())
                    .when(new ExpireConsultation(ID, day(3, dayOfMarch), NOW))
                    .expectException(unprocessableUntil("CONSULTATION_PERIOD_RUNNING", day(3, 27)));
        }

        @Test
        void refusesAnAnswerAfterConclusion() {
            fixture.given(received(), consultationStarted(), withdrawn())
                    .when(new AnswerConsultation(ID, day(3, 9), "同意公开", NOW))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void blocksAReplyWhileOpen() {
            fixture.given(received(), consultationStarted())
                    .when(reply(Outcome.DISCLOSED))
                    .expectException(conflict("CONSULTATION_OPEN"));
        }
    }

    @Nested
    class Fee {
        @Test
        void isNotified() {
            fixture.given(received())
                    .when(notifyFee(day(3, 6), "400.00"))
                    .expectEvents(feeNotified())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void isPaid() {
            fixture.given(received(), feeNotified())
                    .when(new PayFee(ID, day(3, 12), NOW))
                    .expectEvents(feePaid())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void unpaidClosesTheRequest() {
            fixture.given(received(), feeNotified())
                    .when(new CloseForUnpaidFee(ID, day(4, 8), NOW))
                    .expectEvents(new ClosedForUnpaidFee(ID, day(4, 8), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayBeNotifiedAgainOncePaid() {
            fixture.given(received(), feeNotified(), feePaid())
                    .when(notifyFee(day(3, 13), "0.50"))
                    .expectEvents(new FeeNotified(ID, day(3, 13), FeeScale.PER_VOLUME, new BigDecimal("0.50"), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondNoticeWhileOneIsUnpaid() {
            fixture.given(received(), feeNotified())
                    .when(notifyFee(day(3, 7), "100"))
                    .expectException(conflict("FEE_AWAITING_PAYMENT"));
        }

        @Test
        void refusesAZeroAmount() {
            fixture.given(received())
                    .when(notifyFee(day(3, 6), "0.00"))
                    .expectException(unprocessable("NUMBER_NOT_POSITIVE"));
        }

        @Test
        void refusesANegativeAmount() {
            fixture.given(received())
                    .when(notifyFee(day(3, 6), "-100"))
                    .expectException(unprocessable("NUMBER_NEGATIVE"));
        }

        @Test
        void refusesFractionsOfAFen() {
            fixture.given(received())
                    .when(notifyFee(day(3, 6), "100.005"))
                    .expectException(unprocessable("AMOUNT_TOO_PRECISE"));
        }

        @Test
        void refusesAMissingScale() {
            fixture.given(received())
                    .when(new NotifyFee(ID, day(3, 6), null, new BigDecimal("100"), NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesANoticeBeforeReceipt() {
            fixture.given(received())
                    .when(notifyFee(day(2, 28), "100"))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesANoticeAfterConclusion() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(notifyFee(day(4, 11), "100"))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void refusesPaymentWhenNothingIsDue() {
            fixture.given(received(), feeNotified(), feePaid())
                    .when(new PayFee(ID, day(3, 13), NOW))
                    .expectException(conflict("NO_FEE_AWAITING_PAYMENT"));
        }

        @Test
        void refusesPaymentBeforeTheNotice() {
            fixture.given(received(), feeNotified())
                    .when(new PayFee(ID, day(3, 5), NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesPaymentDatedInTheFuture() {
            fixture.given(received(), feeNotified())
                    .when(new PayFee(ID, TODAY.plusDays(1), NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesClosingWhenNothingIsDue() {
            fixture.given(received())
                    .when(new CloseForUnpaidFee(ID, day(4, 8), NOW))
                    .expectException(conflict("NO_FEE_AWAITING_PAYMENT"));
        }

        @Test
        void refusesClosingOnTheDayOfTheNotice() {
            fixture.given(received(), feeNotified())
                    .when(new CloseForUnpaidFee(ID, day(3, 6), NOW))
                    .expectException(unprocessableUntil("FEE_PERIOD_RUNNING", day(4, 7)));
        }

        /**
         * Notified Wednesday 2024-03-06: the applicant's 20 working days end Wednesday 04-03; 04-04..06 are
         * Qingming, so the request may be closed as 三.六.2 from Sunday 04-07 (a 调休 working day). Closing the day
         * after the notice, as the ledger once allowed, is refused.
         */
        @ParameterizedTest
        @ValueSource(strings = {"2024-03-07", "2024-04-03", "2024-04-06"})
        void refusesClosingWhileTheApplicantMayStillPay(String closedOn) {
            fixture.given(received(), feeNotified())
                    .when(new CloseForUnpaidFee(ID, LocalDate.parse(closedOn), NOW))
                    .expectException(unprocessableUntil("FEE_PERIOD_RUNNING", day(4, 7)));
        }

        @Test
        void closesOnTheFirstDayAfterThePaymentPeriod() {
            fixture.given(received(), feeNotified())
                    .when(new CloseForUnpaidFee(ID, day(4, 7), NOW))
                    .expectEvents(new ClosedForUnpaidFee(ID, day(4, 7), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesClosingBeforeTheLastStep() {
            fixture.given(received(), feeNotified(), consultationStarted(), consultationAnswered())
                    .when(new CloseForUnpaidFee(ID, day(3, 14), NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesClosingAfterConclusion() {
            fixture.given(received(), feeNotified(), withdrawn())
                    .when(new CloseForUnpaidFee(ID, day(4, 8), NOW))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void blocksAReplyWhileUnpaid() {
            fixture.given(received(), feeNotified())
                    .when(reply(Outcome.DISCLOSED))
                    .expectException(conflict("FEE_AWAITING_PAYMENT"));
        }
    }

    @Nested
    class Extension {
        @ParameterizedTest
        @ValueSource(ints = {1, 20})
        void isApprovedOnceForOneToTwentyWorkingDays(int workingDays) {
            fixture.given(received())
                    .when(approveExtension(day(3, 20), workingDays, "刘主任"))
                    .expectEvents(new ExtensionApproved(ID, day(3, 20), workingDays, "刘主任", "需调取档案", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondExtension() {
            fixture.given(received(), new ExtensionApproved(ID, day(3, 20), 10, "刘主任", "需调取档案", NOW))
                    .when(approveExtension(day(3, 25), 10, "刘主任"))
                    .expectException(conflict("EXTENSION_ALREADY_APPROVED"));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, 21})
        void refusesAnExtensionOutsideOneToTwentyWorkingDays(int workingDays) {
            fixture.given(received())
                    .when(approveExtension(day(3, 20), workingDays, "刘主任"))
                    .expectException(unprocessable("EXTENSION_DAYS_OUT_OF_RANGE"));
        }

        @ParameterizedTest
        @ValueSource(ints = {16, 20})
        void refusesMoreThanFifteenDaysForARequestReceivedBeforeThe2019Regulation(int workingDays) {
            LocalDate may14 = LocalDate.of(2019, 5, 14);
            fixture.given(new RequestReceived(ID, ID.agencyId(), ID.trackingNumber(), Channel.INTERNET, may14, APPLICANT,
                            SUBJECT, "王芳", recordedOn(may14)))
                    .when(approveExtension(LocalDate.of(2019, 5, 20), workingDays, "刘主任"))
                    .expectException(unprocessable("EXTENSION_DAYS_OUT_OF_RANGE"));
        }

        @Test
        void allowsFifteenDaysUnderTheOldRegulationAndTwentyFrom20190515() {
            LocalDate may14 = LocalDate.of(2019, 5, 14);
            fixture.given(new RequestReceived(ID, ID.agencyId(), ID.trackingNumber(), Channel.INTERNET, may14, APPLICANT,
                            SUBJECT, "王芳", recordedOn(may14)))
                    .when(approveExtension(LocalDate.of(2019, 5, 20), 15, "刘主任"))
                    .expectEvents(new ExtensionApproved(ID, LocalDate.of(2019, 5, 20), 15, "刘主任", "需调取档案", NOW))
                    .expectSuccessfulHandlerExecution();
            LocalDate may15 = LocalDate.of(2019, 5, 15);
            fixture.given(new RequestReceived(ID, ID.agencyId(), ID.trackingNumber(), Channel.INTERNET, may15, APPLICANT,
                            SUBJECT, "王芳", recordedOn(may15)))
                    .when(approveExtension(LocalDate.of(2019, 5, 20), 20, "刘主任"))
                    .expectEvents(new ExtensionApproved(ID, LocalDate.of(2019, 5, 20), 20, "刘主任", "需调取档案", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theLimitFollowsACorrectedReceiptDate() {
            LocalDate may15 = LocalDate.of(2019, 5, 15);
            fixture.given(new RequestReceived(ID, ID.agencyId(), ID.trackingNumber(), Channel.INTERNET, may15, APPLICANT,
                            SUBJECT, "王芳", recordedOn(may15)),
                            new ReceiptDateCorrected(ID, may15, LocalDate.of(2019, 5, 13), REASON, NOW))
                    .when(approveExtension(LocalDate.of(2019, 5, 20), 20, "刘主任"))
                    .expectException(unprocessable("EXTENSION_DAYS_OUT_OF_RANGE"));
        }

        @Test
        void refusesAnExtensionWithoutApprover() {
            fixture.given(received())
                    .when(approveExtension(day(3, 20), 20, " "))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAnExtensionBeforeReceipt() {
            fixture.given(received())
                    .when(approveExtension(day(2, 20), 20, "刘主任"))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAnExtensionDatedInTheFuture() {
            fixture.given(received())
                    .when(approveExtension(TODAY.plusDays(1), 20, "刘主任"))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAnExtensionAfterConclusion() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(approveExtension(day(4, 11), 20, "刘主任"))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }
    }

    @Nested
    class Reply {
        @Test
        void concludesWithAPrimaryOutcomeAndSecondaryReasons() {
            fixture.given(received())
                    .when(reply(Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS,
                            Outcome.UNAVAILABLE_NOT_HELD))
                    .expectEvents(replied(Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS,
                            Outcome.UNAVAILABLE_NOT_HELD))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void treatsMissingSecondaryReasonsAsNone() {
            fixture.given(received())
                    .when(new ReplyToRequest(ID, day(4, 10), Outcome.DISCLOSED, null, null, NOW))
                    .expectEvents(new RequestReplied(ID, day(4, 10), Outcome.DISCLOSED, List.of(), null, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayBeGivenOnTheDayOfReceipt() {
            fixture.given(received())
                    .when(reply(RECEIVED_ON, Outcome.NOT_PROCESSED_PUBLICATION))
                    .expectEvents(new RequestReplied(ID, RECEIVED_ON, Outcome.NOT_PROCESSED_PUBLICATION, List.of(),
                            REPLY_NUMBER, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void followsAConsultationAFeeAndAnExtension() {
            fixture.given(received(), consultationStarted(), feeNotified(), feePaid(), consultationAnswered(),
                            new ExtensionApproved(ID, day(3, 20), 20, "刘主任", null, NOW))
                    .when(reply(Outcome.WITHHELD_THIRD_PARTY_RIGHTS))
                    .expectEvents(replied(Outcome.WITHHELD_THIRD_PARTY_RIGHTS))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void saysStillUnclearOnlyAfterACorrectionWasSupplied() {
            fixture.given(received(), correctionRequested(), correctionSupplied())
                    .when(reply(Outcome.UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION))
                    .expectEvents(replied(Outcome.UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesStillUnclearWithoutACorrection() {
            fixture.given(received())
                    .when(reply(Outcome.UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION))
                    .expectException(unprocessable("OUTCOME_CONTRADICTS_HISTORY"));
        }

        @Test
        void refusesASecondReply() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(reply(day(4, 11), Outcome.DISCLOSED))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void refusesAReplyToAWithdrawnRequest() {
            fixture.given(received(), withdrawn())
                    .when(reply(Outcome.DISCLOSED))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void refusesAReplyWithoutOutcome() {
            fixture.given(received())
                    .when(reply(null))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @ParameterizedTest
        @EnumSource(value = Outcome.class, names = {"OTHER_CORRECTION_NOT_SUPPLIED", "OTHER_FEE_NOT_PAID"})
        void refusesTheOutcomesThatHaveTheirOwnClosing(Outcome closing) {
            fixture.given(received())
                    .when(reply(closing))
                    .expectException(unprocessable("OUTCOME_HAS_OWN_COMMAND"));
        }

        @ParameterizedTest
        @EnumSource(value = Outcome.class, names = {"DISCLOSED", "PARTIALLY_DISCLOSED"})
        void refusesADisclosureAsSecondaryReason(Outcome disclosure) {
            fixture.given(received())
                    .when(reply(Outcome.WITHHELD_THIRD_PARTY_RIGHTS, disclosure))
                    .expectException(unprocessable("SECONDARY_REASON_DISCLOSES"));
        }

        @Test
        void refusesThePrimaryOutcomeAsSecondaryReason() {
            fixture.given(received())
                    .when(reply(Outcome.WITHHELD_STATE_SECRET, Outcome.WITHHELD_STATE_SECRET))
                    .expectException(unprocessable("SECONDARY_REASON_IS_PRIMARY"));
        }

        @ParameterizedTest
        @EnumSource(value = Outcome.class, names = {"OTHER_CORRECTION_NOT_SUPPLIED", "OTHER_FEE_NOT_PAID"})
        void refusesAClosingAsSecondaryReason(Outcome closing) {
            fixture.given(received())
                    .when(reply(Outcome.WITHHELD_STATE_SECRET, closing))
                    .expectException(unprocessable("SECONDARY_REASON_IS_CLOSING"));
        }

        @Test
        void refusesARepeatedSecondaryReason() {
            fixture.given(received())
                    .when(reply(Outcome.PARTIALLY_DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD,
                            Outcome.UNAVAILABLE_NOT_HELD))
                    .expectException(unprocessable("SECONDARY_REASON_DUPLICATE"));
        }

        @Test
        void refusesAMissingSecondaryReason() {
            List<Outcome> reasons = new ArrayList<>();
            reasons.add(null);
            fixture.given(received())
                    .when(new ReplyToRequest(ID, day(4, 10), Outcome.PARTIALLY_DISCLOSED, reasons, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAFullDisclosureWithReasonsForWithholding() {
            fixture.given(received())
                    .when(reply(Outcome.DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS))
                    .expectException(unprocessable("FULL_DISCLOSURE_WITH_REASONS"));
        }

        @Test
        void refusesAReplyBeforeReceipt() {
            fixture.given(received())
                    .when(reply(day(2, 29), Outcome.DISCLOSED))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAReplyBeforeTheLastStep() {
            fixture.given(received(), consultationStarted(), consultationAnswered())
                    .when(reply(day(3, 14), Outcome.DISCLOSED))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAReplyDatedInTheFuture() {
            fixture.given(received())
                    .when(reply(TODAY.plusDays(1), Outcome.DISCLOSED))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class Withdrawal {
        @Test
        void concludesTheRequest() {
            fixture.given(received())
                    .when(new WithdrawRequest(ID, day(3, 8), "已通过其他途径获取", NOW))
                    .expectEvents(withdrawn())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void isPossibleWhileACorrectionIsAwaited() {
            fixture.given(received(), correctionRequested())
                    .when(new WithdrawRequest(ID, day(3, 8), "已通过其他途径获取", NOW))
                    .expectEvents(withdrawn())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAWithdrawalAfterConclusion() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new WithdrawRequest(ID, day(4, 11), null, NOW))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }

        @Test
        void refusesAWithdrawalBeforeTheLastStep() {
            fixture.given(received(), feeNotified(), feePaid())
                    .when(new WithdrawRequest(ID, day(3, 11), null, NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAWithdrawalDatedInTheFuture() {
            fixture.given(received())
                    .when(new WithdrawRequest(ID, TODAY.plusDays(1), null, NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class ApplicantTypeCorrection {
        @Test
        void recordsThePreviousAndCorrectedType() {
            fixture.given(received())
                    .when(new CorrectApplicantType(ID, ApplicantType.LEGAL_SERVICE_INSTITUTION, REASON, NOW))
                    .expectEvents(new ApplicantTypeCorrected(ID, ApplicantType.NATURAL_PERSON,
                            ApplicantType.LEGAL_SERVICE_INSTITUTION, REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void startsFromTheLastCorrectionAndIsPossibleAfterConclusion() {
            fixture.given(received(), new ApplicantTypeCorrected(ID, ApplicantType.NATURAL_PERSON,
                            ApplicantType.LEGAL_SERVICE_INSTITUTION, REASON, NOW), replied(Outcome.DISCLOSED))
                    .when(new CorrectApplicantType(ID, ApplicantType.COMMERCIAL_ENTERPRISE, REASON, NOW))
                    .expectEvents(new ApplicantTypeCorrected(ID, ApplicantType.LEGAL_SERVICE_INSTITUTION,
                            ApplicantType.COMMERCIAL_ENTERPRISE, REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesTheSameType() {
            fixture.given(received())
                    .when(new CorrectApplicantType(ID, ApplicantType.NATURAL_PERSON, REASON, NOW))
                    .expectException(conflict("NOTHING_CHANGED"));
        }

        @Test
        void refusesAMissingType() {
            fixture.given(received())
                    .when(new CorrectApplicantType(ID, null, REASON, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesACorrectionWithoutReason() {
            fixture.given(received())
                    .when(new CorrectApplicantType(ID, ApplicantType.COMMERCIAL_ENTERPRISE, "", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }

    @Nested
    class ReceiptDateCorrection {
        @Test
        void recordsThePreviousAndCorrectedDate() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectReceiptDate(ID, day(2, 28), REASON, NOW))
                    .expectEvents(new ReceiptDateCorrected(ID, RECEIVED_ON, day(2, 28), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayMoveUpToTheFirstStep() {
            fixture.given(received(), consultationStarted(), feeNotified())
                    .when(new CorrectReceiptDate(ID, day(3, 5), REASON, NOW))
                    .expectEvents(new ReceiptDateCorrected(ID, RECEIVED_ON, day(3, 5), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesADateAfterTheFirstStep() {
            fixture.given(received(), consultationStarted(), feeNotified())
                    .when(new CorrectReceiptDate(ID, day(3, 6), REASON, NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesADateAfterTheConclusion() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectReceiptDate(ID, day(4, 11), REASON, NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesTheSameDate() {
            fixture.given(received())
                    .when(new CorrectReceiptDate(ID, RECEIVED_ON, REASON, NOW))
                    .expectException(conflict("NOTHING_CHANGED"));
        }

        @Test
        void refusesADateInTheFuture() {
            fixture.given(received())
                    .when(new CorrectReceiptDate(ID, TODAY.plusDays(1), REASON, NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesACorrectionWithoutReason() {
            fixture.given(received())
                    .when(new CorrectReceiptDate(ID, day(2, 28), null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }

    @Nested
    class OutcomeCorrection {
        @Test
        void recordsThePreviousAndCorrectedOutcome() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectOutcome(ID, Outcome.PARTIALLY_DISCLOSED,
                            List.of(Outcome.WITHHELD_PROCESS_INFORMATION), REASON, NOW))
                    .expectEvents(new OutcomeCorrected(ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED,
                            List.of(Outcome.WITHHELD_PROCESS_INFORMATION), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void startsFromTheLastCorrection() {
            fixture.given(received(), replied(Outcome.DISCLOSED), new OutcomeCorrected(ID, Outcome.DISCLOSED,
                            Outcome.UNAVAILABLE_NOT_HELD, List.of(), REASON, NOW))
                    .when(new CorrectOutcome(ID, Outcome.NOT_PROCESSED_REPEATED, null, REASON, NOW))
                    .expectEvents(new OutcomeCorrected(ID, Outcome.UNAVAILABLE_NOT_HELD, Outcome.NOT_PROCESSED_REPEATED,
                            List.of(), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayChangeOnlyTheSecondaryReasons() {
            fixture.given(received(), replied(Outcome.PARTIALLY_DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD))
                    .when(new CorrectOutcome(ID, Outcome.PARTIALLY_DISCLOSED,
                            List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS), REASON, NOW))
                    .expectEvents(new OutcomeCorrected(ID, Outcome.PARTIALLY_DISCLOSED, Outcome.PARTIALLY_DISCLOSED,
                            List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayTurnAWithdrawalAfterAMissedCorrectionIntoAbandonment() {
            fixture.given(received(), correctionRequested(), new RequestWithdrawn(ID, day(3, 20), null, NOW))
                    .when(new CorrectOutcome(ID, Outcome.OTHER_CORRECTION_NOT_SUPPLIED, List.of(), REASON, NOW))
                    .expectEvents(new OutcomeCorrected(ID, null, Outcome.OTHER_CORRECTION_NOT_SUPPLIED,
                            List.of(), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAbandonmentConcludedBeforeTheCorrectionPeriodEnded() {
            fixture.given(received(), correctionRequested(), withdrawn())
                    .when(new CorrectOutcome(ID, Outcome.OTHER_CORRECTION_NOT_SUPPLIED, List.of(), REASON, NOW))
                    .expectException(unprocessableUntil("CORRECTION_PERIOD_RUNNING", day(3, 19)));
        }

        @Test
        void refusesAbandonmentWithoutAnAwaitedCorrection() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectOutcome(ID, Outcome.OTHER_CORRECTION_NOT_SUPPLIED, List.of(), REASON, NOW))
                    .expectException(unprocessable("OUTCOME_CONTRADICTS_HISTORY"));
        }

        @Test
        void refusesAnUnpaidFeeWithoutAFeeAwaitingPayment() {
            fixture.given(received(), feeNotified(), feePaid(), replied(Outcome.DISCLOSED))
                    .when(new CorrectOutcome(ID, Outcome.OTHER_FEE_NOT_PAID, List.of(), REASON, NOW))
                    .expectException(unprocessable("OUTCOME_CONTRADICTS_HISTORY"));
        }

        @Test
        void refusesStillUnclearWithoutACorrection() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectOutcome(ID, Outcome.UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION, List.of(),
                            REASON, NOW))
                    .expectException(unprocessable("OUTCOME_CONTRADICTS_HISTORY"));
        }

        @Test
        void refusesACorrectionBeforeConclusion() {
            fixture.given(received())
                    .when(new CorrectOutcome(ID, Outcome.DISCLOSED, List.of(), REASON, NOW))
                    .expectException(conflict("REQUEST_NOT_CONCLUDED"));
        }

        @Test
        void refusesTheSameOutcomeAndReasonsInAnyOrder() {
            fixture.given(received(), replied(Outcome.PARTIALLY_DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD,
                            Outcome.WITHHELD_STATE_SECRET))
                    .when(new CorrectOutcome(ID, Outcome.PARTIALLY_DISCLOSED,
                            List.of(Outcome.WITHHELD_STATE_SECRET, Outcome.UNAVAILABLE_NOT_HELD), REASON, NOW))
                    .expectException(conflict("NOTHING_CHANGED"));
        }

        @Test
        void refusesADisclosureAsSecondaryReason() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectOutcome(ID, Outcome.WITHHELD_STATE_SECRET, List.of(Outcome.PARTIALLY_DISCLOSED),
                            REASON, NOW))
                    .expectException(unprocessable("SECONDARY_REASON_DISCLOSES"));
        }

        @Test
        void refusesAMissingOutcome() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectOutcome(ID, null, List.of(), REASON, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesACorrectionWithoutReason() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectOutcome(ID, Outcome.UNAVAILABLE_NOT_HELD, List.of(), " ", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }

    @Nested
    class ConclusionDateCorrection {
        @Test
        void recordsThePreviousAndCorrectedDate() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectConclusionDate(ID, day(4, 9), REASON, NOW))
                    .expectEvents(new ConclusionDateCorrected(ID, day(4, 10), day(4, 9), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void startsFromTheLastCorrection() {
            fixture.given(received(), replied(Outcome.DISCLOSED),
                            new ConclusionDateCorrected(ID, day(4, 10), day(4, 9), REASON, NOW))
                    .when(new CorrectConclusionDate(ID, day(4, 12), REASON, NOW))
                    .expectEvents(new ConclusionDateCorrected(ID, day(4, 9), day(4, 12), REASON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesACorrectionBeforeConclusion() {
            fixture.given(received())
                    .when(new CorrectConclusionDate(ID, day(4, 9), REASON, NOW))
                    .expectException(conflict("REQUEST_NOT_CONCLUDED"));
        }

        @Test
        void refusesTheSameDate() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectConclusionDate(ID, day(4, 10), REASON, NOW))
                    .expectException(conflict("NOTHING_CHANGED"));
        }

        @Test
        void refusesADateBeforeReceipt() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectConclusionDate(ID, day(2, 29), REASON, NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesADateBeforeTheLastStep() {
            fixture.given(received(), consultationStarted(), consultationAnswered(), replied(Outcome.DISCLOSED))
                    .when(new CorrectConclusionDate(ID, day(3, 14), REASON, NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesMovingAnAbandonmentIntoTheCorrectionPeriod() {
            fixture.given(received(), correctionRequested(), new ClosedForMissingCorrection(ID, day(3, 19), NOW))
                    .when(new CorrectConclusionDate(ID, day(3, 18), REASON, NOW))
                    .expectException(unprocessableUntil("CORRECTION_PERIOD_RUNNING", day(3, 19)));
        }

        @Test
        void refusesADateInTheFuture() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new CorrectConclusionDate(ID, TODAY.plusDays(1), REASON, NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class DueDateRecomputation {
        @Test
        void recordsThatACalendarChangeMovedTheDueDate() {
            fixture.given(received())
                    .when(new RecordDueDateRecomputation(ID, "2024-v2", day(3, 29), day(4, 1), NOW))
                    .expectEvents(new DueDateRecomputed(ID, "2024-v2", day(3, 29), day(4, 1), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        /** Two replicas (or a repeated run) recomputing the same calendar change record it once. */
        @Test
        void refusesRecordingTheSameChangeTwice() {
            fixture.given(received(), new DueDateRecomputed(ID, "2024-v2", day(3, 29), day(4, 1), NOW))
                    .when(new RecordDueDateRecomputation(ID, "2024-v2", day(3, 29), day(4, 1), NOW))
                    .expectException(conflict(RecordDueDateRecomputation.ALREADY_RECORDED));
        }

        @Test
        void recordsTheNextCalendarsChange() {
            fixture.given(received(), new DueDateRecomputed(ID, "2024-v2", day(3, 29), day(4, 1), NOW))
                    .when(new RecordDueDateRecomputation(ID, "2024-v3", day(4, 1), day(4, 2), NOW))
                    .expectEvents(new DueDateRecomputed(ID, "2024-v3", day(4, 1), day(4, 2), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesADueDateThatDidNotMove() {
            fixture.given(received())
                    .when(new RecordDueDateRecomputation(ID, "2024-v2", day(3, 29), day(3, 29), NOW))
                    .expectException(conflict("NOTHING_CHANGED"));
        }

        @Test
        void refusesAMissingNewDueDate() {
            fixture.given(received())
                    .when(new RecordDueDateRecomputation(ID, "2024-v2", day(3, 29), null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesABlankCalendarVersion() {
            fixture.given(received())
                    .when(new RecordDueDateRecomputation(ID, "", day(3, 29), day(4, 1), NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAClosedRequest() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new RecordDueDateRecomputation(ID, "2024-v2", day(3, 29), day(4, 1), NOW))
                    .expectException(conflict("REQUEST_CONCLUDED"));
        }
    }

    /** 删除个人信息: any time after the receipt, concluded or not, once, on a legal ground; nothing else changes. */
    @Nested
    class Erasure {
        @Test
        void erasesTheApplicantsDataOfAConcludedRequest() {
            fixture.given(received(), replied(Outcome.DISCLOSED))
                    .when(new EraseApplicantData(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .expectEvents(new ApplicantDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondErasure() {
            fixture.given(received(), new ApplicantDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .when(new EraseApplicantData(ID, ErasureGround.PURPOSE_ACHIEVED, NOW))
                    .expectNoEvents()
                    .expectException(conflict("PERSONAL_DATA_ALREADY_ERASED"));
        }

        @Test
        void refusesAnErasureWithoutItsLegalGround() {
            fixture.given(received())
                    .when(new EraseApplicantData(ID, null, NOW))
                    .expectNoEvents()
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void theRequestGoesOnAfterTheErasure() {
            fixture.given(received(), new ApplicantDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .when(new ReplyToRequest(ID, day(3, 20), Outcome.DISCLOSED, List.of(), REPLY_NUMBER, NOW))
                    .expectEvents(new RequestReplied(ID, day(3, 20), Outcome.DISCLOSED, List.of(), REPLY_NUMBER, NOW))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
