package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.api.common.AgencyId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versions of an agency-year's report, folded from the event store's events ({@link ReportVersions}):
 * <ul>
 * <li>{@code GET /api/reports/{agencyId}/{year}/versions}: the current report, each published version (revision,
 * officer, time, watermark, format, policy, the tables as published and as known at the watermark, what changed
 * from the version before), the pending revision, and 二 = last year's 四 against last year's publication;</li>
 * <li>{@code GET /api/reports/{agencyId}/{year}/versions/diff?from=&to=}: the difference of any two versions
 * ({@code current}, a revision number, or a date-time: the report as known then), each changed cell with its cases;</li>
 * <li>{@code GET /api/reports/{agencyId}/{year}/revision}: the pending revision of a published year (404
 * {@code REPORT_NOT_PUBLISHED} before the first publication). It is published with {@code POST …/publication}.</li>
 * </ul>
 * The report as known at an instant is {@code GET /api/reports/{agencyId}/{year}?knownAt=} ({@link ReportQueryController}).
 */
@RestController
public class ReportVersionsController {
    private final ReportVersions versions;
    private final ReportQueryService reports;

    public ReportVersionsController(ReportVersions versions, ReportQueryService reports) {
        this.versions = versions;
        this.reports = reports;
    }

    @GetMapping("/api/reports/{agencyId}/{year}/versions")
    public ReportVersions.Versions versions(@PathVariable String agencyId, @PathVariable int year,
                                            @RequestParam(required = false) String format,
                                            @RequestParam(required = false) String appealPolicy) {
        return versions.versions(reports.request(agencyId, year, format, appealPolicy));
    }

    @GetMapping("/api/reports/{agencyId}/{year}/versions/diff")
    public ReportVersions.VersionDiff diff(@PathVariable String agencyId, @PathVariable int year,
                                           @RequestParam String from, @RequestParam String to,
                                           @RequestParam(required = false) String format,
                                           @RequestParam(required = false) String appealPolicy) {
        return versions.diff(reports.request(agencyId, year, format, appealPolicy), from, to);
    }

    @GetMapping("/api/reports/{agencyId}/{year}/revision")
    public ReportVersions.PendingRevision revision(@PathVariable String agencyId, @PathVariable int year) {
        reports.request(agencyId, year, null, null); // the agency id and year are checked as for the report
        return versions.revision(new AgencyId(agencyId), year);
    }
}
