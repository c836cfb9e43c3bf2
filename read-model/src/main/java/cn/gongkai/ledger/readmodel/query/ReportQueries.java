package cn.gongkai.ledger.readmodel.query;

import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The annual reports in the read model, read only: materialised, held back, published. */
public final class ReportQueries {
    private final MaterializedReportRepository materialized;
    private final SequenceGapRepository gaps;
    private final PublishedReportRepository published;

    public ReportQueries(MaterializedReportRepository materialized, SequenceGapRepository gaps,
                         PublishedReportRepository published) {
        this.materialized = materialized;
        this.gaps = gaps;
        this.published = published;
    }

    /**
     * The canonical JSON of the agency-year's report as the projector materialised it: in the format in force for
     * the year, under the default appeal policy.
     */
    public Optional<String> materializedJson(String agencyId, int year) {
        return materialized.find(agencyId, year).map(MaterializedReport::json);
    }

    /**
     * An agency-year's report as the projector materialised it (format in force, default policy).
     *
     * @param json         the canonical report JSON, exactly as served
     * @param appealPolicy the table-四 policy it was folded under (the agency's for the year)
     * @param version      names the counted events it was folded from: changes whenever they change (null for a
     *                     report stored before versions were)
     */
    public record Materialized(int year, String json, String format, String appealPolicy, String version) {
    }

    /** The agency's materialised reports of these years (those there are), by year: one read by {@code _id}. */
    public Map<Integer, Materialized> materialized(String agencyId, Collection<Integer> years) {
        Map<Integer, Materialized> found = new HashMap<>();
        materialized.findYears(agencyId, years).forEach((year, r) ->
                found.put(year, new Materialized(year, r.json(), r.format(), r.appealPolicy(), r.version())));
        return found;
    }

    /** The agency's latest publications of these years (those published), by year: one read by {@code _id}. */
    public Map<Integer, PublishedReport> published(String agencyId, Collection<Integer> years) {
        Map<Integer, PublishedReport> found = new HashMap<>();
        published.findYears(agencyId, years).forEach(p -> found.put(p.year(), p));
        return found;
    }

    /** The agency's cases held back by a sequence gap: not counted in its reports until the gap is filled. */
    public List<String> heldBack(String agencyId) {
        return gaps.heldBackOfAgency(agencyId);
    }

    public Optional<PublishedReport> published(String agencyId, int year) {
        return published.find(agencyId, year);
    }

    /**
     * The materialised reports' canonical JSON of the agencies over the years, keyed by agency then year (an
     * agency-year not materialised is absent): one read by {@code _id}, whatever else is stored.
     */
    public Map<String, Map<Integer, String>> materializedJson(Collection<String> agencyIds, Collection<Integer> years) {
        Map<String, String[]> keys = new HashMap<>();
        agencyIds.forEach(agency -> years.forEach(year ->
                keys.put(MaterializedReport.id(agency, year), new String[] {agency, String.valueOf(year)})));
        Map<String, Map<Integer, String>> found = new HashMap<>();
        materialized.jsonById(keys.keySet()).forEach((id, json) -> found.computeIfAbsent(keys.get(id)[0],
                a -> new HashMap<>()).put(Integer.valueOf(keys.get(id)[1]), json));
        return found;
    }

    /** The latest publications of the agencies' year, keyed by agency (an agency that has not published is absent). */
    public Map<String, PublishedReport> published(Collection<String> agencyIds, int year) {
        Map<String, PublishedReport> found = new HashMap<>();
        published.findAll(agencyIds, year).forEach(p -> found.put(p.agencyId(), p));
        return found;
    }
}
