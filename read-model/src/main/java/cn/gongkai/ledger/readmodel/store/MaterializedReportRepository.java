package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code annual_reports}: one {@link MaterializedReport} per agency-year, keyed {@code agencyId|year}. Every write
 * touches the subtrees of the agencies written ({@link AgencyTreeRepository#touchSubtrees}) once it is stored, so no
 * roll-up kept under an older subtree version is served after it.
 */
public final class MaterializedReportRepository {
    private final RecordCollection<MaterializedReport> reports;
    private final AgencyTreeRepository tree;

    public MaterializedReportRepository(ReadModelDatabase database) {
        this.reports = new RecordCollection<>(database, ReadModelDatabase.REPORTS, MaterializedReport.class);
        this.tree = new AgencyTreeRepository(database);
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
        IdChunks.forEach(ids, chunk -> reports.raw().find(Filters.in("_id", chunk)).projection(Projections.include("json"))
                .forEach(d -> found.put(d.getString("_id"), d.getString("json"))));
        return found;
    }

    /** The agency's reports of these years (those materialised), by year, in one read by {@code _id}. */
    public Map<Integer, MaterializedReport> findYears(String agencyId, Collection<Integer> years) {
        Map<Integer, MaterializedReport> found = new HashMap<>();
        reports.findAll(years.stream().map(year -> MaterializedReport.id(agencyId, year)).toList())
                .values().forEach(report -> found.put(report.year(), report));
        return found;
    }

    /**
     * The versions ({@link MaterializedReport#version}) of the reports stored under the given ids, by id (a report
     * stored without one is absent): read by {@code _id} only, and only that field.
     */
    public Map<String, String> versionById(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        IdChunks.forEach(ids, chunk -> reports.raw().find(Filters.in("_id", chunk))
                .projection(Projections.include("version")).forEach(d -> {
                    if (d.getString("version") != null) {
                        found.put(d.getString("_id"), d.getString("version"));
                    }
                }));
        return found;
    }

    /** The reports stored under the given ids, by id, read by {@code _id} ({@value IdChunks#SIZE} ids a round trip). */
    public Map<String, MaterializedReport> findById(Collection<String> ids) {
        return reports.findAll(ids);
    }

    public void save(MaterializedReport report) {
        reports.save(MaterializedReport.id(report.agencyId(), report.year()), report);
        tree.touchSubtrees(List.of(report.agencyId()));
    }

    /** Saves each, as {@link #save} does, in one round trip. */
    public void saveAll(Collection<MaterializedReport> values) {
        store(values);
        tree.touchSubtrees(values.stream().map(MaterializedReport::agencyId).distinct().toList());
    }

    /**
     * Stores the agencies' reports of the years given and removes their other years ({@link #saveAll} then
     * {@link #retainOnly(Map)}), then touches every agency's subtree once: what the projector writes of a batch.
     */
    public void replaceAll(Collection<MaterializedReport> values, Map<String, ? extends Collection<Integer>> yearsByAgency) {
        store(values);
        removeOtherYears(yearsByAgency);
        java.util.Set<String> agencies = new java.util.LinkedHashSet<>(yearsByAgency.keySet());
        values.forEach(r -> agencies.add(r.agencyId()));
        tree.touchSubtrees(agencies);
    }

    private void store(Collection<MaterializedReport> values) {
        Map<String, MaterializedReport> byId = new java.util.LinkedHashMap<>();
        values.forEach(r -> byId.put(MaterializedReport.id(r.agencyId(), r.year()), r));
        reports.saveAll(byId);
    }

    /**
     * For each agency given, removes its reports on years not in its list, as {@link #retainOnly} does: one
     * indexed read of the agencies' stored years, and one delete by {@code _id} when any is to go.
     */
    public void retainOnly(Map<String, ? extends Collection<Integer>> yearsByAgency) {
        removeOtherYears(yearsByAgency);
        tree.touchSubtrees(yearsByAgency.keySet());
    }

    private void removeOtherYears(Map<String, ? extends Collection<Integer>> yearsByAgency) {
        if (yearsByAgency.isEmpty()) {
            return;
        }
        List<String> stale = new java.util.ArrayList<>();
        reports.raw().find(Filters.in("agencyId", yearsByAgency.keySet()))
                .projection(Projections.include("agencyId", "year")).forEach(d -> {
                    Collection<Integer> kept = yearsByAgency.get(d.getString("agencyId"));
                    Number year = d.get("year", Number.class);
                    if (kept != null && (year == null || !kept.contains(year.intValue()))) {
                        stale.add(d.getString("_id"));
                    }
                });
        reports.removeAll(stale);
    }

    public List<MaterializedReport> ofAgency(String agencyId) {
        return reports.list(Filters.eq("agencyId", agencyId));
    }

    /** Removes the agency's reports on years no longer in {@code years} (after a correction moved every date out). */
    public void retainOnly(String agencyId, Collection<Integer> years) {
        reports.removeAll(Filters.and(Filters.eq("agencyId", agencyId), Filters.nin("year", years)));
        tree.touchSubtrees(List.of(agencyId));
    }
}
