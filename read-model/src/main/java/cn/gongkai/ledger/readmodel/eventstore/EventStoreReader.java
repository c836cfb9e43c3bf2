package cn.gongkai.ledger.readmodel.eventstore;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import java.util.List;

/**
 * Reads events straight from the event store (the source of truth), to repair gaps, to reconcile and to rebuild.
 * The one reader of the store outside the command service: {@link MongoEventStoreReader} is the only class there
 * that knows the store's schema (the architecture test holds it to that).
 */
public interface EventStoreReader {
    /** The events of one aggregate with a sequence of at least {@code fromSequence}, in sequence order. */
    List<EventEnvelope> readAggregate(String aggregateId, long fromSequence);

    /**
     * Every event of the agency's aggregates: its own (the Article-20 register), its requests, and the
     * reconsiderations and lawsuits filed against it.
     */
    List<EventEnvelope> readAgency(AgencyId agencyId);
}
