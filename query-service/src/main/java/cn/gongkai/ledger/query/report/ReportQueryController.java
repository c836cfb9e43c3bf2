package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.workbench.report.ReportWorkbenchController;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{agencyId}/{year}?format=2021|2019&appealPolicy=OPEN_IN_YEAR|FILED_IN_YEAR}: the
 * canonical report JSON as the read model stands (format by default the one in force for the year: 2019 for
 * 2019–2020, 2021 after). Once published (a command: {@code POST …/publication} on the command service, projected
 * from its {@code AnnualReportPublished} event), the report links to its publication ({@code GET …/publication}):
 * the latest revision as published, the current report and, when corrections changed it since, the cell-by-cell
 * differences. While some of the agency's cases are held back by a gap in their
 * events (not counted), the header {@value #HELD_BACK_HEADER} lists them.
 */
@RestController
public class ReportQueryController {
    public static final String HELD_BACK_HEADER = "Gongkai-Held-Back-Cases";

    private final ReportQueryService reports;
    private final ReportWorkbenchController exports;
    private final ReportVersions versions;

    public ReportQueryController(ReportQueryService reports, ReportWorkbenchController exports, ReportVersions versions) {
        this.reports = reports;
        this.exports = exports;
        this.versions = versions;
    }

    /**
     * The canonical JSON; with an {@code Accept} header that prefers CSV, PDF, XLSX, DOCX or HTML, the report in
     * that format (the same answer as its {@code /export/{kind}}); any other type is 406. With {@code knownAt} (an
     * ISO-8601 date-time: a recording instant, not a business date) the report as the ledger knew it then, folded
     * from the events recorded up to it (JSON only). Every answer carries the check 二 = last year's 四 against last
     * year's latest publication ({@link CarryOverChecks}).
     */
    @GetMapping(value = "/api/reports/{agencyId}/{year}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            MediaType.APPLICATION_PDF_VALUE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaType.TEXT_HTML_VALUE})
    public ResponseEntity<?> report(@PathVariable String agencyId, @PathVariable int year,
                                    @RequestParam(required = false) String format,
                                    @RequestParam(required = false) String appealPolicy,
                                    @RequestParam(required = false) String after,
                                    @RequestParam(required = false) String knownAt,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<String> export = ReportWorkbenchController.exportFor(accept);
        if (export.isPresent() && knownAt != null) {
            throw LedgerProblemException.badRequest("KNOWN_AT_JSON_ONLY", "knownAt（截至某一时点所知的报告）仅提供 JSON 格式",
                    "knownAt (the report as known at an instant) is answered as JSON only");
        }
        if (export.isPresent()) {
            return exports.export(agencyId, year, export.get(), format, appealPolicy);
        }
        ReportRequest request = reports.request(agencyId, year, format, appealPolicy);
        if (knownAt != null) {
            String json = ReportJson.write(versions.knownAt(request, versions.instant("knownAt", knownAt)));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        ReportQueryService.Served served = after == null || after.isBlank() ? reports.served(request)
                : new ReportQueryService.Served(reports.withCarryOver(request, reports.folded(request)),
                reports.isPublished(agencyId, year));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        List<String> heldBack = reports.heldBack(agencyId);
        if (!heldBack.isEmpty()) {
            response.header(HELD_BACK_HEADER, String.join(", ", heldBack));
        }
        if (served.published()) {
            response.header(HttpHeaders.LINK, "<" + publicationPath(agencyId, year) + ">; rel=\"publication\"");
        }
        return response.body(served.json());
    }

    @GetMapping("/api/reports/{agencyId}/{year}/publication")
    public ReportQueryService.Publication publication(@PathVariable String agencyId, @PathVariable int year) {
        return reports.publication(agencyId, year);
    }

    private static String publicationPath(String agencyId, int year) {
        return "/api/reports/" + agencyId + "/" + year + "/publication";
    }
}
