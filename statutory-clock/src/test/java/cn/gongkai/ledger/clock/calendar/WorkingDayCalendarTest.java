package cn.gongkai.ledger.clock.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDayCalendarTest {
    private final WorkingDayCalendar national = WorkingDayCalendar.national();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static HolidayYear fixture(String resource) {
        try (InputStream in = WorkingDayCalendarTest.class.getResourceAsStream("/calendar-fixtures/" + resource)) {
            return HolidayYear.read(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fixtureDirectory(String name) {
        try {
            return Path.of(WorkingDayCalendarTest.class.getResource("/calendar-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shippedDataCoversEveryYearFrom2019To2026() {
        assertThat(national.coveredYears()).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(national.name()).isEqualTo("national");
        assertThat(national.version()).matches("national@[0-9a-f]{12}");
    }

    @Test
    void eachDayKnowsWhyItIsOrIsNotAWorkingDay() {
        assertThat(national.day(d("2024-02-18"))).isEqualTo(new CalendarDay(d("2024-02-18"), DayKind.MAKEUP_WORKDAY, "春节"));
        assertThat(national.day(d("2024-10-05"))).isEqualTo(new CalendarDay(d("2024-10-05"), DayKind.HOLIDAY, "国庆节"));
        assertThat(national.day(d("2025-10-08"))).isEqualTo(new CalendarDay(d("2025-10-08"), DayKind.HOLIDAY, "国庆节、中秋节"));
        assertThat(national.day(d("2024-03-09"))).isEqualTo(new CalendarDay(d("2024-03-09"), DayKind.WEEKEND, null));
        assertThat(national.day(d("2024-03-11"))).isEqualTo(new CalendarDay(d("2024-03-11"), DayKind.WORKDAY, null));
        assertThat(national.isWorkingDay(d("2024-02-18"))).isTrue();
        assertThat(national.isWorkingDay(d("2024-10-07"))).isFalse();
    }

    @Test
    void aListedWorkingDayIsLabelledTiaoxiuOnlyOnAWeekend() {
        // the 2020 data lists Monday 02-03 as a working day of 春节 (the extended holiday ended on Sunday 02-02): it is
        // a plain Monday; Saturday 2020-02-01 was a 调休 working day until the extension cancelled it (now a holiday)
        assertThat(national.day(d("2020-02-03"))).isEqualTo(new CalendarDay(d("2020-02-03"), DayKind.WORKDAY, null));
        assertThat(national.day(d("2020-02-01"))).isEqualTo(new CalendarDay(d("2020-02-01"), DayKind.HOLIDAY, "春节"));
        assertThat(national.day(d("2020-01-19"))).isEqualTo(new CalendarDay(d("2020-01-19"), DayKind.MAKEUP_WORKDAY, "春节"));
        for (int year = 2019; year <= 2026; year++) {
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == LocalDate.of(year, 1, 1).getYear(); day = day.plusDays(1)) {
                if (national.day(day).kind() == DayKind.MAKEUP_WORKDAY) {
                    assertThat(day.getDayOfWeek().getValue()).as("调休 label on %s", day).isGreaterThanOrEqualTo(6);
                }
            }
        }
    }

    @Test
    void filesAreMergedByDateSoANoticeCanDeclareDaysOfThePreviousDecember() {
        // 2022-12-31 (Saturday) is listed as 元旦 in 2023.json, not in 2022.json
        assertThat(national.day(d("2022-12-31"))).isEqualTo(new CalendarDay(d("2022-12-31"), DayKind.HOLIDAY, "元旦"));
    }

    @Test
    void aDateOutsideTheCoveredYearsIsAnExplicitErrorNeverAGuessedWeekday() {
        // 2018-12-29 is listed in 2019.json, but the year 2018 has no notice of its own: not covered
        assertThatThrownBy(() -> national.day(d("2018-12-29"))).isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2018");
        DateOutsideCalendarException e = org.junit.jupiter.api.Assertions.assertThrows(
                DateOutsideCalendarException.class, () -> national.isWorkingDay(d("2027-01-04")));
        assertThat(e.date()).isEqualTo(d("2027-01-04"));
        assertThat(e.calendarVersion()).isEqualTo(national.version());
        // counting that walks past the last covered day fails too
        assertThatThrownBy(() -> national.plusWorkingDays(d("2026-12-20"), 20))
                .isInstanceOf(DateOutsideCalendarException.class);
        assertThat(national.covers(d("2026-12-31"))).isTrue();
        assertThat(national.covers(d("2027-01-01"))).isFalse();
    }

    @Test
    void countsWorkingDaysExcludingTheStartDay() {
        // Friday 2024-02-09 is a working day; 02-10..17 Spring Festival; Sunday 02-18 is a 调休 working day
        assertThat(national.plusWorkingDays(d("2024-02-09"), 1)).isEqualTo(d("2024-02-18"));
        assertThat(national.plusWorkingDays(d("2024-02-09"), 0)).isEqualTo(d("2024-02-09"));
        assertThat(national.workingDayOnOrAfter(d("2024-10-01"))).isEqualTo(d("2024-10-08"));
        assertThat(national.workingDayOnOrAfter(d("2024-10-08"))).isEqualTo(d("2024-10-08"));
        // 10-01..07 National Day; 10-08..11 (1-4); the 调休 Saturday 10-12 (5)
        assertThat(national.plusWorkingDays(d("2024-09-30"), 5)).isEqualTo(d("2024-10-12"));
        assertThatThrownBy(() -> national.plusWorkingDays(d("2024-01-02"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewYearFileExtendsCoverageWithoutACodeChangeAndChangesTheVersion() {
        WorkingDayCalendar with2027 = national.withYears(List.of(fixture("next-year/2027.json")));

        assertThat(with2027.coveredYears()).contains(2027);
        assertThat(with2027.day(d("2027-01-04")).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(with2027.day(d("2027-01-09"))).isEqualTo(new CalendarDay(d("2027-01-09"), DayKind.MAKEUP_WORKDAY, "测试调休"));
        assertThat(with2027.version()).isNotEqualTo(national.version()).startsWith("national@");
        assertThat(with2027).isNotEqualTo(national);
    }

    @Test
    void reloadingADirectoryReplacesAShippedYearAndTheVersionShowsIt() {
        WorkingDayCalendar revised = WorkingDayCalendar.national(fixtureDirectory("revised-2026"));
        WorkingDayCalendar reloadedAgain = WorkingDayCalendar.national(fixtureDirectory("revised-2026"));

        assertThat(national.day(d("2026-03-02")).kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(revised.day(d("2026-03-02"))).isEqualTo(new CalendarDay(d("2026-03-02"), DayKind.HOLIDAY, "测试补假"));
        assertThat(revised.version()).isNotEqualTo(national.version());
        assertThat(reloadedAgain.version()).isEqualTo(revised.version());
        assertThat(reloadedAgain).isEqualTo(revised).hasSameHashCodeAs(revised);
        assertThat(revised.coveredYears()).isEqualTo(national.coveredYears());
    }

    @Test
    void theSameContentGivesTheSameVersion() {
        HolidayYear y2024 = HolidayYear.read(getClass().getResourceAsStream("/calendar/cn/2024.json"));
        assertThat(WorkingDayCalendar.of("test", List.of(y2024)).version())
                .isEqualTo(WorkingDayCalendar.of("test", List.of(y2024)).version())
                .isNotEqualTo(WorkingDayCalendar.of("other", List.of(y2024)).version());
    }

    @Test
    void anAgencyLayerAddsRegionalHolidaysOverTheNationalCalendar() {
        WorkingDayCalendar xinjiang = national.overlay("xinjiang", List.of(fixture("xinjiang-2024.json")));

        assertThat(xinjiang.name()).isEqualTo("national+xinjiang");
        assertThat(xinjiang.version()).startsWith("national+xinjiang@").isNotEqualTo(national.version());
        assertThat(national.day(d("2024-06-17")).kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(xinjiang.day(d("2024-06-17"))).isEqualTo(new CalendarDay(d("2024-06-17"), DayKind.HOLIDAY, "古尔邦节"));
        // national days are kept under the layer
        assertThat(xinjiang.day(d("2024-06-10"))).isEqualTo(national.day(d("2024-06-10")));
        // the layer survives a national update
        WorkingDayCalendar updated = xinjiang.withYears(List.of(fixture("next-year/2027.json")));
        assertThat(updated.day(d("2024-06-18")).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(updated.covers(d("2027-03-01"))).isTrue();
    }

    @Test
    void aLayerCannotExtendCoverage() {
        assertThatThrownBy(() -> national.overlay("future", List.of(fixture("next-year/2027.json"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027");
    }

    @Test
    void whereTwoFilesListTheSameDateTheLaterNoticeWins() {
        HolidayYear earlier = read("{\"year\":2030,\"days\":[{\"name\":\"甲\",\"date\":\"2030-12-31\",\"isOffDay\":false}]}");
        HolidayYear later = read("{\"year\":2031,\"days\":[{\"name\":\"元旦\",\"date\":\"2030-12-31\",\"isOffDay\":true}]}");

        WorkingDayCalendar calendar = WorkingDayCalendar.of("test", List.of(later, earlier));

        assertThat(calendar.day(d("2030-12-31"))).isEqualTo(new CalendarDay(d("2030-12-31"), DayKind.HOLIDAY, "元旦"));
    }

    @Test
    void malformedYearFilesAreRefused() {
        assertThatThrownBy(() -> read("{\"year\":2030,\"days\":[{\"name\":\"甲\",\"date\":\"2030-01-01\",\"isOffDay\":true},"
                + "{\"name\":\"乙\",\"date\":\"2030-01-01\",\"isOffDay\":false}]}"))
                .isInstanceOf(UncheckedIOException.class).hasStackTraceContaining("twice");
        assertThatThrownBy(() -> read("{\"year\":2030,\"days\":[{\"name\":\" \",\"date\":\"2030-01-01\",\"isOffDay\":true}]}"))
                .isInstanceOf(UncheckedIOException.class).hasStackTraceContaining("no name");
        assertThatThrownBy(() -> read("not json")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> WorkingDayCalendar.of("empty", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingDayCalendar.of("a+b", List.of(read("{\"year\":2030}"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEveryJsonFileOfADirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2030.json"), "{\"year\":2030,\"days\":[]}");
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        assertThat(HolidayYear.readDirectory(dir)).extracting(HolidayYear::year).containsExactly(2030);
        assertThatThrownBy(() -> HolidayYear.readDirectory(dir.resolve("missing"))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void theLicenceNoticeShipsWithTheData() throws Exception {
        try (InputStream licence = getClass().getResourceAsStream("/calendar/cn/LICENSE")) {
            assertThat(licence).isNotNull();
            assertThat(new String(licence.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("MIT License", "Copyright (c) 2019 NateScarlet");
        }
    }

    private static HolidayYear read(String json) {
        return HolidayYear.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
