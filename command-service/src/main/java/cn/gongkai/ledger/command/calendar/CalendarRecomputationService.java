package cn.gongkai.ledger.command.calendar;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RecordDueDateRecomputation;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.calendar.CalendarConfigurationException;
import cn.gongkai.ledger.clock.calendar.CalendarRegistry;
import cn.gongkai.ledger.clock.calendar.CalendarSource;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.DueDateChange;
import cn.gongkai.ledger.command.calendar.CalendarRecomputation.AgencyCalendars;
import cn.gongkai.ledger.command.calendar.RecomputationReport.AgencyResult;
import cn.gongkai.ledger.command.calendar.RecomputationReport.Outcome;
import cn.gongkai.ledger.command.web.WebConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A calendar change recomputes the due dates of open requests and records that it did: on start-up and on
 * {@code POST /api/calendar/recomputations}, each agency's calendar (the shipped national data plus
 * {@code LEDGER_CALENDAR_DIR}, docs/calendar.md) is compared with the one recorded in {@code calendar_versions};
 * where it changed, every moved due date of an open request is sent as a {@code RecordDueDateRecomputation}
 * command (so each is a {@code DueDateRecomputed} event, recorded by {@value #RECORDED_BY}), and then the new
 * calendar is recorded. The decisions are {@link CalendarRecomputation}'s.
 */
@Service
public class CalendarRecomputationService {
    public static final String RECORDED_BY = "system:calendar";
    private static final Logger LOG = LoggerFactory.getLogger(CalendarRecomputationService.class);

    private final CalendarSource calendars;
    private final CalendarVersionStore versions;
    private final RequestHistoryReader requests;
    private final CommandGateway commands;
    private final Clock clock;

    public CalendarRecomputationService(@Value("${" + CalendarSource.DIRECTORY_VARIABLE + ":}") String calendarDirectory,
                                        CalendarVersionStore versions, RequestHistoryReader requests,
                                        CommandGateway commands,
                                        @Qualifier(WebConfiguration.RECORDING_CLOCK) Clock clock) {
        this.calendars = CalendarSource.of(calendarDirectory);
        this.versions = versions;
        this.requests = requests;
        this.commands = commands;
        this.clock = clock;
    }

    /** Runs once the service is up; a failure is logged and leaves the service running (the next run retries). */
    @EventListener(ApplicationReadyEvent.class)
    public void recomputeOnStartup() {
        try {
            RecomputationReport report = recompute();
            report.agencies().stream().filter(a -> a.outcome() != Outcome.UNCHANGED).forEach(a -> LOG.info(
                    "Calendar of {}: {} -> {}: {}, {} due dates recorded, problems {}", a.agencyId(), a.previousVersion(),
                    a.currentVersion(), a.outcome(), a.recorded().size(), a.problems()));
        } catch (RuntimeException e) {
            LOG.error("Could not recompute due dates after a calendar change at start-up", e);
        }
    }

    /**
     * Compares, recomputes, records.
     *
     * @throws RuleViolation (422 {@code CALENDAR_CONFIGURATION_INVALID}) if the calendar directory cannot be loaded
     */
    public synchronized RecomputationReport recompute() {
        CalendarRegistry current;
        try {
            current = calendars.registry();
        } catch (CalendarConfigurationException e) {
            throw RuleViolation.unprocessable("CALENDAR_CONFIGURATION_INVALID", "工作日日历配置无效：" + e.getMessage(),
                    "The working-day calendar configuration is invalid: " + e.getMessage());
        }
        Instant at = clock.instant();
        Map<AgencyId, List<RequestId>> requestsByAgency = requests.requestsByAgency();
        Map<String, WorkingDayCalendar> recorded = versions.all();
        List<AgencyResult> results = new ArrayList<>();
        for (AgencyCalendars agency : CalendarRecomputation.compare(recorded, current, requestsByAgency.keySet())) {
            results.add(recompute(agency, requestsByAgency.getOrDefault(agency.agency(), List.of()), at));
        }
        WorkingDayCalendar national = recorded.get(CalendarRecomputation.NATIONAL);
        if (national == null || !national.version().equals(current.national().version())) {
            versions.save(CalendarRecomputation.NATIONAL, current.national(), at);
        }
        return new RecomputationReport(at, current.national().version(), results);
    }

    private AgencyResult recompute(AgencyCalendars agency, List<RequestId> requestIds, Instant at) {
        String previousVersion = agency.previous() == null ? null : agency.previous().version();
        if (!agency.changed()) {
            if (agency.toBeRecorded()) {
                versions.save(agency.agency().value(), agency.current(), at);
            }
            return result(agency, previousVersion, agency.previous() == null ? Outcome.FIRST_RECORDED : Outcome.UNCHANGED,
                    List.of(), List.of());
        }
        List<DueDateChange> changes;
        try {
            changes = CalendarRecomputation.toRecord(agency, requests.histories(requestIds));
        } catch (DateOutsideCalendarException e) {
            return failed(agency, previousVersion, List.of(), List.of(e.getMessage()), at);
        }
        Recorded recorded = new Recorded(RECORDED_BY, at);
        List<DueDateChange> sent = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean failed = false;
        for (DueDateChange change : changes) {
            try {
                commands.sendAndWait(change.toCommand(recorded));
                sent.add(change);
            } catch (RuntimeException e) {
                Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof RuleViolation refused && refused.code().equals(RecordDueDateRecomputation.ALREADY_RECORDED)) {
                    continue; // recorded by an earlier run or by another replica: the request keeps it once
                }
                if (cause instanceof RuleViolation refused) {
                    problems.add(change.requestId() + ": " + refused.code() + " " + refused.messageEn());
                } else {
                    LOG.error("Could not record the recomputed due date of {}", change.requestId(), e);
                    problems.add(change.requestId() + ": " + cause);
                    failed = true;
                }
            }
        }
        if (failed) {
            return failed(agency, previousVersion, sent, problems, at);
        }
        versions.save(agency.agency().value(), agency.current(), at);
        return result(agency, previousVersion, Outcome.RECOMPUTED, sent, problems);
    }

    /** Keeps the previous calendar recorded for the agency, so that the next run compares with it again. */
    private AgencyResult failed(AgencyCalendars agency, String previousVersion, List<DueDateChange> sent,
                                List<String> problems, Instant at) {
        if (!agency.ownRecord()) {
            versions.save(agency.agency().value(), agency.previous(), at);
        }
        return result(agency, previousVersion, Outcome.FAILED, sent, problems);
    }

    private static AgencyResult result(AgencyCalendars agency, String previousVersion, Outcome outcome,
                                       List<DueDateChange> recorded, List<String> problems) {
        return new AgencyResult(agency.agency().value(), previousVersion, agency.current().version(), outcome, recorded,
                problems);
    }
}
