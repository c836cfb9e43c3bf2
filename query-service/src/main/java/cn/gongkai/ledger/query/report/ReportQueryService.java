package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.RecentlyUsed;
import cn.gongkai.ledger.report.checker.CarryOver;
import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.query.web.KnownAgencies;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.query.PublishedReport;
import cn.gongkai.ledger.readmodel.query.ReportQueries;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Annual reports as the read model stands: the materialised report for the format in force and the default
 * policy, folded on demand for any other format or policy (or a year not materialised); and their publication.
 */
@Service
public class ReportQueryService {
    /** Agency-years whose served report with its carry-over checks is kept (the most recently read). */
    static final int KEPT_CARRY_OVERS = 256;

    private final CountedEvents counted;
    private final ReportQueries reports;
    private final KnownAgencies knownAgencies;
    /** The served reports with their carry-over checks, by agency-year and the versions they were derived from. */
    private final Map<String, String> carryOvers = RecentlyUsed.map(KEPT_CARRY_OVERS);

    public ReportQueryService(CountedEvents counted, ReportQueries reports, KnownAgencies knownAgencies) {
        this.counted = counted;
        this.reports = reports;
        this.knownAgencies = knownAgencies;
    }

    /**
     * The latest publication and how the current report differs from it, cell by cell ({@code before} is the
     * published value, {@code after} the current one).
     *
     * @param revision  1 for the first publication, then one more for each revision published
     * @param watermark the recording time of the latest event the published tables were folded from
     * @param revised   whether corrections changed any cell since this publication (a revision is then due)
     */
    public record Publication(String agencyId, int year, int revision, String format, String appealPolicy,
                              Instant publishedAt, String publishedBy, Instant watermark, int eventCount,
                              String tablesSha256, boolean revised, List<CellChange> differences,
                              JsonNode published, JsonNode current) {
    }

    /**
     * The request for a report; {@code format} and {@code appealPolicy} may be null: then the format in force for the
     * year and the policy the agency set for it (a policy named here is a what-if view).
     */
    public ReportRequest request(String agencyId, int year, String format, String appealPolicy) {
        return new ReportRequest(new AgencyId(agencyId), year,
                format == null ? ReportFormat.forYear(year) : ReportFormat.fromCode(format), policy(appealPolicy), null);
    }

    /** The current report's canonical JSON. */
    public String current(ReportRequest request) {
        if (request.equals(ReportRequest.of(request.agencyId(), request.year()))) {
            Optional<String> stored = reports.materializedJson(request.agencyId().value(), request.year());
            if (stored.isPresent()) {
                return stored.get(); // materialised from the agency's counted events: the agency is known
            }
        }
        knownAgencies.require(request.agencyId());
        return ReportJson.write(ReportFold.fold(counted.ofAgency(request.agencyId()), request));
    }

    /**
     * What {@code GET /api/reports/{agency}/{year}} answers as JSON: the current report with the checks of
     * {@link #withCarryOver}, and whether the year is published.
     */
    public record Served(String json, boolean published) {
    }

    /**
     * The current report with its carry-over checks, reading the agency's materialised reports and publications of
     * the year and the year before in one query each, by {@code _id}: nothing it reads grows with the agency's
     * history. The carry-over checks are kept per agency-year under the versions of both years' materialised
     * reports and last year's publication, so a read after the projector rematerialised (or a new publication)
     * computes them again, in this process or any other.
     */
    public Served served(ReportRequest request) {
        String agency = request.agencyId().value();
        int year = request.year();
        List<Integer> years = year > ReportFold.FIRST_REPORT_YEAR ? List.of(year, year - 1) : List.of(year);
        Map<Integer, PublishedReport> publications = reports.published(agency, years);
        Map<Integer, ReportQueries.Materialized> stored = reports.materialized(agency, years);
        ReportQueries.Materialized own = request.equals(ReportRequest.of(request.agencyId(), year))
                ? stored.get(year) : null;
        String json = own != null ? own.json() : current(request);
        String checked = withCarryOver(request, json, own == null ? null : own.version(),
                publications.get(year - 1), stored.get(year - 1));
        return new Served(checked, publications.containsKey(year));
    }

    /**
     * The report folded now from the counted events, never the materialised copy: what a read with
     * {@code ?after=} answers, since the copy is rematerialised just after the events are counted.
     */
    public String folded(ReportRequest request) {
        knownAgencies.require(request.agencyId());
        return ReportJson.write(ReportFold.fold(counted.ofAgency(request.agencyId()), request));
    }

