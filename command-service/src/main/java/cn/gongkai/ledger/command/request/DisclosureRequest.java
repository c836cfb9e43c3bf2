package cn.gongkai.ledger.command.request;

import static cn.gongkai.ledger.command.rules.Rules.dated;
import static cn.gongkai.ledger.command.rules.Rules.notBefore;
import static cn.gongkai.ledger.command.rules.Rules.present;
import static cn.gongkai.ledger.command.rules.Rules.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
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
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.Conclusion;
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
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestLifecycle.Concluded;
import cn.gongkai.ledger.api.request.RequestLifecycle.RequestFile;
import cn.gongkai.ledger.api.request.RequestLifecycle.State;
import cn.gongkai.ledger.api.request.RequestLifecycle;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.deadline.Regulation;
import cn.gongkai.ledger.clock.deadline.StatutoryWindows.Window;
import cn.gongkai.ledger.clock.deadline.StatutoryWindows;
import cn.gongkai.ledger.command.AxonCommandTargets;
import cn.gongkai.ledger.command.rules.Field;
import cn.gongkai.ledger.command.rules.Rules;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A disclosure request (依申请公开申请) from receipt to its reply or closing, and the corrections made
 * to it afterwards. It keeps only what its rules need; the statutory clock (due dates in working days)
 * is computed elsewhere from its events.
 *
 * <p>Documented choices where the 条例 is silent:
 * <ul>
 *   <li>A reply never carries 三.六.1 or 三.六.2: those endings have their own commands
 *       ({@link CloseForMissingCorrection}, {@link CloseForUnpaidFee}), which check the deadline they rest on.</li>
 *   <li>Nothing is replied while a correction, a consultation or a fee is outstanding: the officer records
 *       how it ended first. Withdrawal is possible at any time before conclusion.</li>
 *   <li>A correction (补正) is requested before any processing step (consultation, fee, extension).</li>
 *   <li>Secondary reasons are detail: never 三.一/三.二 (partial disclosure is always the primary, 三.二 wins),
 *       never the primary itself, never a closing (三.六.1/三.六.2), never repeated; a full disclosure has none.</li>
 *   <li>An outcome must fit the history: 三.四.3 needs a supplied correction; 三.六.1 a correction still missing
 *       after its deadline; 三.六.2 a fee still unpaid after its notice.</li>
 * </ul>
 */
@Aggregate(commandTargetResolver = AxonCommandTargets.BEAN_NAME)
class DisclosureRequest {
    private static final Field RECEIVED_ON = new Field("receivedOn", "收到申请之日");
    private static final Field CHANNEL = new Field("channel", "申请渠道");
    private static final Field APPLICANT = new Field("applicant", "申请人");
    private static final Field SUBJECT = new Field("subject", "申请内容");
    private static final Field OFFICER = new Field("officer", "承办人");
    private static final Field REQUESTED_ON = new Field("requestedOn", "补正通知日期");
    private static final Field SUPPLY_BY = new Field("supplyBy", "补正期限");
    private static final Field MISSING = new Field("missing", "需补正事项");
    private static final Field SUPPLIED_ON = new Field("suppliedOn", "收到补正申请之日");
    private static final Field CLOSED_ON = new Field("closedOn", "终止处理日期");
    private static final Field CONSULTED_PARTY = new Field("consultedParty", "被征求意见方");
    private static final Field SENT_ON = new Field("sentOn", "征求意见日期");
    private static final Field ANSWERED_ON = new Field("answeredOn", "收到意见日期");
    private static final Field EXPIRED_ON = new Field("expiredOn", "征求意见期满日期");
    private static final Field NOTIFIED_ON = new Field("notifiedOn", "收费通知日期");
    private static final Field SCALE = new Field("scale", "收费标准");
    private static final Field AMOUNT_YUAN = new Field("amountYuan", "收费金额（元）");
    private static final Field PAID_ON = new Field("paidOn", "缴费日期");
    private static final Field APPROVED_ON = new Field("approvedOn", "延期批准日期");
    private static final Field APPROVER = new Field("approver", "批准人");
    private static final Field REPLIED_ON = new Field("repliedOn", "答复日期");
    private static final Field PRIMARY_OUTCOME = new Field("primaryOutcome", "办理结果");
    private static final Field SECONDARY_REASONS = new Field("secondaryReasons", "其他理由");
    private static final Field WITHDRAWN_ON = new Field("withdrawnOn", "撤回申请日期");
    private static final Field APPLICANT_TYPE = new Field("applicantType", "申请人类型");
    private static final Field CORRECTED_TYPE = new Field("correctedType", "更正后的申请人类型");
    private static final Field CORRECTED_OUTCOME = new Field("correctedOutcome", "更正后的办理结果");
    private static final Field CORRECTED_DATE = new Field("correctedDate", "更正后的日期");
    private static final Field REASON = new Field("reason", "更正理由");
    private static final Field CALENDAR_VERSION = new Field("calendarVersion", "日历版本");
    private static final Field PREVIOUS_DUE_ON = new Field("previousDueOn", "原答复期限");
    private static final Field NEW_DUE_ON = new Field("newDueOn", "新答复期限");
    private static final Field FIRST_STEP_ON = new Field("first step", "最早的办理步骤日期");
    private static final Field LAST_STEP_ON = new Field("last step", "最近的办理步骤日期");
    private static final Field CONCLUDED_ON = new Field("concludedOn", "办结日期");


