package cn.gongkai.ledger.command.calendar;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.command.infrastructure.EventEnvelopeJson;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The command side's index of the event store: which aggregates there are, from {@code domainevents} (one
 * document per event, {@code type} the aggregate type, see docs/operations.md), and their histories through
 * Axon's event store: every request by agency (for a calendar recomputation), an agency's whole history (for a
 * publication of its annual report).
 */
@Component
public class RequestHistoryReader {
    /** Axon's collection of domain events (axon-mongo's default name). */
    static final String DOMAIN_EVENTS = "domainevents";
    private static final String REQUEST_TYPE = EventTypes.aggregateTypeOf(DisclosureRequestEvent.class);
    private static final List<String> APPEAL_TYPES = List.of(EventTypes.aggregateTypeOf(ReconsiderationEvent.class),
            EventTypes.aggregateTypeOf(LawsuitEvent.class));

    private final MongoCollection<Document> domainEvents;
    private final EventStore eventStore;

    public RequestHistoryReader(MongoClient client, @Value("${spring.data.mongodb.database}") String database,
                                EventStore eventStore) {
        this.domainEvents = client.getDatabase(database).getCollection(DOMAIN_EVENTS);
        this.eventStore = eventStore;
    }

    /** How many ids one query of {@link #recorded} names. */
    static final int IDS_PER_QUERY = 500;

    /**
     * Which of the aggregates have any event recorded: a few queries on the event store's aggregate index (each
     * naming up to {@value #IDS_PER_QUERY} ids), not one per aggregate. What an import checks before it creates
     * a case.
     */
    public java.util.Set<String> recorded(Collection<String> aggregateIds) {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(aggregateIds));
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            for (Document event : domainEvents.find(Filters.in("aggregateIdentifier", chunk))
                    .projection(new Document("aggregateIdentifier", 1).append("_id", 0))) {
                recorded.add(event.getString("aggregateIdentifier"));
            }
        }
        return recorded;
    }

    /**
     * Which of the events are stored: those of {@code eventIds} found among the events of the aggregates (a query
     * on the event store's aggregate index, as {@link #recorded}). What a batch whose append failed asks, to tell
     * what it stored.
     */
    public java.util.Set<String> storedEvents(Collection<String> aggregateIds, Collection<String> eventIds) {
        java.util.Set<String> wanted = new java.util.HashSet<>(eventIds);
        java.util.Set<String> stored = new java.util.HashSet<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(aggregateIds));
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            for (Document event : domainEvents.find(Filters.in("aggregateIdentifier", chunk))
                    .projection(new Document("eventIdentifier", 1).append("_id", 0))) {
                String id = event.getString("eventIdentifier");
                if (wanted.contains(id)) {
                    stored.add(id);
                }
            }
        }
        return stored;
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

    /**
     * Every event of the agency's requests, of the agency itself and of the reconsiderations and lawsuits filed
     * against it, as envelopes (what the annual report is folded from), by aggregate and sequence.
     */
    public List<EventEnvelope> agencyHistory(AgencyId agency) {
        List<String> ids = new ArrayList<>();
        ids.add(agency.value());
        domainEvents.distinct("aggregateIdentifier", Filters.and(Filters.eq("type", REQUEST_TYPE),
                Filters.regex("aggregateIdentifier", "^" + Pattern.quote(RequestId.prefixOf(agency)))), String.class)
                .into(new TreeSet<>()).forEach(ids::add);
        List<EventEnvelope> events = new ArrayList<>();
        for (String id : ids) {
            events.addAll(envelopes(id));
        }
        for (String appeal : domainEvents.distinct("aggregateIdentifier", Filters.in("type", APPEAL_TYPES), String.class)
                .into(new TreeSet<>())) {
            List<EventEnvelope> history = envelopes(appeal);
            if (!history.isEmpty() && history.get(0).payload().namedAgency().filter(agency::equals).isPresent()) {
                events.addAll(history);
            }
        }
        return events;
    }

    private List<EventEnvelope> envelopes(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(EventEnvelopeJson::envelope).toList();
    }

    /** The requests' histories, each in sequence order. */
    public List<List<DisclosureRequestEvent>> histories(Collection<RequestId> requests) {
        return requests.stream().map(id -> eventStore.readEvents(id.value()).asStream()
                .map(EventMessage::getPayload).map(DisclosureRequestEvent.class::cast).toList()).toList();
    }
}
