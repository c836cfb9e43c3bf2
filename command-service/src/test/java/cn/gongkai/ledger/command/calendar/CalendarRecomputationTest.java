package cn.gongkai.ledger.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RecordDueDateRecomputation;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.DueDateRecomputed;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.calendar.CalendarRegistry;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.DeclaredDay;
import cn.gongkai.ledger.clock.calendar.HolidayYear;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.DueDateChange;
import cn.gongkai.ledger.command.calendar.CalendarRecomputation.AgencyCalendars;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions of a calendar recomputation, without Spring, MongoDB or Axon. */
class CalendarRecomputationTest {
    static final AgencyId NINGHE = new AgencyId("ninghe-commerce");
    static final AgencyId URUMQI = new AgencyId("urumqi-finance");
    static final WorkingDayCalendar NATIONAL = WorkingDayCalendar.national();
    /** The shipped data with Monday 2026-03-02 declared a day off: a (fictional) revised notice for 2026. */
    static final WorkingDayCalendar REVISED = NATIONAL.withYears(List.of(withDayOff(NATIONAL, 2026, "2026-03-02")));

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The year file of {@code calendar} for {@code year} with one more day off. */
    static HolidayYear withDayOff(WorkingDayCalendar calendar, int year, String date) {
        HolidayYear shipped = calendar.layers().get(0).years().stream().filter(y -> y.year() == year).findFirst()
                .orElseThrow();
        List<DeclaredDay> days = new ArrayList<>(shipped.days());
        days.add(new DeclaredDay("测试假日", d(date), true));
        return new HolidayYear(year, List.of("FICTIONAL revised notice"), days);
    }

