package cn.gongkai.ledger.readmodel.store;

/**
 * How far the read model has counted one aggregate: its events {@code 0 … lastContiguous} are all present and
 * counted; {@code highestSeen} above it means a gap (events held back). {@code agencyId} is null while the
 * aggregate's first event, which names the agency of a reconsideration or lawsuit, has not been seen.
 */
public record AggregateProgress(String aggregateId, String aggregateType, String agencyId, long lastContiguous,
                                long highestSeen) {
    public boolean hasGap() {
        return highestSeen > lastContiguous;
    }
}
