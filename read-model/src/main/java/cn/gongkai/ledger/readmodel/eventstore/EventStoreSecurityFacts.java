package cn.gongkai.ledger.readmodel.eventstore;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.security.AgencyFacts;
import cn.gongkai.ledger.security.CommandHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The security module's ports ({@link AgencyFacts}, {@link CommandHistory}) answered by the one event-store reader,
 * with indexed, bounded queries: a case's or agency's first event by its id; an agency's trail by its aggregates
 * (itself, its requests by id prefix, its reconsiderations and lawsuits) and the time range, a page at a time. Which
 * reconsiderations and lawsuits are an agency's is learnt from their filing events, read once each: every query
 * reads only the filings stored since the previous one (less a look-back for appends still in flight).
 */
public final class EventStoreSecurityFacts implements AgencyFacts, CommandHistory {
    /** Events are appended with the store's clock: one appended a little earlier may become visible a little later. */
    static final Duration LOOK_BACK = Duration.ofMinutes(1);

    private final MongoEventStoreReader reader;
    private final Map<String, AgencyId> appealAgencies = new ConcurrentHashMap<>();
    private volatile Instant filingsReadUpTo;

    public EventStoreSecurityFacts(MongoEventStoreReader reader) {
        this.reader = reader;
        reader.indexForAgencyQueries();
    }

    @Override
    public Optional<AgencyId> agencyNamedAtFiling(String caseId) {
        AgencyId known = appealAgencies.get(caseId);
        if (known != null) {
            return Optional.of(known);
        }
        return reader.firstEvent(caseId).flatMap(first -> first.payload().namedAgency());
    }

    @Override
    public Optional<AgencyId> superiorOf(AgencyId agency) {
        return reader.firstEvent(agency.value()).map(EventEnvelope::payload)
                .filter(AgencyRegistered.class::isInstance).map(AgencyRegistered.class::cast)
                .map(AgencyRegistered::superiorAgencyId);
    }

    @Override
    public List<Command> recordedFor(AgencyId agency, Instant from, Instant to, int page, int size) {
        List<String> appeals = appealsOf(agency);
        return reader.storedFor(agency, appeals, from, to, page, size).stream()
                .map(e -> new Command(e.payload().recorded().at(), e.payload().recorded().by(), e.aggregateId(),
                        e.sequence(), e.type(), e.timestamp()))
                .toList();
    }

    private List<String> appealsOf(AgencyId agency) {
        Instant since = filingsReadUpTo;
        Instant latest = since;
        for (EventEnvelope filing : reader.filingsStoredSince(since == null ? null : since.minus(LOOK_BACK))) {
            filing.payload().namedAgency().ifPresent(named -> appealAgencies.put(filing.aggregateId(), named));
            if (filing.timestamp() != null && (latest == null || filing.timestamp().isAfter(latest))) {
                latest = filing.timestamp();
            }
        }
        filingsReadUpTo = latest;
        return appealAgencies.entrySet().stream().filter(e -> e.getValue().equals(agency)).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
