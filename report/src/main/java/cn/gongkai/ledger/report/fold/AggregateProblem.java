package cn.gongkai.ledger.report.fold;

import java.util.List;

/**
 * Why one aggregate's history cannot be folded as given. The caller repairs it by reading the aggregate's
 * events again from the event store (by {@code aggregateId}, from sequence 0) and folding once more.
 *
 * @param sequences the missing sequence numbers, at most the first 1000 ({@link Kind#MISSING_SEQUENCES}) or the sequence numbers that
 *                  carry two different events ({@link Kind#CONFLICTING_DUPLICATES})
 */
public record AggregateProblem(String aggregateId, String aggregateType, Kind kind, List<Long> sequences) {
    public enum Kind {
        /** A gap: some sequence numbers below the highest one seen are missing (0 included). */
        MISSING_SEQUENCES,
        /** Two events with the same (aggregateId, sequence) but different contents. */
        CONFLICTING_DUPLICATES
    }

    public AggregateProblem {
        sequences = List.copyOf(sequences);
    }
}
