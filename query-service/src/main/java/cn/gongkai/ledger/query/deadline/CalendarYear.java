package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.clock.calendar.CalendarDay;
import cn.gongkai.ledger.clock.calendar.HolidayYear;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Label;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * Every day of one year in the calendar an agency counts with: {@code GET /api/calendar/{year}?agencyId=…}.
 *
 * @param agencyId        the agency asked about, or {@code null} for the national calendar
 * @param calendarVersion changes whenever the data changes; each recorded due-date recomputation names it
 * @param notices         where the notices for the year were published (the national one, then the agency layer's)
 * @param workingDays     the working days of the year
 * @param nextWorkingDayReceipt the channels for which the agency's own rule deems an application arriving on a
 *                        non-working day received on the next working day (its calendar layer's receipt rule,
 *                        docs/calendar.md); empty: the recorded receipt date counts, whatever day it is
 */
public record CalendarYear(int year, String agencyId, String calendarName, String calendarVersion,
                           SortedSet<Integer> coveredYears, List<String> notices, long workingDays,
                           List<Label> nextWorkingDayReceipt, List<Day> days) {

    /**
     * One date: its kind ({@code WORKDAY} 工作日, {@code WEEKEND} 周末, {@code HOLIDAY} 节假日,
     * {@code MAKEUP_WORKDAY} 调休工作日) and, for a holiday or 调休 day, the holiday's name.
     */
    public record Day(LocalDate date, String weekday, Label kind, boolean working, String name) {
        static Day of(CalendarDay day) {
            return new Day(day.date(), day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA),
                    new Label(day.kind().name(), day.kind().label()), day.working(), day.name());
        }
    }

    static CalendarYear of(int year, String agencyId, WorkingDayCalendar calendar) {
        List<Day> days = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .map(calendar::day).map(Day::of).toList();
        List<String> notices = calendar.layers().stream().flatMap(layer -> layer.years().stream())
                .filter(file -> file.year() == year).map(HolidayYear::papers).flatMap(List::stream).toList();
        List<Label> deemed = Arrays.stream(Channel.values()).filter(c -> calendar.deemedReceipt(c).isPresent())
                .map(c -> new Label(c.name(), c.label())).toList();
        return new CalendarYear(year, agencyId, calendar.name(), calendar.version(), calendar.coveredYears(), notices,
                days.stream().filter(Day::working).count(), deemed, days);
    }
}
