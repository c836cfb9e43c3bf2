package cn.gongkai.ledger.report.projection.store;

import cn.gongkai.ledger.report.projection.casefile.CaseStatus;
import cn.gongkai.ledger.report.projection.casefile.CaseSummary;
import cn.gongkai.ledger.report.projection.casefile.CaseType;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;

/**
 * {@code case_summaries}: one {@link CaseSummary} per request, reconsideration or lawsuit, keyed by the case id,
 * with {@code caseType}, {@code agencyId}, {@code status} and {@code year} at the top level for filtering.
 */
public final class CaseSummaryRepository {
    private final RecordCollection<CaseSummary> cases;

    public CaseSummaryRepository(ReadModelDatabase database) {
        this.cases = new RecordCollection<>(database, ReadModelDatabase.CASES, CaseSummary.class);
    }

    /** A page of summaries (without timelines) and the number of matching cases. */
    public record Page(List<CaseSummary> items, int page, int size, long total) {
    }

    /** What to list: every criterion but the type may be null (no restriction). */
    public record Criteria(CaseType caseType, String agencyId, CaseStatus status, Integer year) {
    }

    public void save(CaseSummary summary) {
        cases.save(summary.id(), summary);
    }

    public Optional<CaseSummary> find(CaseType caseType, String id) {
        return cases.find(id).filter(c -> c.caseType() == caseType);
    }

    /** Cases matching {@code criteria}, newest first (by {@code openedOn}, then id), page {@code page} from 0. */
    public Page find(Criteria criteria, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("caseType", criteria.caseType().name()));
        if (criteria.agencyId() != null) {
            filters.add(Filters.eq("agencyId", criteria.agencyId()));
        }
        if (criteria.status() != null) {
            filters.add(Filters.eq("status", criteria.status().name()));
        }
        if (criteria.year() != null) {
            filters.add(Filters.eq("year", criteria.year()));
        }
        Bson filter = Filters.and(filters);
        List<CaseSummary> items = new ArrayList<>();
        cases.raw().find(filter).projection(Projections.exclude("timeline"))
                .sort(Sorts.orderBy(Sorts.descending("openedOn"), Sorts.ascending("_id")))
                .skip(page * size).limit(size)
                .forEach(d -> items.add(ReadModelJson.fromDocument(d, CaseSummary.class)));
        return new Page(items, page, size, cases.raw().countDocuments(filter));
    }
}
