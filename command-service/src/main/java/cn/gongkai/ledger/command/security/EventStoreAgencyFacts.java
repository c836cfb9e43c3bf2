package cn.gongkai.ledger.command.security;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.security.AgencyFacts;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The security module's {@link AgencyFacts} in the command service, from its own event store: the first event of
 * the case or agency (Axon's load of one aggregate, by its index), never a scan.
 */
@Component
@Order(0)
public class EventStoreAgencyFacts implements AgencyFacts {
    private final EventStore eventStore;

    public EventStoreAgencyFacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<AgencyId> agencyNamedAtFiling(String caseId) {
        return first(caseId).flatMap(LedgerEvent::namedAgency);
    }

    @Override
    public Optional<AgencyId> superiorOf(AgencyId agency) {
        return first(agency.value()).filter(AgencyRegistered.class::isInstance).map(AgencyRegistered.class::cast)
                .map(AgencyRegistered::superiorAgencyId);
    }

    private Optional<LedgerEvent> first(String aggregateId) {
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getSequenceNumber() == 0 && first.getPayload() instanceof LedgerEvent event
                ? Optional.of(event) : Optional.empty();
    }
}
