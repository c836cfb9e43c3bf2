package cn.gongkai.ledger.clock.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RecordDueDateRecomputation;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException;
import cn.gongkai.ledger.clock.calendar.HolidayYear;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.testing.RequestHistory;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueDateRecomputationTest {
    private final WorkingDayCalendar national = WorkingDayCalendar.national();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The shipped 2026 data with Monday 2026-03-02 declared a day off (a fictional revised notice). */
    private static WorkingDayCalendar revised2026() throws URISyntaxException {
        return WorkingDayCalendar.national(Path.of(DueDateRecomputationTest.class
                .getResource("/calendar-fixtures/revised-2026").toURI()));
    }

    /** A fictional 2027 notice: 01-01 and Monday 01-04 off, Saturday 01-09 a working day. */
    private WorkingDayCalendar with2027() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/calendar-fixtures/next-year/2027.json")) {
            return national.withYears(List.of(HolidayYear.read(in)));
        }
    }

    @Test
    void aCalendarChangeMovesTheDueDatesOfOpenRequestsOnly() throws Exception {
        // received Friday 2026-02-13: 02-14 M (1), 02-24..27 (2-5), 02-28 M (6), 03-02..06 (7-11), 03-09..13 (12-16),
        // 03-16..19 (17-20) -> 03-19; with 03-02 off: 03-03..06 (7-10), 03-09..13 (11-15), 03-16..20 (16-20) -> 03-20
        List<DisclosureRequestEvent> affected = RequestHistory.received("a", d("2026-02-13")).events();
        List<DisclosureRequestEvent> concluded = RequestHistory.received("b", d("2026-02-13")).replied(d("2026-03-10")).events();
        List<DisclosureRequestEvent> unaffected = RequestHistory.received("c", d("2026-04-07")).events();
        WorkingDayCalendar revised = revised2026();

        List<DueDateChange> changes = DueDateRecomputation.changes(national, revised, List.of(affected, concluded, unaffected));

        assertThat(changes).containsExactly(new DueDateChange(affected.get(0).requestId(), revised.version(),
                d("2026-03-19"), d("2026-03-20")));
        Recorded recorded = new Recorded("calendar-admin", Instant.parse("2026-02-20T02:00:00Z"));
        assertThat(changes.get(0).toCommand(recorded)).isEqualTo(new RecordDueDateRecomputation(
                affected.get(0).requestId(), revised.version(), d("2026-03-19"), d("2026-03-20"), recorded));
        assertThat(DueDateRecomputation.changes(revised, revised, List.of(affected))).isEmpty();
    }

    @Test
    void aNewYearsNoticeGivesADueDateThatCouldNotBeComputedBefore() throws Exception {
        // received Tuesday 2026-12-15: 12-16..18 (1-3), 12-21..25 (4-8), 12-28..31 (9-12), 2027-01-01 off, 01-04 off,
        // 01-05..08 (13-16), 01-09 Sat working (17), 01-11..13 (18-20)
        List<DisclosureRequestEvent> lateInYear = RequestHistory.received("d", d("2026-12-15")).events();
        WorkingDayCalendar next = with2027();

        assertThat(DueDateRecomputation.changes(national, next, List.of(lateInYear))).containsExactly(
                new DueDateChange(lateInYear.get(0).requestId(), next.version(), null, d("2027-01-13")));
        // neither calendar covers it: nothing to record
        assertThat(DueDateRecomputation.changes(national, revised2026(), List.of(lateInYear))).isEmpty();
    }

    @Test
    void aNewCalendarThatLosesCoverageOfAnOpenDeadlineIsAnError() throws Exception {
        List<DisclosureRequestEvent> lateInYear = RequestHistory.received("e", d("2026-12-15")).events();

        assertThatThrownBy(() -> DueDateRecomputation.changes(with2027(), national, List.of(lateInYear)))
                .isInstanceOf(DateOutsideCalendarException.class);
    }
}
