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

    /** The aggregates of one type ({@code Agency}, {@code DisclosureRequest} …) whose events have been seen. */
    public List<AggregateProgress> ofType(String aggregateType) {
        return progress.list(Filters.eq("aggregateType", aggregateType));
    }

    /** The aggregates of an agency whose first event has been seen. */
    public List<AggregateProgress> ofAgency(String agencyId) {
        return progress.list(Filters.eq("agencyId", agencyId));
    }
}
