package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import java.util.Optional;

/**
 * {@code case_summaries}, the projector's side: one {@link CaseSummary} per request, reconsideration or lawsuit,
 * keyed by the case id, with {@code caseType}, {@code agencyId}, {@code status} and {@code year} at the top level
 * for filtering. The query side reads it through {@link cn.gongkai.ledger.readmodel.query.CaseSummaries}.
 */
public final class CaseSummaryRepository {
    private final RecordCollection<CaseSummary> cases;

    public CaseSummaryRepository(ReadModelDatabase database) {
        this.cases = new RecordCollection<>(database, ReadModelDatabase.CASES, CaseSummary.class);
    }

    public void save(CaseSummary summary) {
        cases.save(summary.id(), summary);
    }

    /** Saves each, as {@link #save} does, in one round trip. */
    public void saveAll(java.util.Collection<CaseSummary> summaries) {
        cases.saveAll(byId(summaries));
    }

    /**
     * Saves each with the same result as {@link #saveAll}, for records not expected to be stored yet (a rebuild's
     * into a fresh read model): inserted, those already there replaced.
     */
    public void insertAll(java.util.Collection<CaseSummary> summaries) {
        cases.insertAll(byId(summaries));
    }

    private static java.util.Map<String, CaseSummary> byId(java.util.Collection<CaseSummary> values) {
        java.util.Map<String, CaseSummary> byId = new java.util.LinkedHashMap<>();
        values.forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    public Optional<CaseSummary> find(CaseType caseType, String id) {
        return cases.find(id).filter(c -> c.caseType() == caseType);
    }
}
