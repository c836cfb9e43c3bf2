package cn.gongkai.ledger.workbench.legal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AppealWindowsTest {
    private static final AppealWindows WINDOWS = new AppealWindows(WorkingDayCalendar.national());

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aPeriodEndingOnAHolidayEndsOnTheFirstWorkingDayAfterIt() {
        // 60 days from 2024-08-02 is 2024-10-01, the National Day (10-01 to 10-07 off): the 8th.
        assertThat(WINDOWS.reconsiderationUntil(d("2024-08-02"))).isEqualTo(d("2024-10-08"));
        // Six months from 2024-04-06 is Sunday 2024-10-06, inside the holiday.
        assertThat(WINDOWS.lawsuitUntil(d("2024-04-06"))).isEqualTo(d("2024-10-08"));
        // 15 days from 2024-01-13 is Sunday 2024-01-28, a plain weekend: Monday.
        assertThat(WINDOWS.lawsuitAfterReconsiderationUntil(d("2024-01-13"))).isEqualTo(d("2024-01-29"));
        // Spring Festival 2025 (01-28 to 02-04 off): 15 days from 2025-01-13 is 01-28: 02-05.
        assertThat(WINDOWS.appealUntil(d("2025-01-13"))).isEqualTo(d("2025-02-05"));
    }

    @Test
    void aWorkingDayEndIsKeptAndSoIsAMakeUpWorkingSaturday() {
        assertThat(WINDOWS.reconsiderationUntil(d("2024-03-01"))).isEqualTo(d("2024-04-30"));
        // 2024-09-29 is a Sunday declared a working day (调休 for the National Day): the period ends that day.
        assertThat(WINDOWS.lawsuitAfterReconsiderationUntil(d("2024-09-14"))).isEqualTo(d("2024-09-29"));
    }

    @Test
    void aYearWithoutANoticeIsLeftUnshifted() {
        LocalDate beyond = LocalDate.of(WorkingDayCalendar.national().coveredYears().last() + 1, 1, 3);
        assertThat(WINDOWS.lastDay(beyond)).isEqualTo(beyond);
    }
}
