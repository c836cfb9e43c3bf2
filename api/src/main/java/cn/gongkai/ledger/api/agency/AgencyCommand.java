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

    /**
     * Opens the agency's ledger at the start of {@code firstYear}: its reports count from 1 January of that year
     * on, and every earlier year is not covered (never reported partially). What was open on that day is
     * recorded as opening balances: documents in force (back-dated {@link IssueNormativeDocument}s, or
     * {@link CountOpeningRegister} per kind), requests and appeals pending (back-dated registrations with their
     * steps so far). {@code source} says where the opening figures come from (e.g. the last published report).
     */
    record OpenLedger(AgencyId agencyId, int firstYear, String source, Recorded recorded) implements AgencyCommand {
    }

    /**
     * The number of documents of a kind in force at the end of the year before the ledger opened, when they are
     * not registered one by one; with the source the count comes from. Once per kind.
     */
    record CountOpeningRegister(AgencyId agencyId, NormativeDocumentKind kind, int inForce, String source,
                                Recorded recorded) implements AgencyCommand {
    }

    /**
     * The table-四 counting policy the agency's reports follow from the report of {@code fromYear} on: every report,
     * period figure, check, export and publication of such a year uses it unless a query names another.
     * {@code policy} is {@code OPEN_IN_YEAR} or {@code FILED_IN_YEAR}; {@code reason} is required.
     */
    record SetAppealCountingPolicy(AgencyId agencyId, String policy, int fromYear, String reason, Recorded recorded)
            implements AgencyCommand {
    }
}
