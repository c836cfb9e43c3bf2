package cn.gongkai.ledger.api.agency;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Events of an agency: its registration and its Article-20 register, from which table 二 is folded. */
public sealed interface AgencyEvent extends LedgerEvent {
    AgencyId agencyId();

    @Override
    default String aggregateId() {
        return agencyId().value();
    }

    @Override
    default Optional<AgencyId> namedAgency() {
        return Optional.of(agencyId());
    }

    record AgencyRegistered(AgencyId agencyId, String name, AgencyId superiorAgencyId, Recorded recorded)
            implements AgencyEvent {
    }

    record NormativeDocumentIssued(AgencyId agencyId, String documentId, NormativeDocumentKind kind, String title,
                                   String documentNumber, LocalDate issuedOn, Recorded recorded) implements AgencyEvent {
    }

    record NormativeDocumentRepealed(AgencyId agencyId, String documentId, LocalDate repealedOn, Recorded recorded)
            implements AgencyEvent {
    }

    record NormativeDocumentExpired(AgencyId agencyId, String documentId, LocalDate expiredOn, Recorded recorded)
            implements AgencyEvent {
    }

    record DecisionsTallied(AgencyId agencyId, Article20Category category, LocalDate decidedOn, int count, String batchRef,
                            Recorded recorded) implements AgencyEvent {
    }

    record FeesCollected(AgencyId agencyId, LocalDate collectedOn, BigDecimal amountYuan, String batchRef, Recorded recorded)
            implements AgencyEvent {
    }

    /** {@code batchRef} is null in events recorded before batch references were required. */
    record ServiceItemsCounted(AgencyId agencyId, Article20Category category, LocalDate asOf, int count, String batchRef,
                               Recorded recorded) implements AgencyEvent {
    }

    /** {@code batchRef} is null in events recorded before batch references were required. */
    record ProcurementRecorded(AgencyId agencyId, LocalDate contractedOn, int projectCount, BigDecimal amountYuan,
                               String batchRef, Recorded recorded) implements AgencyEvent {
    }
}
