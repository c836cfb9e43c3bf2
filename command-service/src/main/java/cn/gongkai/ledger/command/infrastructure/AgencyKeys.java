package cn.gongkai.ledger.command.infrastructure;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.RecentlyUsed;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The Kafka key of an event: its agency, so that all of an agency's events — its requests, reconsiderations,
 * lawsuits, register and publications — go to one partition, in order, and one projector instance of a consumer
 * group owns the agency's reports. Most events name their agency; a reconsideration's or a lawsuit's later
 * events do not, and take it from the case's filing, read once from the event store and remembered (the
 * {@value #REMEMBERED} cases seen last). A stream without any event naming an agency keeps its aggregate id as key.
 */
final class AgencyKeys {
    static final int REMEMBERED = 100_000;

    private final EventStore events;
    private final Map<String, String> agencyOfAggregate = RecentlyUsed.map(REMEMBERED);

    AgencyKeys(EventStore events) {
        this.events = events;
    }

    String keyOf(LedgerEvent event, String aggregateId) {
        Optional<AgencyId> named = event.namedAgency();
        if (named.isPresent()) {
            agencyOfAggregate.put(aggregateId, named.get().value());
            return named.get().value();
        }
        return agencyOfAggregate.computeIfAbsent(aggregateId, this::filedAgency);
    }

    private String filedAgency(String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId, 0); // from the first event, never a snapshot
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof LedgerEvent e && e.namedAgency().isPresent()) {
                return e.namedAgency().get().value();
            }
        }
        return aggregateId;
    }
}
