package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Optional;

/** {@code projection_gaps}: the cases held back, one {@link SequenceGap} per aggregate, keyed by its id. */
public final class SequenceGapRepository {
    private final RecordCollection<SequenceGap> gaps;

    public SequenceGapRepository(ReadModelDatabase database) {
        this.gaps = new RecordCollection<>(database, ReadModelDatabase.GAPS, SequenceGap.class);
    }

    public Optional<SequenceGap> find(String aggregateId) {
        return gaps.find(aggregateId);
    }

    public void save(SequenceGap gap) {
        gaps.save(gap.aggregateId(), gap);
    }

    public void remove(String aggregateId) {
        gaps.remove(aggregateId);
    }

    /** Removes the gaps of these aggregates (those recorded), in one round trip. */
    public void removeAll(java.util.Collection<String> aggregateIds) {
        gaps.removeAll(aggregateIds);
    }

    public List<SequenceGap> all() {
        return gaps.list(Filters.empty());
    }

    /** The ids of each of these agencies' cases held back, by agency (an agency without any left out), in one read. */
    public java.util.Map<String, List<String>> heldBackOfAgencies(java.util.Collection<String> agencyIds) {
        java.util.Map<String, List<String>> byAgency = new java.util.HashMap<>();
        if (!agencyIds.isEmpty()) {
            gaps.list(Filters.in("agencyId", agencyIds)).forEach(g -> byAgency
                    .computeIfAbsent(g.agencyId(), a -> new java.util.ArrayList<>()).add(g.aggregateId()));
        }
        return byAgency;
    }

    /** The ids of the agency's cases held back (those whose agency is known). */
    public List<String> heldBackOfAgency(String agencyId) {
        return gaps.list(Filters.eq("agencyId", agencyId)).stream().map(SequenceGap::aggregateId).toList();
    }
}
