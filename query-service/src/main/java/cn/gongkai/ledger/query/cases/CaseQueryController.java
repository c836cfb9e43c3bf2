package cn.gongkai.ledger.query.cases;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerYears;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.problem.LedgerProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists and details of the three kinds of case, from {@code case_summaries}. Lists are newest first (by receipt
 * or filing date), without timelines; {@code year} is the year of receipt or filing; {@code page} counts from 0.
 * An officer sees the cases of their own agency only (a list without {@code agencyId} is of their agency), lists
 * with applicants' names masked, a case in the clear only if their role needs it ({@link CasePrivacy}).
 */
@RestController
public class CaseQueryController {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_PAGE = 100_000;

    private final CaseSummaries cases;
    private final CasePrivacy privacy;

    public CaseQueryController(CaseSummaries cases, CasePrivacy privacy) {
        this.cases = cases;
        this.privacy = privacy;
    }

    @GetMapping("/api/requests")
    public CaseSummaries.Page requests(CaseQuery query) {
        return list(CaseType.REQUEST, query);
    }

    @GetMapping("/api/requests/{id}")
    public CaseSummary request(@PathVariable String id) {
        return detail(CaseType.REQUEST, id, "政府信息公开申请", "disclosure request");
    }

    @GetMapping("/api/reconsiderations")
    public CaseSummaries.Page reconsiderations(CaseQuery query) {
        return list(CaseType.RECONSIDERATION, query);
    }

    @GetMapping("/api/reconsiderations/{id}")
    public CaseSummary reconsideration(@PathVariable String id) {
        return detail(CaseType.RECONSIDERATION, id, "行政复议案件", "reconsideration");
    }

    @GetMapping("/api/lawsuits")
    public CaseSummaries.Page lawsuits(CaseQuery query) {
        return list(CaseType.LAWSUIT, query);
    }

    @GetMapping("/api/lawsuits/{id}")
    public CaseSummary lawsuit(@PathVariable String id) {
        return detail(CaseType.LAWSUIT, id, "行政诉讼案件", "lawsuit");
    }

    /**
     * The query parameters of a list, all optional (empty is absent): {@code agencyId}, {@code status}, {@code year},
     * {@code page} (from 0, default 0), {@code size} (default 20, at most {@value #MAX_PAGE_SIZE}).
     */
    public record CaseQuery(String agencyId, String status, Integer year, Integer page, Integer size) {
    }

    private CaseSummaries.Page list(CaseType type, CaseQuery query) {
        int page = query.page() == null ? 0 : query.page();
        int size = query.size() == null ? DEFAULT_PAGE_SIZE : query.size();
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw LedgerProblemException.badRequest("INVALID_PAGE",
                    "page 须在 0 至 " + MAX_PAGE + " 之间，size 须在 1 至 " + MAX_PAGE_SIZE + " 之间",
                    "page must be 0 to " + MAX_PAGE + " and size 1 to " + MAX_PAGE_SIZE);
        }
        Integer year = query.year();
        if (year != null && !LedgerYears.contains(year)) {
            throw LedgerProblemException.badRequest("INVALID_YEAR", "年份无效：" + year + "（须在 " + LedgerYears.FIRST
                    + " 至 " + LedgerYears.LAST + " 之间）", "Invalid year: " + year + " (" + LedgerYears.FIRST + " to "
                    + LedgerYears.LAST + ")");
        }
        AgencyId asked = blank(query.agencyId()) ? null : new AgencyId(query.agencyId());
        String agencyId = privacy.listableAgency(asked).value();
        return privacy.masked(cases.find(new CaseSummaries.Criteria(type, agencyId,
                status(type, query.status()), year), page, size));
    }

    private static CaseStatus status(CaseType type, String status) {
        if (blank(status)) {
            return null;
        }
        String allowed = type.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        return Arrays.stream(CaseStatus.values())
                .filter(s -> s.name().equals(status.strip().toUpperCase(Locale.ROOT)) && type.statuses().contains(s))
                .findFirst()
                .orElseThrow(() -> LedgerProblemException.badRequest("INVALID_STATUS",
                        "状态无效：" + status + "（可选：" + allowed + "）",
                        "Invalid status: " + status + " (one of " + allowed + ")"));
    }

    /** An empty parameter (as a form sends it) is no restriction. */
    private static boolean blank(String parameter) {
        return parameter == null || parameter.isBlank();
    }

    private CaseSummary detail(CaseType type, String id, String nameZh, String nameEn) {
        CaseSummary found = cases.find(type, id).orElseThrow(() -> LedgerProblemException.notFound(
                type.name() + "_NOT_FOUND", "未找到" + nameZh + "：" + id,
                "No " + nameEn + " with id " + id));
        return privacy.shown(found);
    }
}
