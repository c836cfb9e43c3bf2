package cn.gongkai.ledger.workbench.legal;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.security.PersonalData;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agencies/{agencyId}/appeal-windows?asOf=}: the remedy windows still open on {@code asOf} —
 * replies an applicant may still take to reconsideration or court, reconsideration decisions still open to a
 * lawsuit, judgments still open to appeal — soonest end first.
 */
@RestController
public class LegalController {
    /** The remedies' periods end on a working day of the national calendar (the courts' and review bodies'). */
    private static final AppealWindows WINDOWS = new AppealWindows(WorkingDayCalendar.national());
    static final int MAX_CASES = 200;

    private final CaseSummaries cases;

    public LegalController(CaseSummaries cases) {
        this.cases = cases;
    }

    /** One open window: the case, what the applicant may still do, and until when. */
    public record Window(String caseId, String caseType, String reference, String party, String remedy,
                         LocalDate from, LocalDate until, String basis) {
    }

    @GetMapping("/api/agencies/{agencyId}/appeal-windows")
    public List<Window> windows(@PathVariable String agencyId,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String agency = new AgencyId(agencyId).value();
        List<Window> windows = new ArrayList<>();
        for (CaseSummary c : concluded(CaseType.REQUEST, agency)) {
            if (c.concludedOn() == null) {
                continue;
            }
            add(windows, asOf, new Window(c.id(), c.caseType().name(), c.reference(), name(c), "申请行政复议",
                    c.concludedOn(), WINDOWS.reconsiderationUntil(c.concludedOn()), "《行政复议法》第二十条"));
            add(windows, asOf, new Window(c.id(), c.caseType().name(), c.reference(), name(c), "提起行政诉讼",
                    c.concludedOn(), WINDOWS.lawsuitUntil(c.concludedOn()), "《行政诉讼法》第四十六条"));
        }
        for (CaseSummary c : concluded(CaseType.RECONSIDERATION, agency)) {
            if (c.concludedOn() != null) {
                add(windows, asOf, new Window(c.id(), c.caseType().name(), c.reference(), name(c), "复议后起诉",
                        c.concludedOn(), WINDOWS.lawsuitAfterReconsiderationUntil(c.concludedOn()),
                        "《行政诉讼法》第四十五条"));
            }
        }
        for (CaseSummary c : cases.find(new CaseSummaries.Criteria(CaseType.LAWSUIT, agency,
                CaseStatus.JUDGMENT_RENDERED, null), 0, MAX_CASES).items()) {
            // Lists come without timelines: read the case itself for its judgments.
            cases.find(CaseType.LAWSUIT, c.id()).stream().flatMap(full -> full.timeline().stream())
                    .filter(t -> t.type().equals("JudgmentRendered")).reduce((a, b) -> b)
                    .map(t -> LocalDate.parse(t.payload().path("renderedOn").asText()))
                    .ifPresent(rendered -> add(windows, asOf, new Window(c.id(), c.caseType().name(), c.reference(),
                            name(c), "提起上诉", rendered, WINDOWS.appealUntil(rendered), "《行政诉讼法》第八十五条")));
        }
        windows.sort(Comparator.comparing(Window::until).thenComparing(Window::caseId));
        return windows;
    }

    private List<CaseSummary> concluded(CaseType type, String agency) {
        return cases.find(new CaseSummaries.Criteria(type, agency, CaseStatus.CONCLUDED, null), 0, MAX_CASES)
                .items();
    }

    /** A list: the party's name masked, as in every list. */
    private static String name(CaseSummary c) {
        return c.party() == null ? null : PersonalData.maskName(c.party().name());
    }

    private static void add(List<Window> windows, LocalDate asOf, Window window) {
        if (!window.until().isBefore(asOf) && !window.from().isAfter(asOf)) {
            windows.add(window);
        }
    }
}
