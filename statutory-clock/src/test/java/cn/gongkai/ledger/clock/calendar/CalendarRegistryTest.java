package cn.gongkai.ledger.clock.calendar;

import static cn.gongkai.ledger.clock.calendar.WorkingDayCalendarTest.d;
import static cn.gongkai.ledger.clock.calendar.WorkingDayCalendarTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarRegistryTest {
    private static final AgencyId URUMQI = new AgencyId("urumqi-finance");
    private static final AgencyId NINGHE = new AgencyId("ninghe-commerce");

    @Test
    void agenciesWithoutALayerUseTheNationalCalendar() {
        CalendarRegistry registry = CalendarRegistry.of(WorkingDayCalendar.national())
                .withAgencyLayer(URUMQI, "xinjiang", List.of(fixture("xinjiang-2024.json")));

        assertThat(registry.calendarFor(NINGHE)).isSameAs(registry.national());
        assertThat(registry.calendarFor(URUMQI).name()).isEqualTo("national+xinjiang");
        assertThat(registry.calendarFor(URUMQI).isWorkingDay(d("2024-06-17"))).isFalse();
        assertThat(registry.calendarFor(NINGHE).isWorkingDay(d("2024-06-17"))).isTrue();
    }

    @Test
    void aNationalUpdateKeepsAgencyLayersAndLeavesThePreviousRegistryUnchanged() {
        CalendarRegistry before = CalendarRegistry.of(WorkingDayCalendar.national())
                .withAgencyLayer(URUMQI, "xinjiang", List.of(fixture("xinjiang-2024.json")));

        CalendarRegistry after = before.withNationalYears(List.of(fixture("next-year/2027.json")));

        assertThat(after.calendarFor(URUMQI).covers(d("2027-01-04"))).isTrue();
        assertThat(after.calendarFor(URUMQI).isWorkingDay(d("2024-06-17"))).isFalse();
        assertThat(before.calendarFor(URUMQI).covers(d("2027-01-04"))).isFalse();
        assertThat(after.calendarFor(URUMQI).version()).isNotEqualTo(before.calendarFor(URUMQI).version());
    }

    @Test
    void aNewLayerReplacesTheAgencysPreviousLayer() {
        CalendarRegistry registry = CalendarRegistry.of(WorkingDayCalendar.national())
                .withAgencyLayer(URUMQI, "xinjiang", List.of(fixture("xinjiang-2024.json")))
                .withAgencyLayer(URUMQI, "none", List.of());

        assertThat(registry.calendarFor(URUMQI).name()).isEqualTo("national+none");
        assertThat(registry.calendarFor(URUMQI).isWorkingDay(d("2024-06-17"))).isTrue();
    }
}
