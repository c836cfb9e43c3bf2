package cn.gongkai.ledger.report.projection.reconcile;

import cn.gongkai.ledger.readmodel.store.QuarantineRepository.QuarantinedRecord;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import cn.gongkai.ledger.report.diff.CellChange;
import java.util.List;

/**
 * What reconciling one agency-year found: the report recomputed straight from the event store against the
 * Kafka-fed read model's, cell by cell ({@code differences}: {@code before} is the event store's value,
 * {@code after} the read model's), and the aggregates the read model has not fully counted.
 *
 * @param consistent  whether every cell agrees
 * @param heldBack    the agency's cases the read model holds back (a gap the event store could not fill, or a
 *                    quarantined event): why it lags
 * @param quarantined what the projector quarantined of the agency (records that were not valid events, events that
 *                    could not be projected), with the reasons
 */
public record ReconciliationResult(String agencyId, int year, String format, String appealPolicy, boolean consistent,
                                   List<CellChange> differences, List<AggregateLag> laggingAggregates,
                                   String eventStoreAsOf, String readModelAsOf, int eventStoreEvents,
                                   int readModelEvents, List<SequenceGap> heldBack,
                                   List<QuarantinedRecord> quarantined) {
    public ReconciliationResult {
        differences = List.copyOf(differences);
        laggingAggregates = List.copyOf(laggingAggregates);
        heldBack = List.copyOf(heldBack);
        quarantined = List.copyOf(quarantined);
    }

    /**
     * An aggregate whose last event in the event store is not the last one the read model counts
     * ({@code readModelLastSequence} is -1 when the read model counts none of it).
     */
    public record AggregateLag(String aggregateId, long eventStoreLastSequence, long readModelLastSequence) {
    }
}
