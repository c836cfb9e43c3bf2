package cn.gongkai.ledger.readmodel.publication;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.readmodel.query.PublishedReport;
import java.util.List;
import java.util.Optional;

/** The read model of a publication: its latest revision, from the publication's counted events. */
public final class PublicationFold {
    private PublicationFold() {
    }

    /** The latest {@code AnnualReportPublished} among the events, if any (others are ignored). */
    public static Optional<PublishedReport> latest(List<EventEnvelope> events) {
        PublishedReport latest = null;
        for (EventEnvelope event : events) {
            if (event.payload() instanceof AnnualReportPublished published) {
                latest = new PublishedReport(published.publicationId().agencyId().value(),
                        published.publicationId().year(), published.revision(), published.format(),
                        published.appealPolicy(), published.recorded().at(), published.recorded().by(),
                        published.watermark(), published.eventCount(), published.tablesSha256(), published.tables());
            }
        }
        return Optional.ofNullable(latest);
    }
}