    public Publication publication(String agencyId, int year) {
        PublishedReport snapshot = reports.published(new AgencyId(agencyId).value(), year).orElseThrow(() ->
                LedgerProblemException.notFound("REPORT_NOT_PUBLISHED", agencyId + " 的 " + year + " 年度报告尚未发布",
                        "The " + year + " report of " + agencyId + " has not been published"));
        AnnualReport then = ReportJson.read(snapshot.json());
        // published under the agency's setting: compared with the report under its setting now (a changed setting
        // is a change to revise); published under a policy the publisher named: with that policy
        boolean named = then.appealPolicyBasis() == null
                || then.appealPolicyBasis().source() == AppealPolicy.Source.PARAMETER;
        String currentJson = current(request(agencyId, year, snapshot.format(), named ? snapshot.appealPolicy() : null));
        List<CellChange> differences = ReportDiff.diff(then, ReportJson.read(currentJson));
        return new Publication(agencyId, year, snapshot.revision(), snapshot.format(), snapshot.appealPolicy(),
                snapshot.publishedAt(), snapshot.publishedBy(), snapshot.watermark(), snapshot.eventCount(),
                snapshot.tablesSha256(), !differences.isEmpty(), differences, ReportJson.readTree(snapshot.json()),
                ReportJson.readTree(currentJson));
    }

    /**
     * The served report's JSON with the checks of {@link CarryOverChecks} against last year's latest publication,
     * when last year is published: by counts first, and the two traced folds (which name the cases) only when the
     * counts differ or last year's report changed since it was published (any other difference of cases shows in
     * last year's report too).
     */
    public String withCarryOver(ReportRequest request, String json) {
        if (request.year() <= ReportFold.FIRST_REPORT_YEAR) {
            return json;
        }
        String agency = request.agencyId().value();
        int last = request.year() - 1;
        return withCarryOver(request, json, null, reports.published(agency, last).orElse(null),
                reports.materialized(agency, List.of(last)).get(last));
    }

    /**
     * {@link #withCarryOver(ReportRequest, String)} given what it reads: last year's latest publication (null:
     * none) and materialised report (null: none); with {@code version}, the version of the materialised report
     * {@code json} is, the answer is kept under it.
     */
    private String withCarryOver(ReportRequest request, String json, String version, PublishedReport snapshot,
                                 ReportQueries.Materialized lastYear) {
        if (snapshot == null) {
            return json;
        }
        String key = version == null || lastYear == null || lastYear.version() == null ? null
                : String.join("|", request.agencyId().value(), String.valueOf(request.year()), version,
                lastYear.version(), String.valueOf(snapshot.revision()), String.valueOf(snapshot.tablesSha256()));
        if (key != null) {
            String kept = carryOvers.get(key);
            if (kept != null) {
                return kept;
            }
        }
        LastPublication published = LastPublication.of(snapshot);
        AnnualReport report = ReportJson.read(json);
        AnnualReport lastTables = published.tables();
        boolean byCounts = !CarryOver.differences(report, lastTables).isEmpty();
        // last year as corrected today, in the shape it was published in: its materialised report when that is
        // the shape (the format in force and the agency's own policy, as published unless the publisher named
        // another policy), else folded
        boolean sameShape = lastYear != null && lastYear.format().equals(snapshot.format())
                && lastYear.appealPolicy().equals(snapshot.appealPolicy());
        AnnualReport lastToday = ReportJson.read(sameShape ? lastYear.json() : current(published.today()));
        boolean lastChanged = !ReportDiff.diff(lastTables, lastToday).isEmpty();
        String answer = json;
        if (byCounts || lastChanged) {
            List<CarryOver.Difference> differences = CarryOverChecks.differences(counted.ofAgency(request.agencyId()),
                    request, published);
            answer = differences.isEmpty() ? json
                    : ReportJson.write(CarryOverChecks.withChecks(report, differences, published));
        }
        if (key != null) {
            carryOvers.put(key, answer);
        }
        return answer;
    }

    /** @throws LedgerProblemException 404 {@code AGENCY_NOT_FOUND} when the read model knows nothing of the agency */
    public void requireKnown(AgencyId agency) {
        knownAgencies.require(agency);
    }

    /** The agency's cases held back by a sequence gap: not counted in its reports until the gap is filled. */
    public List<String> heldBack(String agencyId) {
        return reports.heldBack(agencyId);
    }

    public boolean isPublished(String agencyId, int year) {
        return reports.published(agencyId, year).isPresent();
    }

    private static AppealPolicy policy(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(AppealPolicy.values()).filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                LedgerProblemException.badRequest("INVALID_APPEAL_POLICY", "复议诉讼统计口径无效：" + name
                        + "（可选：OPEN_IN_YEAR、FILED_IN_YEAR）", "Invalid appealPolicy: " + name
                        + " (OPEN_IN_YEAR or FILED_IN_YEAR)"));
    }
}
