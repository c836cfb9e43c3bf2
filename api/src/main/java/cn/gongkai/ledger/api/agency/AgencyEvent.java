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

    /** The ledger counts from 1 January {@code firstYear}; earlier years are not covered. */
    record LedgerOpened(AgencyId agencyId, int firstYear, String source, Recorded recorded) implements AgencyEvent {
    }

    /** Documents of {@code kind} in force at the end of the year before the ledger opened, counted, not listed. */
    record OpeningRegisterCounted(AgencyId agencyId, NormativeDocumentKind kind, int inForce, String source,
                                  Recorded recorded) implements AgencyEvent {
    }

    /**
     * The agency counts table 四 under {@code policy} (the name of the report's {@code AppealPolicy}:
     * {@code OPEN_IN_YEAR} 表四统计本年新立及上年结转未审结案件, {@code FILED_IN_YEAR} 表四统计本年新立案件) from the report of
     * {@code fromYear} on, until a later setting; {@code reason} says why (e.g. the superior office's instruction).
     */
    record AppealCountingPolicySet(AgencyId agencyId, String policy, int fromYear, String reason, Recorded recorded)
            implements AgencyEvent {
    }
}
