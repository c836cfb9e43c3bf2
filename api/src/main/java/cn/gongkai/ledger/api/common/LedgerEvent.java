package cn.gongkai.ledger.api.common;

/** An event of one of the ledger's aggregates. */
public interface LedgerEvent {
    /** The identifier of the aggregate that emitted it (the Kafka key). */
    String aggregateId();

    Recorded recorded();
}
