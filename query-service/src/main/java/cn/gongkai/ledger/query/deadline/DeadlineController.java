package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.ClockReading;
import cn.gongkai.ledger.clock.deadline.HistoryAsOf;
import cn.gongkai.ledger.clock.deadline.Regulation;
import cn.gongkai.ledger.clock.deadline.RequestClock;
import cn.gongkai.ledger.clock.worklist.AgencyWorklist;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.query.web.KnownAgencies;
import cn.gongkai.ledger.readmodel.query.RequestHistories;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Due dates, their derivation and the worklists, computed by the statutory clock from the counted events of
 * the read model, as they stood on {@code asOf}: events dated after it are left out, requests received after it
 * are not listed ({@link HistoryAsOf}). {@code asOf} is the business date (ISO {@code yyyy-MM-dd}); without it,
 * today in Asia/Shanghai.
 */
@RestController
public class DeadlineController {
    /** The widest due-soon window: the longest limit there is (20 working days plus an extension of 20). */
    static final int MAX_DUE_SOON_DAYS = Regulation.longestLimitDays();

    private final RequestHistories histories;
    private final KnownAgencies knownAgencies;
    private final DeadlineCalendars calendars;
    private final Clock today;

    public DeadlineController(RequestHistories histories, KnownAgencies knownAgencies, DeadlineCalendars calendars,
                              @Qualifier(DeadlineConfiguration.TODAY_CLOCK) Clock today) {
        this.histories = histories;
        this.knownAgencies = knownAgencies;
        this.calendars = calendars;
        this.today = today;
    }

    @GetMapping("/api/requests/{id}/deadline")
    public RequestDeadline deadline(@PathVariable String id,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        RequestId requestId = new RequestId(id);
        LocalDate day = asOf == null ? LocalDate.now(today) : asOf;
        List<DisclosureRequestEvent> history = histories.ofRequest(requestId).orElseThrow(() ->
                LedgerProblemException.notFound("REQUEST_NOT_FOUND", "未找到政府信息公开申请：" + id,
                        "No disclosure request with id " + id));
        List<DisclosureRequestEvent> asItStood = HistoryAsOf.of(history, day).orElseThrow(() ->
                LedgerProblemException.notFound("REQUEST_NOT_YET_RECEIVED",
                        "截至" + day + "尚未收到该申请（收到申请之日晚于 asOf）：" + id,
                        "As of " + day + " the request " + id + " had not been received yet"));
        WorkingDayCalendar calendar = calendars.calendarFor(requestId.agencyId());
        DeadlineCalendars.requireCovered(calendar, day);
        RequestClock clock = new RequestClock(calendar);
        try {
            ClockReading reading = clock.read(asItStood);
            return RequestDeadline.of(reading, clock.standing(reading, day));
        } catch (DateOutsideCalendarException e) {
            throw DeadlineCalendars.notCovered(e);
        }
    }

    /**
     * @param dueSoonDays a running clock with at most this many working days left is due soon (0 to
     *                    the longest limit, 40, default {@value AgencyWorklist#DEFAULT_DUE_SOON_DAYS})
     * @param officer     only this handling officer's requests; {@value AgencyWorklist#NO_OFFICER} for those without one
     */
    @GetMapping("/api/agencies/{agencyId}/worklist")
    public WorklistView worklist(@PathVariable String agencyId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                 @RequestParam(defaultValue = "" + AgencyWorklist.DEFAULT_DUE_SOON_DAYS) int dueSoonDays,
                                 @RequestParam(required = false) String officer) {
        AgencyId agency = new AgencyId(agencyId);
        if (dueSoonDays < 0 || dueSoonDays > MAX_DUE_SOON_DAYS) {
            throw LedgerProblemException.badRequest("INVALID_DUE_SOON_DAYS",
                    "dueSoonDays 须在 0 至 " + MAX_DUE_SOON_DAYS + " 个工作日之间：" + dueSoonDays,
                    "dueSoonDays must be 0 to " + MAX_DUE_SOON_DAYS + " working days: " + dueSoonDays);
        }
        knownAgencies.require(agency);
        LocalDate day = asOf == null ? LocalDate.now(today) : asOf;
        WorkingDayCalendar calendar = calendars.calendarFor(agency);
        DeadlineCalendars.requireCovered(calendar, day);
        String onlyOfficer = officer == null || officer.isBlank() ? null : officer.strip();
        return WorklistView.of(agency.value(), onlyOfficer, calendar.version(),
                AgencyWorklist.asOf(day, calendar, histories.openOn(agency, handler(onlyOfficer), day), dueSoonDays));
    }

    private static RequestHistories.Handler handler(String officer) {
        if (officer == null) {
            return RequestHistories.Handler.ANYONE;
        }
        return AgencyWorklist.NO_OFFICER.equals(officer) ? RequestHistories.Handler.NOBODY
                : new RequestHistories.Handler.Officer(officer);
    }
}
