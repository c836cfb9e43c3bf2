package cn.gongkai.ledger.command.calendar;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The disclosure requests in the event store: their ids from {@code domainevents} (one document per event,
 * {@code type} the aggregate type, see docs/operations.md) and their histories through Axon's event store.
 */
@Component
public class RequestHistoryReader {
    /** Axon's collection of domain events (axon-mongo's default name). */
    static final String DOMAIN_EVENTS = "domainevents";
    private static final String REQUEST_TYPE = EventTypes.aggregateTypeOf(DisclosureRequestEvent.class);

    private final MongoCollection<Document> domainEvents;
    private final EventStore eventStore;

    public RequestHistoryReader(MongoClient client, @Value("${spring.data.mongodb.database}") String database,
                                EventStore eventStore) {
        this.domainEvents = client.getDatabase(database).getCollection(DOMAIN_EVENTS);
        this.eventStore = eventStore;
    }

    /** Every request's id, by agency (agencies and requests in id order). */
    public Map<AgencyId, List<RequestId>> requestsByAgency() {
        Map<AgencyId, List<RequestId>> byAgency = new TreeMap<>(Comparator.comparing(AgencyId::value));
        for (String id : domainEvents.distinct("aggregateIdentifier", Filters.eq("type", REQUEST_TYPE), String.class)) {
            RequestId requestId = new RequestId(id);
            byAgency.computeIfAbsent(requestId.agencyId(), agency -> new ArrayList<>()).add(requestId);
        }
        byAgency.values().forEach(ids -> ids.sort(Comparator.comparing(RequestId::value)));
        return byAgency;
    }

    /** The requests' histories, each in sequence order. */
    public List<List<DisclosureRequestEvent>> histories(Collection<RequestId> requests) {
        return requests.stream().map(id -> eventStore.readEvents(id.value()).asStream()
                .map(EventMessage::getPayload).map(DisclosureRequestEvent.class::cast).toList()).toList();
    }
}
