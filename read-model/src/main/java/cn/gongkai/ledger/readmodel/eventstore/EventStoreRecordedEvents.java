package cn.gongkai.ledger.readmodel.eventstore;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.readmodel.query.RecordedEvents;
import cn.gongkai.ledger.readmodel.store.AggregateProgress;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import java.util.List;

/**
 * {@link RecordedEvents} from the event store: the agency's own stream and its requests and publications by id
 * prefix (the aggregate index), and its reconsiderations and lawsuits by id — which cases those are is read from
 * the read model's progress of each case (it holds the agency its filing named), so no query scans the store's
 * filings: the cost follows the agency's history, not the store's size.
 */
public final class EventStoreRecordedEvents implements RecordedEvents {
    private final MongoEventStoreReader reader;
    private final AggregateProgressRepository progress;

    public EventStoreRecordedEvents(MongoEventStoreReader reader, AggregateProgressRepository progress) {
        this.reader = reader;
        this.progress = progress;
    }

    @Override
    public List<EventEnvelope> ofAgency(AgencyId agencyId) {
        String prefix = RequestId.prefixOf(agencyId);
        List<String> appeals = progress.ofAgency(agencyId.value()).stream().map(AggregateProgress::aggregateId)
                .filter(id -> !id.equals(agencyId.value()) && !id.startsWith(prefix)).sorted().toList();
        return reader.readAgency(agencyId, appeals);
    }
}
