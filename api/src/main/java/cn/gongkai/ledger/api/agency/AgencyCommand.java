package cn.gongkai.ledger.api.agency;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Commands of an agency and its Article-20 register (第二十条, proactive disclosure; table 二).
 *
 * <p>The four tallies ({@link TallyDecisions}, {@link CollectFees}, {@link CountServiceItems},
 * {@link RecordProcurement}) each carry a required {@code batchRef}: the reference of the batch (an import run, a
 * month's export from the licensing system, a form submission) that is refused when it was counted before, so
 * that re-running an import never doubles a count.
 */
public sealed interface AgencyCommand extends LedgerCommand {
    AgencyId agencyId();

    @Override
    default String targetAggregateId() {
        return agencyId().value();
    }

    /** {@code superiorAgencyId} (上级机关) may be null; it is used to roll reports up. */
    record RegisterAgency(AgencyId agencyId, String name, AgencyId superiorAgencyId, Recorded recorded)
            implements AgencyCommand {
    }

    record IssueNormativeDocument(AgencyId agencyId, String documentId, NormativeDocumentKind kind, String title,
                                  String documentNumber, LocalDate issuedOn, Recorded recorded) implements AgencyCommand {
    }

    record RepealNormativeDocument(AgencyId agencyId, String documentId, LocalDate repealedOn, Recorded recorded)
            implements AgencyCommand {
    }

    /** A document that lapsed at the end of its validity period (失效), not repealed. */
    record ExpireNormativeDocument(AgencyId agencyId, String documentId, LocalDate expiredOn, Recorded recorded)
            implements AgencyCommand {
    }

    /** A dated count of decisions (one, or a batch imported from the licensing/penalty systems). */
    record TallyDecisions(AgencyId agencyId, Article20Category category, LocalDate decidedOn, int count, String batchRef,
                          Recorded recorded) implements AgencyCommand {
    }

    /** Fees collected, in yuan (exact decimal); the report shows 万元. */
    record CollectFees(AgencyId agencyId, LocalDate collectedOn, BigDecimal amountYuan, String batchRef, Recorded recorded)
            implements AgencyCommand {
    }

    /** The number of items (事项) in a catalogue on a date (2019 format: 上一年项目数量, 本年增/减). */
    record CountServiceItems(AgencyId agencyId, Article20Category category, LocalDate asOf, int count, String batchRef,
                             Recorded recorded) implements AgencyCommand {
    }

    /** Centralised government procurement (2019 format 第二十条第（九）项). */
    record RecordProcurement(AgencyId agencyId, LocalDate contractedOn, int projectCount, BigDecimal amountYuan,
                             String batchRef, Recorded recorded) implements AgencyCommand {
    }
}
