package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Optional;

/** {@code projection_progress}: one {@link AggregateProgress} per aggregate, keyed by its id. */
public final class AggregateProgressRepository {
    private final RecordCollection<AggregateProgress> progress;

    public AggregateProgressRepository(ReadModelDatabase database) {
        this.progress = new RecordCollection<>(database, ReadModelDatabase.PROGRESS, AggregateProgress.class);
    }

    public Optional<AggregateProgress> find(String aggregateId) {
        return progress.find(aggregateId);
    }

    public void save(AggregateProgress value) {
        progress.save(value.aggregateId(), value);
    }

    /** The progress of each of these aggregates that has one, by aggregate id, in one round trip. */
    public java.util.Map<String, AggregateProgress> findAll(java.util.Collection<String> aggregateIds) {
        return progress.findAll(aggregateIds);
    }

    /** Saves each, as {@link #save} does, in one round trip. */
    public void saveAll(java.util.Collection<AggregateProgress> values) {
        progress.saveAll(byId(values));
    }

    /**
     * Saves each with the same result as {@link #saveAll}, for records not expected to be stored yet (a rebuild's
     * into a fresh read model): inserted, those already there replaced.
     */
    public void insertAll(java.util.Collection<AggregateProgress> values) {
        progress.insertAll(byId(values));
    }

    private static java.util.Map<String, AggregateProgress> byId(java.util.Collection<AggregateProgress> values) {
        java.util.Map<String, AggregateProgress> byId = new java.util.LinkedHashMap<>();
        values.forEach(v -> byId.put(v.aggregateId(), v));
        return byId;
    }

    /** The aggregates of one type ({@code Agency}, {@code DisclosureRequest} …) whose events have been seen. */
    public List<AggregateProgress> ofType(String aggregateType) {
        return progress.list(Filters.eq("aggregateType", aggregateType));
    }

    /**
     * Whether any aggregate of the agency has a counted event ({@code lastContiguous ≥ 0}): one document read at
     * most, through the {@code agencyId} index, however many cases the agency has.
     */
    public boolean anyCountedOfAgency(String agencyId) {
        return progress.any(Filters.and(Filters.eq("agencyId", agencyId), Filters.gte("lastContiguous", 0L)));
    }

    /** The aggregates of an agency whose first event has been seen. */
    public List<AggregateProgress> ofAgency(String agencyId) {
        return progress.list(Filters.eq("agencyId", agencyId));
    }
}
