package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.clock.calendar.CalendarRegistry;
import cn.gongkai.ledger.clock.calendar.CalendarSource;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

/**
 * The statutory windows a closing rests on, as a domain service for the aggregates: each answers "until when does
 * the other party's period run, and from which day may the agency act on its lapse", in the working days of the
 * agency's calendar. The same counts as {@link RequestClock}'s readings (its {@link ConsultationWindow},
 * {@link FeeWindow} and {@link Proposal}s), so what the ledger proposes is exactly what the aggregate accepts.
 * Pure given its calendars; never reads the system clock.
 */
public final class StatutoryWindows {
    /**
     * A period of another party.
     *
     * @param lastDay   the last day of the period
     * @param lapsesFrom the first day the agency may record its lapse
     */
    public record Window(LocalDate lastDay, LocalDate lapsesFrom) {
        /** Whether {@code date} is before the lapse may be recorded. */
        public boolean running(LocalDate date) {
            return date.isBefore(lapsesFrom);
        }
    }

    private final Function<AgencyId, WorkingDayCalendar> calendars;

    public StatutoryWindows(Function<AgencyId, WorkingDayCalendar> calendars) {
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /** The calendars of {@code registry}. */
    public static StatutoryWindows of(CalendarRegistry registry) {
        return new StatutoryWindows(registry::calendarFor);
    }

    /** The calendars of {@code source} as they stand at each question (a changed calendar directory applies at once). */
    public static StatutoryWindows of(CalendarSource source) {
        return new StatutoryWindows(agency -> source.registry().calendarFor(agency));
    }

    /**
     * 第三十二条: the consulted party answers within 15 working days (counted from the day after sending); the
     * consultation lapses the day after the 15th, whether or not that is a working day.
     *
     * @throws cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException if the calendar does not cover the period
     */
    public Window consultation(AgencyId agency, LocalDate sentOn) {
        LocalDate answerDue = calendars.apply(agency).plusWorkingDays(sentOn, RequestClock.CONSULTATION_DAYS);
        return new Window(answerDue, answerDue.plusDays(1));
    }

    /**
     * 国办函〔2020〕109号: the applicant pays within 20 working days of receiving the notice; the request may be
     * closed as 三.六.2 from the next working day.
     */
    public Window feePayment(AgencyId agency, LocalDate notifiedOn) {
        WorkingDayCalendar calendar = calendars.apply(agency);
        LocalDate payBy = calendar.plusWorkingDays(notifiedOn, RequestClock.FEE_PAYMENT_DAYS);
        return new Window(payBy, calendar.plusWorkingDays(payBy, 1));
    }

    /**
     * 第三十条: the applicant corrects within the period the agency set ({@code supplyBy}); the request may be closed
     * as 三.六.1 from the next working day.
     */
    public Window correction(AgencyId agency, LocalDate supplyBy) {
        return new Window(supplyBy, calendars.apply(agency).plusWorkingDays(supplyBy, 1));
    }
}
