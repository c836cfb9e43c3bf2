package cn.gongkai.ledger.report.projection.eventstore;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import java.util.List;

/** Reads events straight from the event store (the source of truth), to repair gaps and to reconcile. */
public interface EventStoreReader {
    /** The events of one aggregate with a sequence of at least {@code fromSequence}, in sequence order. */
    List<EventEnvelope> readAggregate(String aggregateId, long fromSequence);

    /**
     * Every event of the agency's aggregates: its own (the Article-20 register), its requests, and the
     * reconsiderations and lawsuits filed against it.
     */
    List<EventEnvelope> readAgency(AgencyId agencyId);
}
