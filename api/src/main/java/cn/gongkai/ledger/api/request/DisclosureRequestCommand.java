package cn.gongkai.ledger.api.request;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Commands of a disclosure request (依申请公开申请). Every business date is a date in Asia/Shanghai. */
public sealed interface DisclosureRequestCommand extends LedgerCommand {
    RequestId requestId();

    @Override
    default String targetAggregateId() {
        return requestId().value();
    }

    /** Register a request as it arrives; {@code receivedOn} is the receipt date under 第三十一条 for the channel. */
    record ReceiveRequest(RequestId requestId, Channel channel, LocalDate receivedOn, Applicant applicant,
                          String subject, String handlingOfficer, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** Hand the case to another officer (承办人). */
    record AssignOfficer(RequestId requestId, String officer, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** Ask the applicant, once and in writing, to make the request clear (补正, 第三十条). */
    record RequestCorrection(RequestId requestId, LocalDate requestedOn, LocalDate supplyBy, String missing,
                             Recorded recorded) implements DisclosureRequestCommand {
    }

    /** The corrected request arrived; the reply period restarts from {@code suppliedOn}. */
    record SupplyCorrection(RequestId requestId, LocalDate suppliedOn, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** The applicant did not correct in time without good reason: closed as 三.六.1. */
    record CloseForMissingCorrection(RequestId requestId, LocalDate closedOn, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** Consult a third party or another agency in writing (第三十二条); pauses the clock. */
    record StartConsultation(RequestId requestId, String consultedParty, LocalDate sentOn, Recorded recorded)
            implements DisclosureRequestCommand {
    }

    record AnswerConsultation(RequestId requestId, LocalDate answeredOn, String summary, Recorded recorded)
            implements DisclosureRequestCommand {
    }

    /** The consulted party's 15 working days passed without an answer. */
    record ExpireConsultation(RequestId requestId, LocalDate expiredOn, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** Notify the applicant of an information-processing fee (第四十二条); pauses the clock. */
    record NotifyFee(RequestId requestId, LocalDate notifiedOn, FeeScale scale, BigDecimal amountYuan,
                     Recorded recorded) implements DisclosureRequestCommand {
    }

    record PayFee(RequestId requestId, LocalDate paidOn, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** The fee was not paid within 20 working days: closed as 三.六.2. */
    record CloseForUnpaidFee(RequestId requestId, LocalDate closedOn, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** The head of the disclosure office approves, once, up to 20 further working days (第三十三条). */
    record ApproveExtension(RequestId requestId, LocalDate approvedOn, int workingDays, String approver, String reason,
                            Recorded recorded) implements DisclosureRequestCommand {
    }

    /** Reply with one primary outcome (the counted one) and optional secondary reasons (detail only). */
    record ReplyToRequest(RequestId requestId, LocalDate repliedOn, Outcome primaryOutcome, List<Outcome> secondaryReasons,
                          String replyDocumentNumber, Recorded recorded) implements DisclosureRequestCommand {
    }

    /** The applicant withdrew the request: counted as 三.六.3. */
    record WithdrawRequest(RequestId requestId, LocalDate withdrawnOn, String reason, Recorded recorded)
            implements DisclosureRequestCommand {
    }

    record CorrectApplicantType(RequestId requestId, ApplicantType correctedType, String reason, Recorded recorded)
            implements DisclosureRequestCommand {
    }

    record CorrectReceiptDate(RequestId requestId, LocalDate correctedDate, String reason, Recorded recorded)
            implements DisclosureRequestCommand {
    }

    record CorrectOutcome(RequestId requestId, Outcome correctedOutcome, List<Outcome> secondaryReasons, String reason,
                          Recorded recorded) implements DisclosureRequestCommand {
    }

    /** Correct the date of the reply or closing decision (it decides the year the request is counted in). */
    record CorrectConclusionDate(RequestId requestId, LocalDate correctedDate, String reason, Recorded recorded)
            implements DisclosureRequestCommand {
    }

    /** Record that a calendar change moved the due date of this open request. */
    record RecordDueDateRecomputation(RequestId requestId, String calendarVersion, LocalDate previousDueOn,
                                      LocalDate newDueOn, Recorded recorded) implements DisclosureRequestCommand {
        /** The refusal code of a change the request already recorded (same calendar version and due date). */
        public static final String ALREADY_RECORDED = "DUE_DATE_CHANGE_ALREADY_RECORDED";
    }

    /** Erase the applicant's personal data (《个人信息保护法》第四十七条): destroys the case's data key. */
    record EraseApplicantData(RequestId requestId, ErasureGround ground, Recorded recorded)
            implements DisclosureRequestCommand {
    }
}
