package cn.gongkai.ledger.report.fold;

import static cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How the fold treats the history it is given: duplicates, order, gaps, conflicts and the as-of time. */
class FoldHistoryTest {
    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);

    private final History history = new History("ninghe-commerce");

    private History sample() {
        return history.register("宁河区商务局")
                .receive("a", NATURAL_PERSON, JAN_2).reply("a", LocalDate.of(2024, 2, 1), Outcome.DISCLOSED)
                .receive("b", NATURAL_PERSON, LocalDate.of(2023, 12, 2)).withdraw("b", LocalDate.of(2024, 2, 1))
                .receive("c", NATURAL_PERSON, LocalDate.of(2024, 12, 31))
                .fileReconsideration("1", JAN_2)
                .fileLawsuit("2", Route.DIRECT, JAN_2);
    }

    private AnnualReport fold(List<EventEnvelope> events) {
        return ReportFold.fold(events, ReportRequest.of(history.agency, 2024));
    }

    @Test
    void duplicates_and_the_order_across_cases_change_nothing() {
        List<EventEnvelope> events = sample().events();
        AnnualReport expected = fold(events);
        List<EventEnvelope> noisy = new ArrayList<>(events);
        noisy.addAll(events);
        noisy.add(events.get(3));
        Collections.shuffle(noisy, new Random(7));
        assertThat(fold(noisy)).isEqualTo(expected);
        assertThat(expected.table3().get("一").get("总计")).isEqualTo(2);
    }

    @Test
    void erasing_applicants_personal_data_changes_no_cell_nor_the_as_of_time_of_any_year() {
        List<EventEnvelope> before = List.copyOf(sample().events());
        List<EventEnvelope> erased = List.copyOf(history.recordingFrom(java.time.Instant.parse("2026-03-01T02:00:00Z"))
                .erase("a").erase("b").eraseReconsideration("1").erasePlaintiff("2").events());
        assertThat(erased).hasSize(before.size() + 4);
        for (int year = 2023; year <= 2026; year++) {
            ReportRequest request = ReportRequest.of(history.agency, year);
            assertThat(ReportFold.fold(erased, request)).as("year " + year).isEqualTo(ReportFold.fold(before, request));
        }
    }

    @Test
    void a_publication_of_the_report_is_not_counted_in_it_nor_moves_its_as_of_time() {
        List<EventEnvelope> before = List.copyOf(sample().events());
        List<EventEnvelope> published = List.copyOf(history.publish(2024, "{\"year\":2024}").events());
        assertThat(published).hasSize(before.size() + 1);
        assertThat(fold(published)).isEqualTo(fold(before));
    }

    @Test
    void a_redelivery_with_another_event_id_is_the_same_event() {
        List<EventEnvelope> original = sample().events();
        List<EventEnvelope> events = new ArrayList<>(original);
        EventEnvelope e = events.get(2);
        events.add(new EventEnvelope("redelivered", e.aggregateType(), e.aggregateId(), e.sequence(), e.type(),
                Instant.EPOCH, e.payload()));
        assertThat(fold(events)).isEqualTo(fold(original));
    }

    @Test
    void a_gap_in_a_case_is_reported_not_counted() {
        List<EventEnvelope> events = new ArrayList<>(sample().events());
        history.reply("c", LocalDate.of(2025, 1, 3), Outcome.DISCLOSED).correctOutcome("c", Outcome.DISCLOSED,
                Outcome.UNAVAILABLE_NOT_HELD);
        List<EventEnvelope> all = history.events();
        events.add(all.get(all.size() - 1));
        assertThatThrownBy(() -> fold(events)).isInstanceOfSatisfying(IncompleteHistoryException.class, e ->
                assertThat(e.problems()).containsExactly(new AggregateProblem("ninghe-commerce:c", "DisclosureRequest",
                        AggregateProblem.Kind.MISSING_SEQUENCES, List.of(1L))));
        assertThat(ReportFold.problems(events, history.agency)).hasSize(1);
    }

    @Test
    void a_case_without_its_first_event_is_reported_even_when_its_agency_is_unknown() {
        history.fileLawsuit("9", Route.DIRECT, JAN_2).retrial("9", LocalDate.of(2024, 3, 1));
        List<EventEnvelope> events = history.events().subList(1, 2);
        assertThat(ReportFold.problems(events, history.agency)).containsExactly(new AggregateProblem("ls-9", "Lawsuit",
                AggregateProblem.Kind.MISSING_SEQUENCES, List.of(0L)));
    }

    @Test
    void a_gap_in_another_agencys_request_is_not_this_reports_problem() {
        History other = new History("laizhou-commerce");
        other.receive("a", NATURAL_PERSON, JAN_2).withdraw("a", JAN_2);
        List<EventEnvelope> original = sample().events();
        List<EventEnvelope> events = new ArrayList<>(original);
        events.add(other.events().get(1));
        assertThat(fold(events)).isEqualTo(fold(original));
        assertThat(ReportFold.problems(events, other.agency)).hasSize(1);
    }

    @Test
    void two_different_events_under_one_sequence_number_are_reported() {
        List<EventEnvelope> events = new ArrayList<>(sample().events());
        EventEnvelope reply = events.stream().filter(e -> e.payload() instanceof RequestReplied).findFirst().orElseThrow();
        RequestReplied r = (RequestReplied) reply.payload();
        events.add(new EventEnvelope("x", null, reply.aggregateId(), reply.sequence(), null, null,
                new RequestReplied(r.requestId(), r.repliedOn(), Outcome.NOT_PROCESSED_REPEATED, List.of(),
                        r.replyDocumentNumber(), r.recorded())));
        assertThatThrownBy(() -> fold(events)).isInstanceOfSatisfying(IncompleteHistoryException.class, e ->
                assertThat(e.problems()).containsExactly(new AggregateProblem(reply.aggregateId(), "DisclosureRequest",
                        AggregateProblem.Kind.CONFLICTING_DUPLICATES, List.of(reply.sequence()))));
    }

    @Test
    void events_recorded_after_as_of_are_not_folded_so_a_published_version_can_be_reproduced() {
        history.recordingFrom(Instant.parse("2024-03-01T00:00:00Z"))
                .receive("a", NATURAL_PERSON, JAN_2).reply("a", LocalDate.of(2024, 2, 1), Outcome.DISCLOSED)
                .recordingFrom(Instant.parse("2025-03-01T00:00:00Z"))
                .correctOutcome("a", Outcome.DISCLOSED, Outcome.WITHHELD_STATE_SECRET)
                .receive("late", NATURAL_PERSON, JAN_2);
        OffsetDateTime published = OffsetDateTime.of(2025, 1, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        AnnualReport atPublication = ReportFold.fold(history.events(),
                new ReportRequest(history.agency, 2024, ReportFormat.Y2021, null, published));
        AnnualReport now = ReportFold.fold(history.events(), ReportRequest.of(history.agency, 2024));
        assertThat(atPublication.asOf()).isEqualTo(published);
        assertThat(atPublication.table3().get("三.一").get("自然人")).isEqualTo(1);
        assertThat(atPublication.table3().get("一").get("自然人")).isEqualTo(1);
        assertThat(now.table3().get("三.三.1").get("自然人")).isEqualTo(1);
        assertThat(now.table3().get("一").get("自然人")).isEqualTo(2);
        assertThat(now.asOf().toInstant()).isEqualTo(history.lastRecorded());
        assertThat(now.asOf().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    }

    @Test
    void a_report_of_nothing_is_all_zeros_with_unknown_name_and_time() {
        AnnualReport report = ReportFold.fold(List.of(), ReportRequest.of(history.agency, 2024));
        assertThat(report.asOf()).isNull();
        assertThat(report.agency().name()).isNull();
        assertThat(report.cells().values()).allSatisfy(v -> assertThat(v.signum()).isZero());
    }
}
