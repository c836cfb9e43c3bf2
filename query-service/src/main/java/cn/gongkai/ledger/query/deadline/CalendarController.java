package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.problem.LedgerProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar as data, national or an agency's (docs/calendar.md). */
@RestController
public class CalendarController {
    private final DeadlineCalendars calendars;

    public CalendarController(DeadlineCalendars calendars) {
        this.calendars = calendars;
    }

    /** @param agencyId the agency whose calendar (with its regional layer, if any); without it, the national calendar */
    @GetMapping("/api/calendar/{year}")
    public CalendarYear year(@PathVariable int year, @RequestParam(required = false) String agencyId) {
        AgencyId agency = agencyId == null || agencyId.isBlank() ? null : new AgencyId(agencyId);
        WorkingDayCalendar calendar = agency == null ? calendars.national() : calendars.calendarFor(agency);
        if (!calendar.coveredYears().contains(year)) {
            throw LedgerProblemException.notFound("CALENDAR_YEAR_NOT_COVERED",
                    "工作日日历 " + calendar.version() + " 未收录 " + year + " 年的放假安排（已收录 " + calendar.coveredYears() + "）",
                    "Calendar " + calendar.version() + " has no notice for " + year + " (covered: "
                            + calendar.coveredYears() + ")");
        }
        return CalendarYear.of(year, agency == null ? null : agency.value(), calendar);
    }
}
