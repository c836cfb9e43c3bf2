package cn.gongkai.ledger.query.yearend;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.query.report.ReportQueryService;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.PeriodRequest;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportPeriod;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.narrative.Narrative;
import cn.gongkai.ledger.report.narrative.NarrativeChecker;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.report.trend.Trend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year-end reads, every number folded from the same events as the annual report:
 * <ul>
 * <li>{@code GET /api/reports/{agencyId}/range?from=&to=}: the figures of any period (a quarter, a month) a
 * superior collects during the year;</li>
 * <li>{@code GET /api/reports/{agencyId}/trend?from=&to=}: year-over-year figures (years {@code from} … {@code to});</li>
 * <li>{@code GET /api/reports/{agencyId}/{year}/narrative}: the draft of the report's six numbered sections;
 * {@code POST} the same with edited templates renders them and checks the numbers typed in.</li>
 * </ul>
 */
@RestController
public class YearEndController {
    private final AgencyEvents events;
    private final ReportQueryService reports;
    private final OverdueReplies overdue;

    public YearEndController(AgencyEvents events, ReportQueryService reports, OverdueReplies overdue) {
        this.events = events;
        this.reports = reports;
        this.overdue = overdue;
    }

    @GetMapping(value = "/api/reports/{agencyId}/range", produces = MediaType.APPLICATION_JSON_VALUE)
    public String range(@PathVariable String agencyId,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) String format,
                        @RequestParam(required = false) String appealPolicy) {
        ReportPeriod period = YearEndRequests.period(from, to);
        ReportRequest shape = reports.request(agencyId, to.getYear(), format, appealPolicy);
        AgencyId agency = new AgencyId(agencyId);
        return ReportJson.write(ReportFold.fold(events.of(agency),
                new PeriodRequest(agency, period, shape.format(), shape.appealPolicy(), null)));
    }

    /** One year of the trend: its figures; the report's formats follow each year. */
    @GetMapping("/api/reports/{agencyId}/trend")
    public TrendView trend(@PathVariable String agencyId, @RequestParam int from, @RequestParam int to,
                           @RequestParam(required = false) String appealPolicy) {
        YearEndRequests.trendYears(from, to);
        AgencyId agency = new AgencyId(agencyId);
        var counted = events.of(agency);
        List<AnnualReport> annual = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            annual.add(ReportFold.fold(counted, reports.request(agencyId, year, null, appealPolicy)));
        }
        return new TrendView(agencyId, Trend.of(annual, overdue.byYear(agency, counted, from, to)));
    }

    /** The trend of an agency, oldest year first. */
    public record TrendView(String agencyId, List<Trend.Year> years) {
    }

    @GetMapping("/api/reports/{agencyId}/{year}/narrative")
    public NarrativeView narrative(@PathVariable String agencyId, @PathVariable int year,
                                   @RequestParam(required = false) String format,
                                   @RequestParam(required = false) String appealPolicy) {
        AnnualReport report = report(agencyId, year, format, appealPolicy);
        return NarrativeView.of(Narrative.draft(report), report);
    }

    /** Edited templates, by section number (一 … 六); a section left out is empty. */
    public record EditedNarrative(Map<String, String> sections, String format, String appealPolicy) {
    }

    @PostMapping("/api/reports/{agencyId}/{year}/narrative")
    public NarrativeView render(@PathVariable String agencyId, @PathVariable int year,
                                @RequestBody EditedNarrative body) {
        if (body == null || body.sections() == null) {
            throw LedgerProblemException.badRequest("MISSING_FIELD", "sections（各部分文本）为必填项", "sections is required");
        }
        AnnualReport report = report(agencyId, year, body.format(), body.appealPolicy());
        try {
            return NarrativeView.of(Narrative.render(report, body.sections()), report);
        } catch (Narrative.UnknownFigureException e) {
            throw new LedgerProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_FIGURE",
                    "正文中的占位符 {{" + e.key() + "}} 不对应任何统计数字", "The placeholder {{" + e.key()
                            + "}} names no figure of the report");
        } catch (IllegalArgumentException e) {
            throw new LedgerProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_SECTION",
                    "年度报告正文只有一至六部分", "The report's text has sections 一 to 六 only");
        }
    }

    /**
     * A draft: its sections and the figures they may name, the whole text, and every number of the text that
     * contradicts the tables (none in a draft; an edited template may type a number in by hand).
     */
    public record NarrativeView(List<Narrative.Section> sections, Map<String, ?> figures, String text,
                                List<AnnualReport.Check> checks) {
        static NarrativeView of(Narrative.Draft draft, AnnualReport report) {
            String text = Narrative.text(draft);
            return new NarrativeView(draft.sections(), new java.util.TreeMap<>(draft.figures()), text,
                    NarrativeChecker.check(text, report));
        }
    }

    private AnnualReport report(String agencyId, int year, String format, String appealPolicy) {
        YearEndRequests.year(year);
        return ReportJson.read(reports.current(reports.request(agencyId, year, format, appealPolicy)));
    }
}
