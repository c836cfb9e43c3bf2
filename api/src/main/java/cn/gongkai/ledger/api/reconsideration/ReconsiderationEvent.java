package cn.gongkai.ledger.api.reconsideration;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;
import java.util.Optional;

/** Events of a reconsideration (行政复议). */
public sealed interface ReconsiderationEvent extends LedgerEvent {
    ReconsiderationId reconsiderationId();

    @Override
    default String aggregateId() {
        return reconsiderationId().value();
    }

    /** Only the filing event names the agency. */
    @Override
    default Optional<AgencyId> namedAgency() {
        return Optional.empty();
    }

    /**
     * Events that end the case, on {@link #concludedOn()}. The events record what happened; the table-四 column
     * a conclusion counts under is decided by the report's {@code CountingRules}.
     */
    sealed interface Conclusion extends ReconsiderationEvent {
        LocalDate concludedOn();
    }

    record ReconsiderationFiled(ReconsiderationId reconsiderationId, AgencyId agencyId, String reviewBody,
                                String caseNumber, String applicantName, LocalDate filedOn, RequestId linkedRequestId,
                                Recorded recorded) implements ReconsiderationEvent {
        @Override
        public Optional<AgencyId> namedAgency() {
            return Optional.of(agencyId());
        }
    }

    record ReconsiderationAccepted(ReconsiderationId reconsiderationId, LocalDate acceptedOn, Recorded recorded)
            implements ReconsiderationEvent {
    }

    record ReconsiderationRejected(ReconsiderationId reconsiderationId, LocalDate decidedOn, String reason,
                                   Recorded recorded) implements Conclusion {
        @Override
        public LocalDate concludedOn() {
            return decidedOn;
        }

    }

    record ReconsiderationDecided(ReconsiderationId reconsiderationId, LocalDate decidedOn, ReconsiderationResult result,
                                  String decisionNumber, Recorded recorded) implements Conclusion {
        @Override
        public LocalDate concludedOn() {
            return decidedOn;
        }

    }

    record ReconsiderationWithdrawn(ReconsiderationId reconsiderationId, LocalDate withdrawnOn, String reason,
                                    Recorded recorded) implements Conclusion {
        @Override
        public LocalDate concludedOn() {
            return withdrawnOn;
        }

    }

    record ReconsiderationApplicantDataErased(ReconsiderationId reconsiderationId, ErasureGround ground,
                                              Recorded recorded) implements ReconsiderationEvent, PersonalDataErased {
    }
}
