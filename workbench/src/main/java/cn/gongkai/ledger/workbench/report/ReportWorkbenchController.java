package cn.gongkai.ledger.workbench.report;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.CellSource;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.fold.TracedReport;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.security.PersonalData;
import cn.gongkai.ledger.workbench.vocabulary.Vocabulary;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report in the official layout and its downloads, and the drill-down of a cell to the cases it counts (a
 * list: the parties' names masked, as in every list) — all
 * from one fold ({@link ReportFold#trace}) of the agency's counted events, so that a cell's value and its cases
 * always agree.
 *
 * <ul>
 *   <li>{@code GET /api/reports/{agencyId}/{year}/export/{kind}}: {@code docx}, {@code xlsx}, {@code pdf},
 *       {@code csv}, {@code json} (canonical), {@code html} (the tables, values linking to their cells)</li>
 *   <li>{@code GET /api/reports/{agencyId}/{year}/cells/{address}}: e.g. {@code table3/三.七/自然人},
 *       {@code table4/复议.总计} — the cases counted there, each with the event that put it there</li>
 *   <li>{@code GET /api/reports/{agencyId}/{year}/chart}: requests received per month, and outcomes per category</li>
 * </ul>
 * Query parameters {@code format} (2021 or 2019) and {@code appealPolicy} as for the report itself.
 */
@RestController
public class ReportWorkbenchController {
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final CountedEvents counted;
    private final CaseSummaries cases;

    public ReportWorkbenchController(CountedEvents counted, CaseSummaries cases) {
        this.counted = counted;
        this.cases = cases;
    }

    @GetMapping("/api/reports/{agencyId}/{year}/export/{kind}")
    public ResponseEntity<byte[]> export(@PathVariable String agencyId, @PathVariable int year, @PathVariable String kind,
                                         @RequestParam(required = false) String format,
                                         @RequestParam(required = false) String appealPolicy) {
        AnnualReport report = traced(agencyId, year, format, appealPolicy).report();
        String query = (format == null ? "" : "&format=" + format) + (appealPolicy == null ? "" : "&appealPolicy=" + appealPolicy);
        return render(report, kind, agencyId + "-" + year + "-政府信息公开工作年度报告",
                cell -> "/report.html?agency=" + encode(agencyId) + "&year=" + year + query + "&cell=" + encode(cell));
    }

    /**
     * Any report (an agency's, a roll-up) as the export {@code kind}, downloaded as {@code file} plus its extension;
     * in {@code html} each value of 三 and 四 links to {@code cellLink}'s address for it (no links when null).
     */
    public ResponseEntity<byte[]> render(AnnualReport report, String kind, String file,
                                         java.util.function.Function<String, String> cellLink) {
        return switch (kind) {
            case "docx" -> download(ReportExports.docx(report), DOCX, file + ".docx");
            case "xlsx" -> download(ReportExports.xlsx(report), XLSX, file + ".xlsx");
            case "csv" -> download(ReportExports.csv(report), CSV, file + ".csv");
            case "json" -> download(ReportJson.write(report).getBytes(StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON, file + ".json");
            case "pdf" -> download(ReportPdf.render(ReportHtml.document(report, ReportPdf.FONT_FAMILY), pdfFont()),
                    MediaType.APPLICATION_PDF, file + ".pdf");
            case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(page(report, cellLink).getBytes(StandardCharsets.UTF_8));
            default -> throw LedgerProblemException.badRequest("INVALID_EXPORT",
                    "不支持的导出格式：" + kind + "（可选：docx、xlsx、pdf、csv、json、html）",
                    "Unknown export: " + kind + " (docx, xlsx, pdf, csv, json or html)");
        };
    }

    /** The media types the report itself is answered in besides JSON, by {@code Accept}, and their exports. */
    private static final List<Map.Entry<MediaType, String>> NEGOTIATED = List.of(
            Map.entry(MediaType.parseMediaType("text/csv"), "csv"), Map.entry(MediaType.APPLICATION_PDF, "pdf"),
            Map.entry(XLSX, "xlsx"), Map.entry(DOCX, "docx"), Map.entry(MediaType.TEXT_HTML, "html"));

    /**
     * The export an {@code Accept} header asks for instead of the canonical JSON: the acceptable type of highest
     * quality (in the header's order among equals) decides; JSON or a wildcard that includes it means JSON (empty).
     */
    public static Optional<String> exportFor(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        List<MediaType> wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : wanted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return Optional.empty();
            }
            for (Map.Entry<MediaType, String> offered : NEGOTIATED) {
                if (type.includes(offered.getKey())) {
                    return Optional.of(offered.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The title, the meta line and the tables; each value of 三 and 四 links to its drill-down. */
    private static String page(AnnualReport report, java.util.function.Function<String, String> cellLink) {
        return "<h1 class=\"report-title\">" + ReportHtml.escape(OfficialLayout.title(report)) + "</h1>\n<p class=\"hint\">"
                + ReportHtml.escape(ReportExports.meta(report)) + "</p>\n" + ReportHtml.tables(report, cellLink);
    }

    /** The cases counted in one cell, each with the event that put it there. */
    public record CellCases(String cell, BigDecimal value, List<CountedCase> cases) {
    }

    public record CountedCase(String caseId, String caseType, String reference, String party, String subject,
                              String status, long sequence, String eventType, String eventLabel, Instant recordedAt,
                              String recordedBy) {
    }

    @GetMapping("/api/reports/{agencyId}/{year}/cells/{*address}")
    public CellCases cell(@PathVariable String agencyId, @PathVariable int year, @PathVariable String address,
                          @RequestParam(required = false) String format,
                          @RequestParam(required = false) String appealPolicy) {
        String cell = address.startsWith("/") ? address.substring(1) : address;
        TracedReport traced = traced(agencyId, year, format, appealPolicy);
        if (!traced.report().cells().containsKey(cell) || cell.startsWith("table2/")) {
            throw LedgerProblemException.notFound("CELL_NOT_FOUND",
                    "报告中没有可查看案件的单元格 " + cell + "（表三、表四的单元格，如 table3/三.七/自然人、table4/复议.总计）",
                    "No drillable cell " + cell + " (cells of tables 三 and 四, e.g. table3/三.七/自然人, table4/复议.总计)");
        }
        List<CountedCase> counted = new ArrayList<>();
        for (CellSource source : traced.sourcesOf(cell)) {
            Optional<CaseSummary> summary = Arrays.stream(CaseType.values())
                    .map(t -> cases.find(t, source.caseId())).flatMap(Optional::stream).findFirst();
            CaseSummary.TimelineEntry entry = summary.flatMap(s -> s.timeline().stream()
                    .filter(t -> t.sequence() == source.sequence()).findFirst()).orElse(null);
            counted.add(new CountedCase(source.caseId(), summary.map(s -> s.caseType().name()).orElse(null),
                    summary.map(CaseSummary::reference).orElse(null),
                    summary.map(s -> s.party() == null ? null : PersonalData.maskName(s.party().name())).orElse(null),
                    summary.map(CaseSummary::subject).orElse(null),
                    summary.map(s -> Vocabulary.statusLabel(s.status())).orElse(null), source.sequence(),
                    source.eventType(), Vocabulary.eventLabel(source.eventType()),
                    entry == null ? null : entry.recordedAt(), entry == null ? null : entry.recordedBy()));
        }
        return new CellCases(cell, traced.report().cells().get(cell), counted);
    }

    /** Requests received per month (一 by month of receipt) and concluded requests per outcome category. */
    public record Chart(List<Integer> receivedPerMonth, Map<String, Integer> outcomesPerCategory) {
    }

    @GetMapping("/api/reports/{agencyId}/{year}/chart")
    public Chart chart(@PathVariable String agencyId, @PathVariable int year,
                       @RequestParam(required = false) String format,
                       @RequestParam(required = false) String appealPolicy) {
        TracedReport traced = traced(agencyId, year, format, appealPolicy);
        Integer[] months = new Integer[12];
        Arrays.fill(months, 0);
        for (CellSource source : traced.sourcesOf(AnnualReport.cell("table3", ReportFormat.RECEIVED, "总计"))) {
            cases.find(CaseType.REQUEST, source.caseId()).map(CaseSummary::openedOn)
                    .ifPresent(day -> months[day.getMonthValue() - 1]++);
        }
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> table3 = traced.report().table3();
        for (String row : traced.report().format().outcomeRows()) {
            String group = row.chars().filter(c -> c == '.').count() == 2 ? row.substring(0, row.lastIndexOf('.')) : row;
            String label = Optional.ofNullable(Vocabulary.groupLabel(group))
                    .orElseGet(() -> cn.gongkai.ledger.api.request.Outcome.fromKey(row).label());
            label = label.replaceFirst("（区分处理的.*", "");
            categories.merge(label, table3.get(row).get("总计"), Integer::sum);
        }
        return new Chart(List.of(months), categories);
    }

    private TracedReport traced(String agencyId, int year, String format, String appealPolicy) {
        ReportRequest request;
        try {
            request = new ReportRequest(new AgencyId(agencyId), year,
                    format == null || format.isBlank() ? ReportFormat.forYear(year) : ReportFormat.fromCode(format),
                    appealPolicy == null || appealPolicy.isBlank() ? null : AppealPolicy.valueOf(appealPolicy), null);
        } catch (IllegalArgumentException e) {
            throw LedgerProblemException.badRequest("INVALID_REPORT_REQUEST", "报告参数无效：" + e.getMessage(),
                    "Invalid report request: " + e.getMessage());
        }
        if (!counted.knows(request.agencyId())) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关 " + agencyId + " 的任何记录",
                    "No records of agency " + agencyId);
        }
        return ReportFold.trace(counted.ofAgency(request.agencyId()), request);
    }

    private static Path pdfFont() {
        return ReportPdf.font().orElseThrow(() -> new LedgerProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "PDF_FONT_MISSING", "服务器未安装中文字体，无法生成 PDF（请安装 fonts-wqy-zenhei，或设置 LEDGER_PDF_FONT）",
                "No CJK font installed for PDFs (install fonts-wqy-zenhei or set LEDGER_PDF_FONT)"));
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
