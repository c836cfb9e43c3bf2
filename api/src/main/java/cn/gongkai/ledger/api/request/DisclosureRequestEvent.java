package cn.gongkai.ledger.api.request;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.api.common.Recorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the law cares about in the life of a disclosure request. Facts are never edited:
 * a mistake is put right by a correction event ({@code *Corrected}), and the report is recomputed
 * from the corrected history.
 */
public sealed interface DisclosureRequestEvent extends LedgerEvent {
    RequestId requestId();

    @Override
    default String aggregateId() {
        return requestId().value();
    }

    @Override
    default Optional<AgencyId> namedAgency() {
        return Optional.of(requestId().agencyId());
    }

    /**
     * Events after which the request is concluded (counted in 三 of the year of {@link #concludedOn()}). They
     * record what happened; the outcome each records and the row it counts under are {@link RequestLifecycle}'s
     * and the report's {@code CountingRules}.
     */
    sealed interface Conclusion extends DisclosureRequestEvent {
        LocalDate concludedOn();
    }

    record RequestReceived(RequestId requestId, AgencyId agencyId, String trackingNumber, Channel channel,
                           LocalDate receivedOn, Applicant applicant, String subject, String handlingOfficer,
                           Recorded recorded) implements DisclosureRequestEvent {
    }

    record OfficerAssigned(RequestId requestId, String officer, Recorded recorded) implements DisclosureRequestEvent {
    }

    record CorrectionRequested(RequestId requestId, LocalDate requestedOn, LocalDate supplyBy, String missing,
                               Recorded recorded) implements DisclosureRequestEvent {
    }

    record CorrectionSupplied(RequestId requestId, LocalDate suppliedOn, Recorded recorded) implements DisclosureRequestEvent {
    }

    record ClosedForMissingCorrection(RequestId requestId, LocalDate closedOn, Recorded recorded) implements Conclusion {
        @Override
        public LocalDate concludedOn() {
            return closedOn;
        }
    }

    record ConsultationStarted(RequestId requestId, String consultedParty, LocalDate sentOn, Recorded recorded)
            implements DisclosureRequestEvent {
    }

    record ConsultationAnswered(RequestId requestId, LocalDate answeredOn, String summary, Recorded recorded)
            implements DisclosureRequestEvent {
    }

    record ConsultationExpired(RequestId requestId, LocalDate expiredOn, Recorded recorded) implements DisclosureRequestEvent {
    }

    record FeeNotified(RequestId requestId, LocalDate notifiedOn, FeeScale scale, BigDecimal amountYuan, Recorded recorded)
            implements DisclosureRequestEvent {
    }

    record FeePaid(RequestId requestId, LocalDate paidOn, Recorded recorded) implements DisclosureRequestEvent {
    }

    record ClosedForUnpaidFee(RequestId requestId, LocalDate closedOn, Recorded recorded) implements Conclusion {
        @Override
        public LocalDate concludedOn() {
            return closedOn;
        }
    }

    record ExtensionApproved(RequestId requestId, LocalDate approvedOn, int workingDays, String approver, String reason,
                             Recorded recorded) implements DisclosureRequestEvent {
    }

    record RequestReplied(RequestId requestId, LocalDate repliedOn, Outcome primaryOutcome, List<Outcome> secondaryReasons,
                          String replyDocumentNumber, Recorded recorded) implements Conclusion {
        public RequestReplied {
            secondaryReasons = secondaryReasons == null ? List.of() : List.copyOf(secondaryReasons);
        }

        @Override
        public LocalDate concludedOn() {
            return repliedOn;
        }
    }

    record RequestWithdrawn(RequestId requestId, LocalDate withdrawnOn, String reason, Recorded recorded) implements Conclusion {
        @Override
        public LocalDate concludedOn() {
            return withdrawnOn;
        }
    }

    record ApplicantTypeCorrected(RequestId requestId, ApplicantType previousType, ApplicantType correctedType,
                                  String reason, Recorded recorded) implements DisclosureRequestEvent {
    }

    record ReceiptDateCorrected(RequestId requestId, LocalDate previousDate, LocalDate correctedDate, String reason,
                                Recorded recorded) implements DisclosureRequestEvent {
    }

    record OutcomeCorrected(RequestId requestId, Outcome previousOutcome, Outcome correctedOutcome,
                            List<Outcome> secondaryReasons, String reason, Recorded recorded) implements DisclosureRequestEvent {
        public OutcomeCorrected {
            secondaryReasons = secondaryReasons == null ? List.of() : List.copyOf(secondaryReasons);
        }
    }

    record ConclusionDateCorrected(RequestId requestId, LocalDate previousDate, LocalDate correctedDate, String reason,
                                   Recorded recorded) implements DisclosureRequestEvent {
    }

    record DueDateRecomputed(RequestId requestId, String calendarVersion, LocalDate previousDueOn, LocalDate newDueOn,
                             Recorded recorded) implements DisclosureRequestEvent {
    }

    /** The applicant's personal data was erased; the type (the report column) stays. */
    record ApplicantDataErased(RequestId requestId, ErasureGround ground, Recorded recorded)
            implements DisclosureRequestEvent, PersonalDataErased {
    }
}
