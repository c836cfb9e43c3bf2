package cn.gongkai.ledger.clock.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.RequestStatus;
import cn.gongkai.ledger.clock.deadline.Standing;
import cn.gongkai.ledger.clock.testing.RequestHistory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days left counted by hand as of Wednesday 2024-04-03 (04-04..06 are Qingming). */
class AgencyWorklistTest {
    private static final LocalDate AS_OF = LocalDate.parse("2024-04-03");
    private static final Applicant APPLICANT = new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static RequestHistory received(String tracking, String on, String officer) {
        return RequestHistory.received(tracking, d(on), officer, APPLICANT);
    }

    // received Saturday, S=03-09 (not moved): 03-11..15, 03-18..22, 03-25..29, 04-01..03 = 18 counted -> 2 left (due 04-08)
    private final List<DisclosureRequestEvent> a = received("A", "2024-03-09", "王承办").events();
    // S=03-04: 03-05..08, 03-11..15, 03-18..22, 03-25..29, 04-01..03 = 22 counted -> 2 overdue (due 04-01)
    private final List<DisclosureRequestEvent> b = received("B", "2024-03-04", "李承办").events();
    // consultation open since 03-13 (answer due 04-03): 7 counted up to and including the sending day -> 13 left, stopped
    private final List<DisclosureRequestEvent> c = received("C", "2024-03-04", "王承办").consultation(d("2024-03-13")).events();
    // S=03-15: 03-18..22, 03-25..29, 04-01..03 = 13 counted -> 7 left (due 04-15); no officer recorded
    private final List<DisclosureRequestEvent> dNoOfficer = received("D", "2024-03-15", null).events();
    private final List<DisclosureRequestEvent> replied = received("E", "2024-03-04", "王承办").replied(d("2024-03-20")).events();
    private final List<DisclosureRequestEvent> reassigned = received("G", "2024-03-15", "王承办")
            .officer("赵承办", d("2024-03-18")).events();

    private Worklist worklist(int dueSoonDays, List<List<DisclosureRequestEvent>> histories) {
        return AgencyWorklist.asOf(AS_OF, WorkingDayCalendar.national(), histories, dueSoonDays);
    }

    private static List<String> ids(List<Standing> standings) {
        return standings.stream().map(s -> s.requestId().trackingNumber()).toList();
    }

    @Test
    void listsOpenRequestsMostUrgentFirst() {
        Worklist list = AgencyWorklist.asOf(AS_OF, WorkingDayCalendar.national(), List.of(a, b, c, dNoOfficer, replied));

        assertThat(list.asOf()).isEqualTo(AS_OF);
        assertThat(list.dueSoonDays()).isEqualTo(AgencyWorklist.DEFAULT_DUE_SOON_DAYS);
        assertThat(ids(list.open())).containsExactly("B", "A", "D", "C");
        assertThat(list.open()).extracting(Standing::daysLeft).containsExactly(0, 2, 7, 13);
        assertThat(list.open()).extracting(Standing::daysOverdue).containsExactly(2, 0, 0, 0);
        assertThat(ids(list.overdue())).containsExactly("B");
        assertThat(ids(list.dueSoon())).containsExactly("A");
        assertThat(list.notComputable()).isEmpty();
    }

    @Test
    void asOfADateTheListIsAsItStoodThen() {
        // replied on 04-10, after AS_OF: on 04-03 it was open (received 03-04, due 04-01: 2 overdue)
        List<DisclosureRequestEvent> repliedLater = received("H", "2024-03-04", "王承办").replied(d("2024-04-10")).events();
        // received on 04-08, after AS_OF: not on the list
        List<DisclosureRequestEvent> receivedLater = received("I", "2024-04-08", "王承办").events();
        // consultation answered on 04-08: on 04-03 still consulting (13 left, stopped)
        List<DisclosureRequestEvent> answeredLater = received("J", "2024-03-04", "王承办").consultation(d("2024-03-13"))
                .answered(d("2024-04-08")).events();
        // receipt date corrected (recorded later) from 04-02 to 04-05: it was not yet received on 04-03 after all;
        // on 04-10: J 11 left (9 counted: 03-05..13 and 04-09, 04-10), K 16 (04-07 M..04-10), I 18 (04-09, 04-10)
        List<DisclosureRequestEvent> correctedLater = received("K", "2024-04-02", "王承办")
                .receiptCorrected(d("2024-04-02"), d("2024-04-05")).events();

        Worklist list = worklist(5, List.of(repliedLater, receivedLater, answeredLater, correctedLater));

        assertThat(ids(list.open())).containsExactly("H", "J");
        assertThat(list.open()).extracting(Standing::status).containsExactly(RequestStatus.REGISTERED, RequestStatus.CONSULTING);
        assertThat(list.open()).extracting(Standing::daysOverdue).containsExactly(2, 0);
        assertThat(list.open().get(1).running()).isFalse();
        assertThat(list.open().get(1).daysLeft()).isEqualTo(13);
        assertThat(ids(AgencyWorklist.asOf(d("2024-04-10"), WorkingDayCalendar.national(),
                List.of(repliedLater, receivedLater, answeredLater, correctedLater)).open())).containsExactly("J", "K", "I");
    }

    @Test
    void theDueSoonWindowIsConfigurableAndLeavesOutPausedClocks() {
        assertThat(ids(worklist(7, List.of(a, b, c, dNoOfficer)).dueSoon())).containsExactly("A", "D");
        assertThat(ids(worklist(20, List.of(a, b, c, dNoOfficer)).dueSoon())).containsExactly("A", "D");
        assertThat(ids(worklist(0, List.of(a, b, c, dNoOfficer)).dueSoon())).isEmpty();
        assertThatThrownBy(() -> worklist(-1, List.of(a))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsPerHandlingOfficerAsLastAssigned() {
        Worklist list = worklist(5, List.of(a, b, c, dNoOfficer, reassigned));

        assertThat(list.byOfficer().keySet()).containsExactly("李承办", "王承办", "赵承办", AgencyWorklist.NO_OFFICER);
        assertThat(ids(list.byOfficer().get("王承办"))).containsExactly("A", "C");
        assertThat(ids(list.byOfficer().get("赵承办"))).containsExactly("G");
        assertThat(ids(list.byOfficer().get(AgencyWorklist.NO_OFFICER))).containsExactly("D");
    }

    @Test
    void aRequestWhoseDueDateTheCalendarCannotReachIsListedApartWithTheReason() {
        List<DisclosureRequestEvent> late = received("F", "2026-12-20", "王承办").events();

        Worklist list = AgencyWorklist.asOf(d("2026-12-21"), WorkingDayCalendar.national(), List.of(late));

        assertThat(list.open()).isEmpty();
        assertThat(list.notComputable()).singleElement().satisfies(n -> {
            assertThat(n.requestId().trackingNumber()).isEqualTo("F");
            assertThat(n.reason()).contains("2027");
        });
    }
}
