package cn.gongkai.ledger.readmodel.publication;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.publication.PublicationEvent;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.api.publication.PublicationLifecycle;
import cn.gongkai.ledger.readmodel.query.PublishedReport;
import java.util.List;
import java.util.Optional;

/**
 * The read model of a publication: its latest revision, as the one {@link PublicationLifecycle} (the publication
 * aggregate's state) has it after the publication's counted events.
 */
public final class PublicationFold {
    private PublicationFold() {
    }

    /** The latest revision published among the events, if any (events of other aggregates are ignored). */
    public static Optional<PublishedReport> latest(List<EventEnvelope> events) {
        List<PublicationEvent> publication = events.stream().map(EventEnvelope::payload)
                .filter(PublicationEvent.class::isInstance).map(PublicationEvent.class::cast).toList();
        return view(PublicationLifecycle.replay(publication));
    }

    /** What the read model shows of a publication's state. */
    public static Optional<PublishedReport> view(PublicationLifecycle.State state) {
        if (!(state instanceof PublicationLifecycle.Published published)) {
            return Optional.empty();
        }
        AnnualReportPublished latest = published.latest();
        return Optional.of(new PublishedReport(latest.publicationId().agencyId().value(),
                latest.publicationId().year(), latest.revision(), latest.format(), latest.appealPolicy(),
                latest.recorded().at(), latest.recorded().by(), latest.watermark(), latest.eventCount(),
                latest.tablesSha256(), latest.tables()));
    }
}
