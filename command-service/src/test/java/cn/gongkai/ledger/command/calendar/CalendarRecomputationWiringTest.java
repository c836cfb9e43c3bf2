package cn.gongkai.ledger.command.calendar;

import static cn.gongkai.ledger.command.calendar.CalendarRecomputationTest.at;
import static cn.gongkai.ledger.command.calendar.CalendarRecomputationTest.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReplyToRequest;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.DueDateRecomputed;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.report.json.LedgerJson;
import cn.gongkai.ledger.command.infrastructure.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The recomputation wired into the command service: MongoDB ({@code calendar_versions}, {@code domainevents}),
 * Axon's event store and command gateway, and a calendar directory the test edits.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarRecomputationWiringTest {
    static final String DATABASE = TestMongo.freshDatabase("calendar-recomputation-test");
    static final Path CALENDAR_DIR = temporaryDirectory();
    static final AgencyId AGENCY = new AgencyId("cal-agency");
    static final RequestId AFFECTED = RequestId.of(AGENCY, "a");
    static final RequestId CONCLUDED = RequestId.of(AGENCY, "b");
    static final RequestId AFTER_THE_HOLIDAY = RequestId.of(AGENCY, "c");

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoClient mongo;
    @Autowired
    CalendarVersionStore versions;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry properties) {
        properties.add("spring.data.mongodb.uri", TestMongo::uri);
        properties.add("spring.data.mongodb.database", () -> DATABASE);
        properties.add("ledger.kafka.publisher.enabled", () -> "false");
        properties.add("LEDGER_CALENDAR_DIR", CALENDAR_DIR::toString);
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ledger-calendar");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRevisedNoticeRecordsEachMovedDueDateOnceAndStoresTheNewCalendar() throws Exception {
        // start-up recorded the baseline: the national calendar of the (still empty) directory
        assertThat(version(CalendarRecomputation.NATIONAL)).isEqualTo(WorkingDayCalendar.national().version());

        receive(AFFECTED, "2026-02-13");
        receive(CONCLUDED, "2026-02-13");
        commands.sendAndWait(new ReplyToRequest(CONCLUDED, d("2026-03-10"), Outcome.DISCLOSED, List.of(), "答复〔1〕",
                at("2026-03-10")));
        receive(AFTER_THE_HOLIDAY, "2026-04-07");
        mvc.perform(post("/api/calendar/recomputations").header("Authorization", "Bearer " + adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies[*].agencyId").value(contains("cal-agency")))
                .andExpect(jsonPath("$.agencies[0].outcome").value("UNCHANGED"))
                .andExpect(jsonPath("$.agencies[0].recorded").isEmpty());
        assertThat(version(AGENCY.value())).isEqualTo(WorkingDayCalendar.national().version());

        // a revised 2026 notice declares Monday 03-02 a day off: request a is now due 03-20 instead of 03-19
        WorkingDayCalendar revised = WorkingDayCalendar.national().withYears(List.of(
                CalendarRecomputationTest.withDayOff(WorkingDayCalendar.national(), 2026, "2026-03-02")));
        Path file = Files.createDirectories(CALENDAR_DIR.resolve("national")).resolve("2026.json");
        Files.writeString(file, LedgerJson.newMapper().writeValueAsString(revised.layers().get(0).years().stream()
                .filter(y -> y.year() == 2026).findFirst().orElseThrow()));

        mvc.perform(post("/api/calendar/recomputations").header("Authorization", "Bearer " + adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalVersion").value(revised.version()))
                .andExpect(jsonPath("$.agencies[0].previousVersion").value(WorkingDayCalendar.national().version()))
                .andExpect(jsonPath("$.agencies[0].currentVersion").value(revised.version()))
                .andExpect(jsonPath("$.agencies[0].outcome").value("RECOMPUTED"))
                .andExpect(jsonPath("$.agencies[0].recorded", hasSize(1)))
                .andExpect(jsonPath("$.agencies[0].recorded[0].requestId").value(AFFECTED.value()))
                .andExpect(jsonPath("$.agencies[0].recorded[0].previousDueOn").value("2026-03-19"))
                .andExpect(jsonPath("$.agencies[0].recorded[0].newDueOn").value("2026-03-20"));

        List<DisclosureRequestEvent> history = history(AFFECTED);
        assertThat(history).hasSize(2);
        DueDateRecomputed recorded = (DueDateRecomputed) history.get(1);
        assertThat(recorded.calendarVersion()).isEqualTo(revised.version());
        assertThat(recorded.previousDueOn()).isEqualTo(d("2026-03-19"));
        assertThat(recorded.newDueOn()).isEqualTo(d("2026-03-20"));
        assertThat(recorded.recorded().by()).isEqualTo(CalendarRecomputationService.RECORDED_BY);
        assertThat(history(CONCLUDED)).noneMatch(DueDateRecomputed.class::isInstance);
        assertThat(history(AFTER_THE_HOLIDAY)).noneMatch(DueDateRecomputed.class::isInstance);
        assertThat(version(AGENCY.value())).isEqualTo(revised.version());
        assertThat(version(CalendarRecomputation.NATIONAL)).isEqualTo(revised.version());

        // the second time nothing has changed: nothing is sent
        mvc.perform(post("/api/calendar/recomputations").header("Authorization", "Bearer " + adminToken()))
                .andExpect(jsonPath("$.agencies[0].outcome").value("UNCHANGED"))
                .andExpect(jsonPath("$.agencies[0].recorded").isEmpty());
        assertThat(history(AFFECTED)).hasSize(2);

        // a run that stopped before storing the new calendar (or a second replica) sends the change again:
        // the request refuses to record it twice, and the run is not a failure
        versions.save(AGENCY.value(), WorkingDayCalendar.national(), Instant.parse("2026-03-01T00:00:00Z"));
        mvc.perform(post("/api/calendar/recomputations").header("Authorization", "Bearer " + adminToken()))
                .andExpect(jsonPath("$.agencies[0].outcome").value("RECOMPUTED"))
                .andExpect(jsonPath("$.agencies[0].recorded").isEmpty())
                .andExpect(jsonPath("$.agencies[0].problems").isEmpty());
        assertThat(history(AFFECTED)).hasSize(2);
        assertThat(version(AGENCY.value())).isEqualTo(revised.version());
    }

    @Test
    void aCalendarDirectoryThatCannotBeLoadedIsRefusedAndRecordsNothing() throws Exception {
        Path broken = Files.createDirectories(CALENDAR_DIR.resolve("agencies/cal-broken")).resolve("2030.json");
        Files.writeString(broken, "{\"year\": 2030, \"days\": []}");
        try {
            mvc.perform(post("/api/calendar/recomputations").header("Authorization", "Bearer " + adminToken()))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.code").value("CALENDAR_CONFIGURATION_INVALID"))
                    .andExpect(jsonPath("$.messageEn").value(containsString("does not cover")));
            assertThat(mongo.getDatabase(DATABASE).getCollection(CalendarVersionStore.COLLECTION)
                    .find(Filters.eq("_id", "cal-broken")).first()).isNull();
        } finally {
            Files.delete(broken);
        }
    }

    private void receive(RequestId id, String receivedOn) {
        if (eventStore.lastSequenceNumberFor(AGENCY.value()).isEmpty()) {
            commands.sendAndWait(new cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency(AGENCY, "日历测试局", null,
                    at("2026-01-05")));
        }
        commands.sendAndWait(new ReceiveRequest(id, Channel.INTERNET, d(receivedOn),
                new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null), "事项", "王科员", at(receivedOn)));
    }

    private List<DisclosureRequestEvent> history(RequestId id) {
        return eventStore.readEvents(id.value()).asStream().map(EventMessage::getPayload)
                .map(DisclosureRequestEvent.class::cast).toList();
    }

    private String version(String key) {
        Document document = mongo.getDatabase(DATABASE).getCollection(CalendarVersionStore.COLLECTION)
                .find(Filters.eq("_id", key)).first();
        return document == null ? null : document.getString("version");
    }

    /** The calendar is the administrators' (管理). */
    private static String adminToken() {
        return cn.gongkai.ledger.security.testing.TestOfficers.of(TestMongo.uri(), DATABASE)
                .token("calendar.admin", "calendar-office", java.util.EnumSet.of(cn.gongkai.ledger.security.Role.ADMIN));
    }
}
