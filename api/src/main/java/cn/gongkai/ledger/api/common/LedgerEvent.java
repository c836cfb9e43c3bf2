package cn.gongkai.ledger.api.common;

import java.util.Optional;

/** An event of one of the ledger's aggregates. */
public interface LedgerEvent {
    /** The identifier of the aggregate that emitted it (the Kafka key). */
    String aggregateId();

    Recorded recorded();

    /**
     * The agency this event names: every event of a request (in its id) or of an agency, and the filing event of a
     * reconsideration or lawsuit; empty for a reconsideration's or lawsuit's later events.
     */
    Optional<AgencyId> namedAgency();
}
