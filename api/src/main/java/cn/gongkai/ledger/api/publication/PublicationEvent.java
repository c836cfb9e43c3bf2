package cn.gongkai.ledger.api.publication;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import java.time.Instant;
import java.util.Optional;

/** Events of the publication of an annual report: the legally binding act, and its later revisions. */
public sealed interface PublicationEvent extends LedgerEvent {
    PublicationId publicationId();

    @Override
    default String aggregateId() {
        return publicationId().value();
    }

    /** Every publication event names the agency whose report it is. */
    @Override
    default Optional<AgencyId> namedAgency() {
        return Optional.of(publicationId().agencyId());
    }

    /**
     * The report of {@code publicationId}'s agency and year was published ({@code revision} 1) or revised (2, 3 …):
     * the tables are what the fold gives over the agency's events recorded up to {@code watermark}, so anyone with
     * the events can reproduce them; {@code recorded.by} is the publishing officer.
     */
    record AnnualReportPublished(PublicationId publicationId, int revision, String format, String appealPolicy,
                                 Instant watermark, int eventCount, String tables, String tablesSha256,
                                 Recorded recorded) implements PublicationEvent {
    }
}