    static List<DisclosureRequestEvent> received(AgencyId agency, String tracking, String receivedOn) {
        RequestId id = RequestId.of(agency, tracking);
        return List.of(new RequestReceived(id, agency, tracking, Channel.INTERNET, d(receivedOn),
                new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null), "事项", "王科员", at(receivedOn)));
    }

    static Recorded at(String day) {
        return new Recorded("clerk", d(day).atTime(10, 0).atZone(Recorded.ZONE).toInstant());
    }

    static List<DisclosureRequestEvent> then(List<DisclosureRequestEvent> history, DisclosureRequestEvent event) {
        List<DisclosureRequestEvent> longer = new ArrayList<>(history);
        longer.add(event);
        return longer;
    }

    @Test
    void aCalendarThatMovesAHolidayChangesExactlyTheAffectedOpenRequests() {
        // received Friday 2026-02-13: due Thursday 03-19; with 03-02 off the 20th working day is Friday 03-20
        List<DisclosureRequestEvent> affected = received(NINGHE, "a", "2026-02-13");
        List<DisclosureRequestEvent> concluded = then(received(NINGHE, "b", "2026-02-13"), new RequestReplied(
                RequestId.of(NINGHE, "b"), d("2026-03-10"), Outcome.DISCLOSED, List.of(), "答复", at("2026-03-10")));
        List<DisclosureRequestEvent> afterTheHoliday = received(NINGHE, "c", "2026-04-07");
        List<AgencyCalendars> agencies = CalendarRecomputation.compare(Map.of(CalendarRecomputation.NATIONAL, NATIONAL),
                CalendarRegistry.of(REVISED), List.of(NINGHE));

        assertThat(agencies).containsExactly(new AgencyCalendars(NINGHE, NATIONAL, REVISED, false));
        assertThat(agencies.get(0).changed()).isTrue();
        List<DueDateChange> changes = CalendarRecomputation.toRecord(agencies.get(0),
                List.of(affected, concluded, afterTheHoliday));

        assertThat(changes).containsExactly(new DueDateChange(affected.get(0).requestId(), REVISED.version(),
                d("2026-03-19"), d("2026-03-20")));
        Recorded system = new Recorded("system:calendar", Instant.parse("2026-02-20T02:00:00Z"));
        assertThat(changes.get(0).toCommand(system)).isEqualTo(new RecordDueDateRecomputation(
                affected.get(0).requestId(), REVISED.version(), d("2026-03-19"), d("2026-03-20"), system));
    }

    @Test
    void withNothingRecordedTheCurrentCalendarIsTheBaselineAndNothingIsRecomputed() {
        List<AgencyCalendars> agencies = CalendarRecomputation.compare(Map.of(), CalendarRegistry.of(REVISED),
                List.of(NINGHE));

        assertThat(agencies).containsExactly(new AgencyCalendars(NINGHE, null, REVISED, false));
        assertThat(agencies.get(0).changed()).isFalse();
        assertThat(agencies.get(0).toBeRecorded()).isTrue();
        assertThat(CalendarRecomputation.toRecord(agencies.get(0), List.of(received(NINGHE, "a", "2026-02-13"))))
                .isEmpty();
    }

    @Test
    void anAgencysOwnRecordComesFirstAndANewcomerComparesWithTheNationalRecord() {
        AgencyId newcomer = new AgencyId("newcomer");
        Map<String, WorkingDayCalendar> recorded = Map.of(CalendarRecomputation.NATIONAL, NATIONAL,
                NINGHE.value(), REVISED);

        List<AgencyCalendars> agencies = CalendarRecomputation.compare(recorded, CalendarRegistry.of(REVISED),
                List.of(NINGHE, newcomer));

        assertThat(agencies).containsExactly(new AgencyCalendars(newcomer, NATIONAL, REVISED, false),
                new AgencyCalendars(NINGHE, REVISED, REVISED, true));
        assertThat(agencies.get(1).changed()).isFalse();
        assertThat(agencies.get(1).toBeRecorded()).isFalse();
        assertThat(agencies.get(0).changed()).isTrue();
        assertThat(agencies.get(0).toBeRecorded()).isTrue();
    }

    @Test
    void anAgencysRegionalHolidayRecomputesThatAgencyOnlyEvenBeforeItHasRequests() {
        AgencyId kashgar = new AgencyId("kashgar-finance");
        HolidayYear regional = new HolidayYear(2026, List.of(), List.of(new DeclaredDay("古尔邦节", d("2026-03-02"), true)));
        CalendarRegistry current = CalendarRegistry.of(NATIONAL)
                .withAgencyLayer(URUMQI, URUMQI.value(), List.of(regional))
                .withAgencyLayer(kashgar, kashgar.value(), List.of(regional));
        Map<String, WorkingDayCalendar> recorded = Map.of(CalendarRecomputation.NATIONAL, NATIONAL,
                NINGHE.value(), NATIONAL, URUMQI.value(), NATIONAL);

        List<AgencyCalendars> agencies = CalendarRecomputation.compare(recorded, current, List.of(NINGHE, URUMQI));

        assertThat(agencies).extracting(a -> a.agency().value())
                .containsExactly("kashgar-finance", "ninghe-commerce", "urumqi-finance");
        assertThat(agencies).extracting(AgencyCalendars::changed).containsExactly(true, false, true);
        List<DisclosureRequestEvent> urumqiRequest = received(URUMQI, "u", "2026-02-13");
        assertThat(CalendarRecomputation.toRecord(agencies.get(2), List.of(urumqiRequest))).containsExactly(
                new DueDateChange(urumqiRequest.get(0).requestId(), current.calendarFor(URUMQI).version(),
                        d("2026-03-19"), d("2026-03-20")));
        assertThat(CalendarRecomputation.toRecord(agencies.get(1), List.of(received(NINGHE, "n", "2026-02-13"))))
                .isEmpty();
    }

    /** Whether a change was already recorded is the request's invariant (DisclosureRequestTest), not decided here. */
    @Test
    void aChangeWithoutAPreviousDueDateIsNotSent() {
        // received 2026-12-15: its due date lies in 2027, which only the new calendar covers
        HolidayYear year2027 = new HolidayYear(2027, List.of(), List.of(new DeclaredDay("元旦", d("2027-01-01"), true)));
        WorkingDayCalendar next = NATIONAL.withYears(List.of(year2027));
        List<DisclosureRequestEvent> lateInYear = received(NINGHE, "d", "2026-12-15");
        assertThat(CalendarRecomputation.toRecord(new AgencyCalendars(NINGHE, NATIONAL, next, true), List.of(lateInYear)))
                .isEmpty();
        assertThatThrownBy(() -> CalendarRecomputation.toRecord(new AgencyCalendars(NINGHE, next, NATIONAL, true),
                List.of(lateInYear))).isInstanceOf(DateOutsideCalendarException.class);
    }
}
