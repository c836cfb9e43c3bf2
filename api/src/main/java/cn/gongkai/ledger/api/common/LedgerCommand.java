package cn.gongkai.ledger.api.common;

/** A command; it names the aggregate it is for, so no framework annotation is needed here. */
public interface LedgerCommand {
    String targetAggregateId();

    Recorded recorded();
}