    @AggregateIdentifier
    private String requestId;
    /** Everything the rules need, evolved by the one lifecycle every reader of a request shares. */
    private State state = RequestLifecycle.initial();
    private boolean applicantDataErased;

    DisclosureRequest() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReceiveRequest command) {
        if (requestId != null) {
            throw RuleViolation.conflict("REQUEST_ALREADY_REGISTERED",
                    "本机关已登记过该编号的申请（" + requestId + "），同一机关的申请编号不能重复",
                    "request " + requestId + " is already registered: a tracking number is unique within its agency");
        }
        present(command.channel(), CHANNEL);
        dated(command.receivedOn(), RECEIVED_ON, command.recorded());
        present(command.applicant(), APPLICANT);
        text(command.subject(), SUBJECT);
        apply(new RequestReceived(command.requestId(), command.requestId().agencyId(),
                command.requestId().trackingNumber(), command.channel(), command.receivedOn(), command.applicant(),
                command.subject(), command.handlingOfficer(), command.recorded()));
    }

    @CommandHandler
    void handle(AssignOfficer command) {
        requireOpen();
        text(command.officer(), OFFICER);
        if (command.officer().equals(facts().officer())) {
            throw nothingChanged(OFFICER, facts().officer());
        }
        apply(new OfficerAssigned(command.requestId(), command.officer(), command.recorded()));
    }

    @CommandHandler
    void handle(RequestCorrection command) {
        requireOpen();
        if (!facts().correctionRequests().isEmpty()) {
            throw RuleViolation.conflict("CORRECTION_ALREADY_REQUESTED",
                    "补正只能要求一次（第三十条），本申请已于" + correctionRequestedOn() + "要求补正",
                    "a correction may be requested only once (art. 30); it was requested on " + correctionRequestedOn());
        }
        LocalDate firstStepOn = facts().firstStepOn();
        if (firstStepOn != null) {
            throw RuleViolation.conflict("CORRECTION_AFTER_PROCESSING",
                    "办理已开始（" + firstStepOn + "），补正应在征求意见、收费、延期之前提出",
                    "processing started on " + firstStepOn
                            + ": a correction is requested before any consultation, fee or extension");
        }
        dated(command.requestedOn(), REQUESTED_ON, command.recorded());
        notBefore(command.requestedOn(), REQUESTED_ON, receivedOn(), RECEIVED_ON);
        Rules.after(present(command.supplyBy(), SUPPLY_BY), SUPPLY_BY, command.requestedOn(), REQUESTED_ON);
        text(command.missing(), MISSING);
        apply(new CorrectionRequested(command.requestId(), command.requestedOn(), command.supplyBy(),
                command.missing(), command.recorded()));
    }

    @CommandHandler
    void handle(SupplyCorrection command) {
        requireOpen();
        requireCorrectionPending();
        dated(command.suppliedOn(), SUPPLIED_ON, command.recorded());
        notBefore(command.suppliedOn(), SUPPLIED_ON, correctionRequestedOn(), REQUESTED_ON);
        apply(new CorrectionSupplied(command.requestId(), command.suppliedOn(), command.recorded()));
    }

    @CommandHandler
    void handle(CloseForMissingCorrection command, StatutoryWindows windows) {
        requireOpen();
        requireCorrectionPending();
        conclusionDate(command.closedOn(), CLOSED_ON, command.recorded());
        requireFitsHistory(Outcome.OTHER_CORRECTION_NOT_SUPPLIED, command.closedOn(), CLOSED_ON, windows);
        apply(new ClosedForMissingCorrection(command.requestId(), command.closedOn(), command.recorded()));
    }

    @CommandHandler
    void handle(StartConsultation command) {
        requireProcessable();
        if (consultationSentOn() != null) {
            throw consultationOpen();
        }
        text(command.consultedParty(), CONSULTED_PARTY);
        stepDate(command.sentOn(), SENT_ON, command.recorded());
        apply(new ConsultationStarted(command.requestId(), command.consultedParty(), command.sentOn(),
                command.recorded()));
    }

    @CommandHandler
    void handle(AnswerConsultation command) {
        requireOpen();
        requireConsultationOpen();
        dated(command.answeredOn(), ANSWERED_ON, command.recorded());
        notBefore(command.answeredOn(), ANSWERED_ON, consultationSentOn(), SENT_ON);
        apply(new ConsultationAnswered(command.requestId(), command.answeredOn(), command.summary(),
                command.recorded()));
    }

    /** The consulted party's 15 working days (第三十二条) must have run out: expiry is recorded from the day after. */
    @CommandHandler
    void handle(ExpireConsultation command, StatutoryWindows windows) {
        requireOpen();
        requireConsultationOpen();
        dated(command.expiredOn(), EXPIRED_ON, command.recorded());
        LocalDate sentOn = consultationSentOn();
        Rules.after(command.expiredOn(), EXPIRED_ON, sentOn, SENT_ON);
        Window window = window(() -> windows.consultation(facts().agencyId(), sentOn));
        if (window.running(command.expiredOn())) {
            throw stillRunning("CONSULTATION_PERIOD_RUNNING", command.expiredOn(), window,
                    "被征求意见方自" + sentOn + "起有15个工作日提出意见（第三十二条），期限至" + window.lastDay()
                            + "，尚未届满，不能登记征求意见期满",
                    "the consulted party has 15 working days from " + sentOn + " to answer (art. 32), until "
                            + window.lastDay() + ": the consultation cannot be recorded as expired",
                    "登记征求意见期满");
        }
        apply(new ConsultationExpired(command.requestId(), command.expiredOn(), command.recorded()));
    }

    @CommandHandler
    void handle(NotifyFee command) {
        requireProcessable();
        if (feeNotifiedOn() != null) {
            throw feeAwaitingPayment();
        }
        stepDate(command.notifiedOn(), NOTIFIED_ON, command.recorded());
        present(command.scale(), SCALE);
        Rules.positiveYuan(command.amountYuan(), AMOUNT_YUAN);
        apply(new FeeNotified(command.requestId(), command.notifiedOn(), command.scale(), command.amountYuan(),
                command.recorded()));
    }

    @CommandHandler
    void handle(PayFee command) {
        requireOpen();
        requireFeeAwaitingPayment();
        dated(command.paidOn(), PAID_ON, command.recorded());
        notBefore(command.paidOn(), PAID_ON, feeNotifiedOn(), NOTIFIED_ON);
        apply(new FeePaid(command.requestId(), command.paidOn(), command.recorded()));
    }

    @CommandHandler
    void handle(CloseForUnpaidFee command, StatutoryWindows windows) {
        requireOpen();
        requireFeeAwaitingPayment();
        conclusionDate(command.closedOn(), CLOSED_ON, command.recorded());
        requireFitsHistory(Outcome.OTHER_FEE_NOT_PAID, command.closedOn(), CLOSED_ON, windows);
        apply(new ClosedForUnpaidFee(command.requestId(), command.closedOn(), command.recorded()));
    }

    @CommandHandler
    void handle(ApproveExtension command) {
        requireProcessable();
        if (!facts().extensions().isEmpty()) {
            throw RuleViolation.conflict("EXTENSION_ALREADY_APPROVED",
                    "答复期限只能延长一次（第三十三条）", "the reply period may be extended only once (art. 33)");
        }
        stepDate(command.approvedOn(), APPROVED_ON, command.recorded());
        Regulation regulation = Regulation.governing(receivedOn());
        if (!regulation.allowsExtension(command.workingDays())) {
            throw RuleViolation.unprocessable("EXTENSION_DAYS_OUT_OF_RANGE",
                    "延长期限（" + command.workingDays() + "个工作日）应为1至" + regulation.maxExtensionDays() + "个工作日（"
                            + regulation.citation() + "）",
                    "an extension of " + command.workingDays() + " working days is outside 1.." + regulation.maxExtensionDays()
                            + " (" + regulation.decree() + ", " + regulation.replyArticle() + ")");
        }
        text(command.approver(), APPROVER);
        apply(new ExtensionApproved(command.requestId(), command.approvedOn(), command.workingDays(),
                command.approver(), command.reason(), command.recorded()));
    }

    @CommandHandler
    void handle(ReplyToRequest command, StatutoryWindows windows) {
        requireProcessable();
        if (consultationSentOn() != null) {
            throw consultationOpen();
        }
        if (feeNotifiedOn() != null) {
            throw feeAwaitingPayment();
        }
        conclusionDate(command.repliedOn(), REPLIED_ON, command.recorded());
        Outcome primary = present(command.primaryOutcome(), PRIMARY_OUTCOME);
        if (isClosing(primary)) {
            throw RuleViolation.unprocessable("OUTCOME_HAS_OWN_COMMAND",
                    "“" + primary.key() + "”不是答复结果，应以逾期不补正或逾期未缴费终止处理",
                    primary.key() + " is not a reply: close the request for a missing correction or an unpaid fee");
        }
        List<Outcome> reasons = checkedReasons(primary, command.secondaryReasons());
        requireFitsHistory(primary, command.repliedOn(), REPLIED_ON, windows);
        apply(new RequestReplied(command.requestId(), command.repliedOn(), primary, reasons,
                command.replyDocumentNumber(), command.recorded()));
    }

    @CommandHandler
    void handle(WithdrawRequest command) {
        requireOpen();
        conclusionDate(command.withdrawnOn(), WITHDRAWN_ON, command.recorded());
        apply(new RequestWithdrawn(command.requestId(), command.withdrawnOn(), command.reason(), command.recorded()));
    }

    /** The personal data may be erased at any time after the receipt, once; the case and its counts go on. */
    @CommandHandler
    void handle(EraseApplicantData command) {
        Rules.erasable(applicantDataErased, command.ground(), requestId);
        apply(new ApplicantDataErased(command.requestId(), command.ground(), command.recorded()));
    }

    @CommandHandler
    void handle(CorrectApplicantType command) {
        present(command.correctedType(), CORRECTED_TYPE);
        text(command.reason(), REASON);
        ApplicantType applicantType = facts().applicant().type();
        if (command.correctedType() == applicantType) {
            throw nothingChanged(APPLICANT_TYPE, applicantType.label());
        }
        apply(new ApplicantTypeCorrected(command.requestId(), applicantType, command.correctedType(),
                command.reason(), command.recorded()));
    }

    /** The receipt date may move, but never after the first step taken on the request nor after its conclusion. */
    @CommandHandler
    void handle(CorrectReceiptDate command) {
        LocalDate corrected = dated(command.correctedDate(), CORRECTED_DATE, command.recorded());
        text(command.reason(), REASON);
        LocalDate receivedOn = receivedOn();
        if (corrected.equals(receivedOn)) {
            throw nothingChanged(RECEIVED_ON, receivedOn.toString());
        }
        if (facts().firstStepOn() != null) {
            notBefore(facts().firstStepOn(), FIRST_STEP_ON, corrected, CORRECTED_DATE);
        }
        if (concluded() != null) {
            notBefore(concluded().concludedOn(), CONCLUDED_ON, corrected, CORRECTED_DATE);
        }
        apply(new ReceiptDateCorrected(command.requestId(), receivedOn, corrected, command.reason(),
                command.recorded()));
    }

    @CommandHandler
    void handle(CorrectOutcome command, StatutoryWindows windows) {
        Concluded concluded = requireConcluded();
        Outcome outcome = concluded.outcome();
        List<Outcome> secondaryReasons = concluded.secondaryReasons();
        Outcome corrected = present(command.correctedOutcome(), CORRECTED_OUTCOME);
        List<Outcome> reasons = checkedReasons(corrected, command.secondaryReasons());
        text(command.reason(), REASON);
        if (corrected == outcome && Set.copyOf(reasons).equals(Set.copyOf(secondaryReasons))) {
            throw nothingChanged(PRIMARY_OUTCOME, outcome.key() + " " + secondaryReasons);
        }
        requireFitsHistory(corrected, concluded.concludedOn(), CONCLUDED_ON, windows);
        apply(new OutcomeCorrected(command.requestId(), outcome, corrected, reasons, command.reason(),
                command.recorded()));
    }

    @CommandHandler
    void handle(CorrectConclusionDate command, StatutoryWindows windows) {
        Concluded concluded = requireConcluded();
        LocalDate concludedOn = concluded.concludedOn();
        LocalDate corrected = dated(command.correctedDate(), CORRECTED_DATE, command.recorded());
        text(command.reason(), REASON);
        if (corrected.equals(concludedOn)) {
            throw nothingChanged(CONCLUDED_ON, concludedOn.toString());
        }
        notBefore(corrected, CORRECTED_DATE, latestStep(), latestStepField());
        if (concluded.outcome() != null) {
            requireFitsHistory(concluded.outcome(), corrected, CORRECTED_DATE, windows);
        }
        apply(new ConclusionDateCorrected(command.requestId(), concludedOn, corrected, command.reason(),
                command.recorded()));
    }

    /** Due dates are computed by the statutory clock; the aggregate only records that one moved. */
    @CommandHandler
    void handle(RecordDueDateRecomputation command) {
        requireOpen();
        text(command.calendarVersion(), CALENDAR_VERSION);
        present(command.previousDueOn(), PREVIOUS_DUE_ON);
        present(command.newDueOn(), NEW_DUE_ON);
        if (command.newDueOn().equals(command.previousDueOn())) {
            throw nothingChanged(NEW_DUE_ON, command.newDueOn().toString());
        }
        DueDateRecomputed last = facts().lastRecomputation();
        if (last != null && last.calendarVersion().equals(command.calendarVersion())
                && last.newDueOn().equals(command.newDueOn())) {
            throw RuleViolation.conflict(RecordDueDateRecomputation.ALREADY_RECORDED,
                    "日历" + command.calendarVersion() + "下的答复期限" + command.newDueOn() + "已记录，不重复记录",
                    "the due date " + command.newDueOn() + " under calendar " + command.calendarVersion()
                            + " is already recorded");
        }
        apply(new DueDateRecomputed(command.requestId(), command.calendarVersion(), command.previousDueOn(),
                command.newDueOn(), command.recorded()));
    }

    // --- rules shared by several commands

    private void requireOpen() {
        if (concluded() != null) {
            LocalDate concludedOn = concluded().concludedOn();
            throw RuleViolation.conflict("REQUEST_CONCLUDED",
                    "申请已于" + concludedOn + "办结，只能更正，不能再办理",
                    "the request was concluded on " + concludedOn + ": only corrections are possible");
        }
    }

    private Concluded requireConcluded() {
        if (concluded() == null) {
            throw RuleViolation.conflict("REQUEST_NOT_CONCLUDED",
                    "申请尚未办结，没有可更正的办理结果或办结日期",
                    "the request is not concluded: there is no outcome or conclusion date to correct");
        }
        return concluded();
    }

    /** Open, and not waiting for a correction: the request can be worked on. */
    private void requireProcessable() {
        requireOpen();
        if (correctionAwaited()) {
            throw RuleViolation.conflict("CORRECTION_PENDING",
                    "正在等待申请人补正（期限" + supplyBy() + "），应先登记补正或逾期不补正",
                    "a correction is awaited (due " + supplyBy() + "): record it as supplied or close the request first");
        }
    }

    private void requireCorrectionPending() {
        if (!correctionAwaited()) {
            throw RuleViolation.conflict("NO_CORRECTION_PENDING",
                    "本申请没有待补正事项", "no correction is pending on this request");
        }
    }

    private void requireConsultationOpen() {
        if (consultationSentOn() == null) {
            throw RuleViolation.conflict("NO_CONSULTATION_OPEN",
                    "本申请没有进行中的征求意见", "no consultation is open on this request");
        }
    }

    private RuleViolation consultationOpen() {
        return RuleViolation.conflict("CONSULTATION_OPEN",
                "征求意见（" + consultationSentOn() + "发出）尚未答复或期满，应先登记其结果",
                "the consultation sent on " + consultationSentOn() + " is still open: record its answer or expiry first");
    }

    private void requireFeeAwaitingPayment() {
        if (feeNotifiedOn() == null) {
            throw RuleViolation.conflict("NO_FEE_AWAITING_PAYMENT",
                    "本申请没有待缴的信息处理费", "no fee is awaiting payment on this request");
        }
    }

    private RuleViolation feeAwaitingPayment() {
        return RuleViolation.conflict("FEE_AWAITING_PAYMENT",
                "信息处理费（" + feeNotifiedOn() + "通知）尚未缴纳或终止处理，应先登记其结果",
                "the fee notified on " + feeNotifiedOn()
                        + " is still unpaid: record its payment or close the request first");
    }

    private static RuleViolation nothingChanged(Field field, String current) {
        return RuleViolation.conflict("NOTHING_CHANGED",
                field.label() + "已是" + current + "，没有变化",
                field.name() + " is already " + current + ": nothing changes");
    }

    /** A processing step happens on or after receipt, and after the restart when a correction was supplied. */
    private void stepDate(LocalDate date, Field field, Recorded recorded) {
        dated(date, field, recorded);
        notBefore(date, field, receivedOn(), RECEIVED_ON);
        if (suppliedOn() != null) {
            notBefore(date, field, suppliedOn(), SUPPLIED_ON);
        }
    }

    /** A conclusion is dated on or after every step recorded before it. */
    private void conclusionDate(LocalDate date, Field field, Recorded recorded) {
        dated(date, field, recorded);
        notBefore(date, field, latestStep(), latestStepField());
    }

    private LocalDate latestStep() {
        return facts().latestStepOrReceipt();
    }

    private Field latestStepField() {
        return facts().lastStepOn() == null ? RECEIVED_ON : LAST_STEP_ON;
    }

    private static boolean isClosing(Outcome outcome) {
        return outcome == Outcome.OTHER_CORRECTION_NOT_SUPPLIED || outcome == Outcome.OTHER_FEE_NOT_PAID;
    }

    /**
     * An outcome fits the history it rests on; the two closings only once the other party's period has run out,
     * as the statutory clock counts it in the agency's calendar.
     */
    private void requireFitsHistory(Outcome candidate, LocalDate concluded, Field concludedField,
                                    StatutoryWindows windows) {
        switch (candidate) {
            case UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION -> {
                if (!correctionSupplied()) {
                    throw contradictsHistory(candidate, "申请人未补正过申请", "no correction was supplied");
                }
            }
            case OTHER_CORRECTION_NOT_SUPPLIED -> {
                if (!correctionAwaited()) {
                    throw contradictsHistory(candidate, "没有待补正事项", "no correction was awaited");
                }
                Window window = window(() -> windows.correction(facts().agencyId(), supplyBy()));
                if (window.running(concluded)) {
                    throw stillRunning("CORRECTION_PERIOD_RUNNING", concluded, window,
                            "补正期限至" + supplyBy() + "（第三十条），尚未届满，不能以逾期不补正（三.六.1）终止处理",
                            "the applicant may correct the request until " + supplyBy()
                                    + " (art. 30): it cannot be closed for a missing correction (三.六.1)",
                            "以逾期不补正终止处理");
                }
            }
            case OTHER_FEE_NOT_PAID -> {
                LocalDate notifiedOn = feeNotifiedOn();
                if (notifiedOn == null) {
                    throw contradictsHistory(candidate, "没有待缴的信息处理费", "no fee was awaiting payment");
                }
                Window window = window(() -> windows.feePayment(facts().agencyId(), notifiedOn));
                if (window.running(concluded)) {
                    throw stillRunning("FEE_PERIOD_RUNNING", concluded, window,
                            "申请人自收到" + notifiedOn + "的收费通知起有20个工作日缴费（国办函〔2020〕109号），期限至"
                                    + window.lastDay() + "，尚未届满，不能以逾期未缴费（三.六.2）终止处理",
                            "the applicant has 20 working days from the fee notice of " + notifiedOn
                                    + " to pay, until " + window.lastDay()
                                    + ": the request cannot be closed for an unpaid fee (三.六.2)",
                            "以逾期未缴费终止处理");
                }
            }
            default -> {
                // every other outcome fits any history
            }
        }
    }

    /** A window of the statutory clock; a date its calendar does not cover cannot be decided, so it is refused. */
    private static Window window(Supplier<Window> window) {
        try {
            return window.get();
        } catch (DateOutsideCalendarException e) {
            throw RuleViolation.unprocessable("DATE_OUTSIDE_CALENDAR",
                    "工作日日历未覆盖" + e.date().getYear() + "年，无法计算法定期限",
                    "the working-day calendar does not cover " + e.date().getYear()
                            + ": the statutory period cannot be counted");
        }
    }

    /** 422: the other party's period still runs on {@code date}; the message names the first day it is legal. */
    private static RuleViolation stillRunning(String code, LocalDate date, Window window, String zh, String en,
                                              String actZh) {
        return RuleViolation.unprocessable(code,
                zh + "；" + date + "过早，自" + window.lapsesFrom() + "起方可" + actZh,
                en + "; " + date + " is too early, it is possible from " + window.lapsesFrom());
    }

    private static RuleViolation contradictsHistory(Outcome outcome, String zh, String en) {
        return RuleViolation.unprocessable("OUTCOME_CONTRADICTS_HISTORY",
                "办理结果“" + outcome.key() + " " + outcome.label() + "”与办理过程不符：" + zh,
                "outcome " + outcome.key() + " contradicts the history: " + en);
    }

    private static List<Outcome> checkedReasons(Outcome primary, List<Outcome> reasons) {
        List<Outcome> given = reasons == null ? List.of() : reasons;
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        for (Outcome reason : given) {
            present(reason, SECONDARY_REASONS);
            if (reason.discloses()) {
                throw RuleViolation.unprocessable("SECONDARY_REASON_DISCLOSES",
                        "公开或部分公开不能作为其他理由：区分处理的，只计部分公开（三.二）作为办理结果",
                        "disclosure is never a secondary reason: a partial disclosure is the primary outcome (三.二)");
            }
            if (reason == primary) {
                throw RuleViolation.unprocessable("SECONDARY_REASON_IS_PRIMARY",
                        "其他理由不能与办理结果相同（" + reason.key() + "）",
                        "secondary reason " + reason.key() + " repeats the primary outcome");
            }
            if (isClosing(reason)) {
                throw RuleViolation.unprocessable("SECONDARY_REASON_IS_CLOSING",
                        "逾期不补正、逾期未缴费是终止处理的方式，不能作为其他理由（" + reason.key() + "）",
                        "secondary reason " + reason.key() + " is a way of closing a request, not a reason");
            }
            if (!seen.add(reason)) {
                throw RuleViolation.unprocessable("SECONDARY_REASON_DUPLICATE",
                        "其他理由重复（" + reason.key() + "）", "secondary reason " + reason.key() + " is repeated");
            }
        }
        if (primary == Outcome.DISCLOSED && !given.isEmpty()) {
            throw RuleViolation.unprocessable("FULL_DISCLOSURE_WITH_REASONS",
                    "予以公开的答复不应附不予公开等理由；区分处理的，应以部分公开（三.二）答复",
                    "a full disclosure has no secondary reasons; a disclosure with withheld parts is 三.二");
        }
        return List.copyOf(given);
    }

    // --- state: the lifecycle evolves it, the aggregate only reads it

    @EventSourcingHandler
    void on(DisclosureRequestEvent event) {
        state = RequestLifecycle.evolve(state, event);
        applicantDataErased |= event instanceof ApplicantDataErased;
        if (requestId == null && event instanceof RequestReceived received) {
            requestId = received.requestId().value();
        }
    }

    private RequestFile facts() {
        return state.file().orElseThrow();
    }

    /** Null while the request is open. */
    private Concluded concluded() {
        return state instanceof Concluded c ? c : null;
    }

    private LocalDate receivedOn() {
        return facts().receivedOn();
    }

    private boolean correctionAwaited() {
        return facts().awaitingCorrection();
    }

    private boolean correctionSupplied() {
        return !facts().awaitingCorrection() && !facts().supplies().isEmpty();
    }

    private LocalDate correctionRequestedOn() {
        return facts().lastCorrectionRequest().map(CorrectionRequested::requestedOn).orElse(null);
    }

    private LocalDate supplyBy() {
        return facts().lastCorrectionRequest().map(CorrectionRequested::supplyBy).orElse(null);
    }

    private LocalDate suppliedOn() {
        return facts().lastSupply().map(CorrectionSupplied::suppliedOn).orElse(null);
    }

    /** The day the open consultation was sent; null when none is open. */
    private LocalDate consultationSentOn() {
        return facts().openConsultation().map(c -> c.started().sentOn()).orElse(null);
    }

    /** The day the fee awaiting payment was notified; null when none is. */
    private LocalDate feeNotifiedOn() {
        return facts().openFee().map(f -> f.notified().notifiedOn()).orElse(null);
    }
}
