package cn.gongkai.ledger.api.publication;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import java.time.Instant;

/** Commands of the publication of an annual report (《政府信息公开工作年度报告》). */
public sealed interface PublicationCommand extends LedgerCommand {
    PublicationId publicationId();

    @Override
    default String targetAggregateId() {
        return publicationId().value();
    }

    /**
     * Publish the report (or, when the year is published already, a revision of it): the tables as folded from
     * the agency's events recorded up to {@code watermark}, in canonical JSON, with their SHA-256.
     *
     * @param format       the report format's code ({@code 2019} or {@code 2021})
     * @param appealPolicy how reconsiderations and lawsuits are counted ({@code OPEN_IN_YEAR} or {@code FILED_IN_YEAR})
     * @param watermark    the recording time of the latest event the tables were folded from
     * @param eventCount   how many events they were folded from
     * @param tables       the report's canonical JSON
     * @param tablesSha256 the SHA-256 of {@code tables} (UTF-8), lower-case hex
     */
    record PublishAnnualReport(PublicationId publicationId, String format, String appealPolicy, Instant watermark,
                               int eventCount, String tables, String tablesSha256, Recorded recorded)
            implements PublicationCommand {
    }
}
