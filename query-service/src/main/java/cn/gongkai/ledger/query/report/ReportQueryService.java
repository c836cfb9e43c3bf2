package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.api.common.AgencyId;
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
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Annual reports as the read model stands: the materialised report for the format in force and the default
 * policy, folded on demand for any other format or policy (or a year not materialised); and their publication.
 */
@Service
public class ReportQueryService {
    private final CountedEvents counted;
    private final ReportQueries reports;
    private final KnownAgencies knownAgencies;

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

    /** The request for a report; {@code format} and {@code appealPolicy} may be null (then the defaults). */
    public ReportRequest request(String agencyId, int year, String format, String appealPolicy) {
        return new ReportRequest(new AgencyId(agencyId), year,
                format == null ? ReportFormat.forYear(year) : ReportFormat.fromCode(format), policy(appealPolicy), null);
    }

    /** The current report's canonical JSON. */
    public String current(ReportRequest request) {
        knownAgencies.require(request.agencyId());
        ReportRequest materializedShape = ReportRequest.of(request.agencyId(), request.year());
        Optional<String> stored = request.equals(materializedShape)
                ? reports.materializedJson(request.agencyId().value(), request.year()) : Optional.empty();
        return stored.orElseGet(() -> ReportJson.write(ReportFold.fold(counted.ofAgency(request.agencyId()), request)));
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
        String currentJson = current(request(agencyId, year, snapshot.format(), snapshot.appealPolicy()));
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
        Optional<PublishedReport> snapshot = request.year() > ReportFold.FIRST_REPORT_YEAR
                ? reports.published(request.agencyId().value(), request.year() - 1) : Optional.empty();
        if (snapshot.isEmpty()) {
            return json;
        }
        LastPublication last = LastPublication.of(snapshot.get());
        AnnualReport report = ReportJson.read(json);
        AnnualReport lastTables = last.tables();
        boolean byCounts = !CarryOver.differences(report, lastTables).isEmpty();
        boolean lastChanged = !ReportDiff.diff(lastTables, ReportJson.read(current(last.today()))).isEmpty();
        if (!byCounts && !lastChanged) {
            return json;
        }
        List<CarryOver.Difference> differences = CarryOverChecks.differences(counted.ofAgency(request.agencyId()),
                request, last);
        return differences.isEmpty() ? json : ReportJson.write(CarryOverChecks.withChecks(report, differences, last));
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
        if (name == null) {
            return AppealPolicy.OPEN_IN_YEAR;
        }
        return Arrays.stream(AppealPolicy.values()).filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                LedgerProblemException.badRequest("INVALID_APPEAL_POLICY", "复议诉讼统计口径无效：" + name
                        + "（可选：OPEN_IN_YEAR、FILED_IN_YEAR）", "Invalid appealPolicy: " + name
                        + " (OPEN_IN_YEAR or FILED_IN_YEAR)"));
    }
}
