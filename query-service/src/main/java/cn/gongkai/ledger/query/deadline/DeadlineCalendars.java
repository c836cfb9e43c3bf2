package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.clock.calendar.CalendarConfigurationException;
import cn.gongkai.ledger.clock.calendar.CalendarRegistry;
import cn.gongkai.ledger.clock.calendar.CalendarSource;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.problem.LedgerProblemException;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The calendars the deadline queries count with: the shipped national data plus the directory
 * {@code LEDGER_CALENDAR_DIR} (docs/calendar.md), re-read when its files change, so the query service and the
 * command service's recomputation count with the same files.
 */
@Component
public class DeadlineCalendars {
    private final CalendarSource source;

    public DeadlineCalendars(@Value("${" + CalendarSource.DIRECTORY_VARIABLE + ":}") String directory) {
        this.source = CalendarSource.of(directory);
    }

    /** The calendar {@code agency} counts with, as the files now stand. */
    public WorkingDayCalendar calendarFor(AgencyId agency) {
        return registry().calendarFor(agency);
    }

    /** The national calendar, as the files now stand. */
    public WorkingDayCalendar national() {
        return registry().national();
    }

    private CalendarRegistry registry() {
        try {
            return source.registry();
        } catch (CalendarConfigurationException e) {
            throw new LedgerProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "CALENDAR_CONFIGURATION_INVALID",
                    "工作日日历配置无效，无法计算期限：" + e.getMessage(),
                    "The working-day calendar configuration is invalid, no time limit can be computed: " + e.getMessage());
        }
    }

    /** The problem to answer when a date the computation needs lies in a year the calendar has no notice for. */
    static LedgerProblemException notCovered(DateOutsideCalendarException e) {
        return notCovered(e.date(), e.calendarVersion());
    }

    static LedgerProblemException notCovered(LocalDate date, String calendarVersion) {
        return new LedgerProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "CALENDAR_NOT_COVERED",
                "工作日日历 " + calendarVersion + " 未收录 " + date.getYear() + " 年的放假安排，无法判断 " + date
                        + " 是否为工作日；请在日历目录中加入该年的文件（见 docs/calendar.md）",
                "Calendar " + calendarVersion + " has no notice for " + date.getYear() + ", so it cannot tell whether "
                        + date + " is a working day; add that year's file to the calendar directory (docs/calendar.md)");
    }

    /** {@code asOf} itself must be in a covered year: the balance counts every working day up to it. */
    static void requireCovered(WorkingDayCalendar calendar, LocalDate asOf) {
        if (!calendar.covers(asOf)) {
            throw notCovered(asOf, calendar.version());
        }
    }
}
