package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.projection.store.MaterializedReport;
import cn.gongkai.ledger.report.projection.store.MaterializedReportRepository;
import cn.gongkai.ledger.report.projection.store.ReadModelJson;
import cn.gongkai.ledger.report.projection.store.SequenceGapRepository;
import cn.gongkai.ledger.report.projection.web.LedgerProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
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
    private final ReportMaterializer materializer;
    private final MaterializedReportRepository materialized;
    private final PublishedReportRepository published;
    private final SequenceGapRepository gaps;
    private final Clock clock = Clock.systemUTC();

    public ReportQueryService(ReportMaterializer materializer, MaterializedReportRepository materialized,
                              PublishedReportRepository published, SequenceGapRepository gaps) {
        this.materializer = materializer;
        this.materialized = materialized;
        this.published = published;
        this.gaps = gaps;
    }

    /**
     * A published snapshot and how the current report differs from it, cell by cell ({@code before} is the
     * published value, {@code after} the current one).
     *
     * @param revised whether corrections changed any cell since publication
     */
    public record Publication(String agencyId, int year, String format, String appealPolicy, Instant publishedAt,
                              String publishedBy, boolean revised, List<CellChange> differences,
                              JsonNode published, JsonNode current) {
    }

    /** The request for a report; {@code format} and {@code appealPolicy} may be null (then the defaults). */
    public ReportRequest request(String agencyId, int year, String format, String appealPolicy) {
        return new ReportRequest(new AgencyId(agencyId), year,
                format == null ? ReportFormat.forYear(year) : ReportFormat.fromCode(format), policy(appealPolicy), null);
    }

    /** The current report's canonical JSON. */
    public String current(ReportRequest request) {
        requireKnown(request.agencyId());
        ReportRequest materializedShape = ReportRequest.of(request.agencyId(), request.year());
        Optional<MaterializedReport> stored = request.equals(materializedShape)
                ? materialized.find(request.agencyId().value(), request.year()) : Optional.empty();
        return stored.map(MaterializedReport::json).orElseGet(() -> ReportJson.write(materializer.compute(request)));
    }

    /**
     * The report folded now from the counted events, never the materialised copy: what a read with
     * {@code ?after=} answers, since the copy is rematerialised just after the events are counted.
     */
    public String folded(ReportRequest request) {
        requireKnown(request.agencyId());
        return ReportJson.write(materializer.compute(request));
    }

    public Publication publish(ReportRequest request, String publishedBy) {
        String json = current(request);
        PublishedReport snapshot = new PublishedReport(request.agencyId().value(), request.year(),
                request.format().code(), request.appealPolicy().name(), clock.instant(), publishedBy, json);
        if (!published.insert(snapshot)) {
            throw LedgerProblemException.conflict("REPORT_ALREADY_PUBLISHED",
                    request.agencyId() + " 的 " + request.year() + " 年度报告已发布，已发布的报告不可更改",
                    "The " + request.year() + " report of " + request.agencyId() + " is already published and cannot change");
        }
        return publication(request.agencyId().value(), request.year());
    }

    public Publication publication(String agencyId, int year) {
        PublishedReport snapshot = published.find(new AgencyId(agencyId).value(), year).orElseThrow(() ->
                LedgerProblemException.notFound("REPORT_NOT_PUBLISHED", agencyId + " 的 " + year + " 年度报告尚未发布",
                        "The " + year + " report of " + agencyId + " has not been published"));
        AnnualReport then = ReportJson.read(snapshot.json());
        String currentJson = current(request(agencyId, year, snapshot.format(), snapshot.appealPolicy()));
        List<CellChange> differences = ReportDiff.diff(then, ReportJson.read(currentJson));
        return new Publication(agencyId, year, snapshot.format(), snapshot.appealPolicy(), snapshot.publishedAt(),
                snapshot.publishedBy(), !differences.isEmpty(), differences, ReadModelJson.readTree(snapshot.json()),
                ReadModelJson.readTree(currentJson));
    }

    /** The agency's cases held back by a sequence gap: not counted in its reports until the gap is filled. */
    public List<String> heldBack(String agencyId) {
        return gaps.heldBackOfAgency(agencyId);
    }

    public boolean isPublished(String agencyId, int year) {
        return published.find(agencyId, year).isPresent();
    }

    private void requireKnown(AgencyId agencyId) {
        if (!materializer.knows(agencyId)) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关 " + agencyId + " 的任何记录",
                    "No records of agency " + agencyId);
        }
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
