package cn.gongkai.ledger.readmodel.store;

import java.time.Instant;
import java.util.List;

/**
 * A case held back: events above {@code lastContiguous} arrived ({@code held}) but {@code missing} did not, and
 * the event store could not supply them either. None of the held events is counted until the gap is filled.
 * {@code agencyId} is null when the missing part includes the event that names the agency.
 */
public record SequenceGap(String aggregateId, String aggregateType, String agencyId, long lastContiguous,
                          List<Long> missing, List<Long> held, Instant firstDetectedAt, Instant lastCheckedAt,
                          int repairAttempts) {
    public SequenceGap {
        missing = List.copyOf(missing);
        held = List.copyOf(held);
    }
}
