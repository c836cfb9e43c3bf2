package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.request.RequestId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.Optional;

/** Events of a lawsuit (行政诉讼). It is concluded only when a judgment or ruling takes effect. */
public sealed interface LawsuitEvent extends LedgerEvent {
    LawsuitId lawsuitId();

    @Override
    default String aggregateId() {
        return lawsuitId().value();
    }

    /** Only the filing event names the agency. */
    @Override
    default Optional<AgencyId> namedAgency() {
        return Optional.empty();
    }

    record LawsuitFiled(LawsuitId lawsuitId, AgencyId agencyId, String court, String caseNumber, String plaintiffName,
                        LocalDate filedOn, Route route, ReconsiderationId linkedReconsiderationId,
                        RequestId linkedRequestId, Recorded recorded) implements LawsuitEvent {
        @Override
        public Optional<AgencyId> namedAgency() {
            return Optional.of(agencyId());
        }
    }

    record JudgmentRendered(LawsuitId lawsuitId, Instance instance, String court, JudgmentResult result,
                            LocalDate renderedOn, String documentNumber, Recorded recorded) implements LawsuitEvent {
    }

    record AppealFiled(LawsuitId lawsuitId, LocalDate filedOn, String appellant, Recorded recorded) implements LawsuitEvent {
    }

    /**
     * The judgment of {@code instance} took effect on {@code effectiveOn}: the case is concluded on the result it
     * resolves to ({@link LawsuitLifecycle}; an affirming judgment takes the result it affirmed). Which table-四
     * column that result counts under is the report's {@code CountingRules}, not a fact of the event. Events stored
     * before this shape carried that column as {@code outcome}; it is ignored when they are read.
     */
    @JsonIgnoreProperties({"outcome"})
    record JudgmentTookEffect(LawsuitId lawsuitId, Instance instance, LocalDate effectiveOn, Recorded recorded)
            implements LawsuitEvent {
    }

    /** A retrial reopens a concluded case; it is pending again until the retrial judgment takes effect. */
    record RetrialOpened(LawsuitId lawsuitId, LocalDate openedOn, String court, Recorded recorded) implements LawsuitEvent {
    }

    record PlaintiffDataErased(LawsuitId lawsuitId, ErasureGround ground, Recorded recorded)
            implements LawsuitEvent, PersonalDataErased {
    }
}
