package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code annual_reports}: one {@link MaterializedReport} per agency-year, keyed {@code agencyId|year}. */
public final class MaterializedReportRepository {
    private final RecordCollection<MaterializedReport> reports;

    public MaterializedReportRepository(ReadModelDatabase database) {
        this.reports = new RecordCollection<>(database, ReadModelDatabase.REPORTS, MaterializedReport.class);
    }

    public Optional<MaterializedReport> find(String agencyId, int year) {
        return reports.find(MaterializedReport.id(agencyId, year));
    }

    /**
     * The canonical JSON of the reports stored under the given ids ({@link MaterializedReport#id}), by id: read by
     * {@code _id} only, and only that field.
     */
    public Map<String, String> jsonById(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        if (!ids.isEmpty()) {
            reports.raw().find(Filters.in("_id", ids)).projection(Projections.include("json"))
                    .forEach(d -> found.put(d.getString("_id"), d.getString("json")));
        }
        return found;
    }

    /** The agency's reports of these years (those materialised), by year, in one read by {@code _id}. */
    public Map<Integer, MaterializedReport> findYears(String agencyId, Collection<Integer> years) {
        Map<Integer, MaterializedReport> found = new HashMap<>();
        reports.findAll(years.stream().map(year -> MaterializedReport.id(agencyId, year)).toList())
                .values().forEach(report -> found.put(report.year(), report));
        return found;
    }

    public void save(MaterializedReport report) {
        reports.save(MaterializedReport.id(report.agencyId(), report.year()), report);
    }

    public List<MaterializedReport> ofAgency(String agencyId) {
        return reports.list(Filters.eq("agencyId", agencyId));
    }

    /** Removes the agency's reports on years no longer in {@code years} (after a correction moved every date out). */
    public void retainOnly(String agencyId, Collection<Integer> years) {
        reports.removeAll(Filters.and(Filters.eq("agencyId", agencyId), Filters.nin("year", years)));
    }
}
