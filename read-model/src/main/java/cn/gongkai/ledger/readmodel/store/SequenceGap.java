package cn.gongkai.ledger.readmodel.store;

import java.time.Instant;
import java.util.List;

/**
 * A case held back: events above {@code lastContiguous} arrived ({@code held}) but {@code missing} did not, and
 * the event store could not supply them either, or one of them could not be projected and is quarantined
 * ({@code quarantined}, see {@link QuarantineRepository}). None of the held events is counted until the gap is
 * filled or the quarantine lifted. {@code agencyId} is null when the missing part includes the event that names
 * the agency and nothing else names it. {@code missing} lists at most {@value #LISTED_MISSING} sequences.
 */
public record SequenceGap(String aggregateId, String aggregateType, String agencyId, long lastContiguous,
                          List<Long> missing, List<Long> held, List<Long> quarantined, Instant firstDetectedAt,
                          Instant lastCheckedAt, int repairAttempts) {
    /** How many missing sequences a gap lists (a record claiming sequence 10⁸ must not make a list of 10⁸). */
    public static final int LISTED_MISSING = 100;

    public SequenceGap {
        missing = List.copyOf(missing);
        held = List.copyOf(held);
        quarantined = quarantined == null ? List.of() : List.copyOf(quarantined);
    }
}
