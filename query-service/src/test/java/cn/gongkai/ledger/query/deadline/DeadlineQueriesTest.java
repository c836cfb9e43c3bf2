package cn.gongkai.ledger.query.deadline;

import static cn.gongkai.ledger.query.ProblemExpectations.expectProblem;
import static cn.gongkai.ledger.query.deadline.LedgerFixture.id;
import static cn.gongkai.ledger.query.deadline.LedgerFixture.person;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.query.QueryServiceApplication;
import cn.gongkai.ledger.report.projection.ReportProjectorConfiguration;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import cn.gongkai.ledger.security.testing.TestOfficerFilter;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The deadline queries over read models the projector (its own write path, Kafka off) wrote from the events
 * below, in an in-memory MongoDB, with a calendar directory that gives {@code urumqi-finance} a regional holiday (2024-06-17/18).
 */
@SpringBootTest(classes = {QueryServiceApplication.class, ReportProjectorConfiguration.class},
        properties = "PROJECTOR_KAFKA_ENABLED=false")
@AutoConfigureMockMvc
@Import(TestOfficerFilter.class)
class DeadlineQueriesTest {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final Path CALENDAR_DIR = calendarDirectory();
    private static boolean projected;

    static final RequestId NATIONAL_DAY = id("dl-agency", "2024-0927");
    static final RequestId DUE_MONDAY = id("dl-agency", "2024-0910");
    static final RequestId REPLIED = id("dl-agency", "2024-0911");
    static final RequestId AWAITING_CORRECTION = id("dl-agency", "2024-1008");
    static final RequestId OVERDUE = id("dl-agency", "2024-0801");
    static final RequestId NEXT_YEAR = id("dl-agency", "2026-1215");
    static final RequestId HELD_BACK = id("fee-agency", "2024-1008");
    static final RequestId REGIONAL = id("urumqi-finance", "2024-0614");

    static {
        MONGO.bind("127.0.0.1", 0);
    }

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventProjector projector;

    @TestBean(name = DeadlineConfiguration.TODAY_CLOCK)
    private Clock today;

    /** 2024-10-20 17:00 UTC is already Monday 2024-10-21 in Asia/Shanghai. */
    static Clock today() {
        return Clock.fixed(Instant.parse("2024-10-20T17:00:00Z"), Recorded.ZONE);
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("MONGODB_URI", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort());
        registry.add("MONGODB_DATABASE", () -> "deadline-test");
        registry.add("LEDGER_CALENDAR_DIR", CALENDAR_DIR::toString);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    private static Path calendarDirectory() {
        try {
            Path dir = Files.createTempDirectory("ledger-calendar");
            Path layer = Files.createDirectories(dir.resolve("agencies/urumqi-finance"));
            Files.writeString(layer.resolve("2024.json"), """
                    {"year": 2024, "papers": ["乌鲁木齐市测试通知（虚构）"],
                     "days": [{"name": "古尔邦节", "date": "2024-06-17", "isOffDay": true},
                              {"name": "古尔邦节", "date": "2024-06-18", "isOffDay": true}]}
                    """);
            Files.writeString(layer.resolve("receipt-rule.properties"), "nextWorkingDayReceipt=INTERNET\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void projectOnce() {
        if (projected) {
            return;
        }
        LedgerFixture ledger = new LedgerFixture()
                .received(NATIONAL_DAY, Channel.SIGNED_MAIL, "2024-09-27", person("张三", null), "王科员")
                .received(DUE_MONDAY, Channel.INTERNET, "2024-09-10", person("李四", null), "李科员")
                .received(REPLIED, Channel.INTERNET, "2024-09-11", person("李四", null), "李科员")
                .replied(REPLIED, 1, "2024-09-20")
                .received(AWAITING_CORRECTION, Channel.IN_PERSON, "2024-10-08", person("王五", null), null)
                .correctionRequested(AWAITING_CORRECTION, 1, "2024-10-09", "2024-10-23")
                .received(OVERDUE, Channel.EMAIL, "2024-08-01", person("赵六", null), "王科员")
                .received(NEXT_YEAR, Channel.FAX, "2026-12-15", person("钱七", null), "李科员")
                .received(REGIONAL, Channel.IN_PERSON, "2024-06-14", person("阿依古丽", null), "艾科员")
                .received(HELD_BACK, Channel.INTERNET, "2024-10-08", person("孙八", null), "周科员")
                .replied(HELD_BACK, 2, "2024-10-10");
        for (int day = 1; day <= 12; day++) {
            ledger.received(id("fee-agency", "2024-03-" + day), Channel.INTERNET, "2024-03-%02d".formatted(day),
                    person("赵六", day == 5 ? " 110101199001011234 " : "110101199001011234"), "周科员");
        }
        ledger.received(id("fee-agency", "2024-03-31"), Channel.INTERNET, "2024-03-31", person("钱七", null), "周科员");
        ledger.received(id("fee-agency", "2024-04-01"), Channel.INTERNET, "2024-04-01", person("钱七", null), "周科员");
        projector.project(ledger.envelopes());
        projected = true;
    }

    @Test
    void aRequestReceivedBeforeNationalDayIsDueOnTheTwentiethWorkingDayCountedByHand() throws Exception {
        // received Friday 2024-09-27 (not counted); 09-28 Sat off; 09-29 Sun 调休 = 1; 09-30 = 2; 10-01..07 国庆节;
        // 10-08..11 = 3-6; 10-12 Sat 调休 = 7; 10-14..18 = 8-12; 10-21..25 = 13-17; 10-28..30 = 18-20
        mvc.perform(get("/api/requests/" + NATIONAL_DAY + "/deadline").param("asOf", "2024-10-21"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestId").value("dl-agency:2024-0927"))
                .andExpect(jsonPath("$.asOf").value("2024-10-21"))
                .andExpect(jsonPath("$.calendarVersion").value(containsString("national@")))
                .andExpect(jsonPath("$.status.key").value("REGISTERED"))
                .andExpect(jsonPath("$.status.label").value("登记"))
                .andExpect(jsonPath("$.officer").value("王科员"))
                .andExpect(jsonPath("$.receipt.receivedOn").value("2024-09-27"))
                .andExpect(jsonPath("$.receipt.channel.label").value("挂号/快递"))
                .andExpect(jsonPath("$.dueOn").value("2024-10-30"))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.running").value(true))
                .andExpect(jsonPath("$.daysLeft").value(7))
                .andExpect(jsonPath("$.daysOverdue").value(0))
                .andExpect(jsonPath("$.derivation.startDate").value("2024-09-27"))
                .andExpect(jsonPath("$.derivation.limitDays").value(20))
                .andExpect(jsonPath("$.derivation.days", hasSize(33)))
                .andExpect(jsonPath("$.derivation.days[1].date").value("2024-09-29"))
                .andExpect(jsonPath("$.derivation.days[1].dayKind").value("MAKEUP_WORKDAY"))
                .andExpect(jsonPath("$.derivation.days[1].workingDay").value(1))
                .andExpect(jsonPath("$.derivation.days[3].holiday").value("国庆节"))
                .andExpect(jsonPath("$.derivation.days[3].disposition").value("NOT_WORKING"))
                .andExpect(jsonPath("$.derivation.lines").value(contains(
                        "收到申请：2024-09-27（星期五），挂号/快递，以行政机关签收之日为收到申请之日（第三十一条）。",
                        "适用：《政府信息公开条例》（国务院令第711号）第三十三条，自收到申请之日起20个工作日内答复；需要延长的，经批准可延长，延长的期限最长不得超过20个工作日。",
                        "起算：收到申请当日不计入，自下一个工作日起计算。",
                        "补正：收到申请后第7个工作日为2024-10-12（星期六），如需补正应至迟于当日一次性书面告知；未要求补正。",
                        "2024-09-28（星期六）：周末，不计",
                        "2024-09-29（星期日）：调休工作日（国庆节），计入第1个工作日",
                        "2024-09-30（星期一）：计入第2个工作日",
                        "2024-10-01（星期二）至2024-10-07（星期一）：国庆节假期，不计",
                        "2024-10-08（星期二）至2024-10-11（星期五）：计入第3–6个工作日",
                        "2024-10-12（星期六）：调休工作日（国庆节），计入第7个工作日",
                        "2024-10-13（星期日）：周末，不计",
                        "2024-10-14（星期一）至2024-10-18（星期五）：计入第8–12个工作日",
                        "2024-10-19（星期六）至2024-10-20（星期日）：周末，不计",
                        "2024-10-21（星期一）至2024-10-25（星期五）：计入第13–17个工作日",
                        "2024-10-26（星期六）至2024-10-27（星期日）：周末，不计",
                        "2024-10-28（星期一）至2024-10-30（星期三）：计入第18–20个工作日",
                        "答复期限：2024-10-30（星期三），第20个工作日，至当日结束届满。")))
                .andExpect(jsonPath("$.windows.correction.requestBy").value("2024-10-12"))
                .andExpect(jsonPath("$.windows.consultations").isEmpty())
                .andExpect(jsonPath("$.windows.fees").isEmpty())
                .andExpect(jsonPath("$.proposals").isEmpty())
                .andExpect(jsonPath("$.flags").isEmpty());
        // 10-31 and 11-01 are the first two working days after the due date
        mvc.perform(get("/api/requests/" + NATIONAL_DAY + "/deadline").param("asOf", "2024-11-01"))
                .andExpect(jsonPath("$.daysLeft").value(0))
                .andExpect(jsonPath("$.daysOverdue").value(2));
    }

    @Test
    void withoutAsOfTheBusinessDateIsTodayInShanghai() throws Exception {
        mvc.perform(get("/api/requests/" + NATIONAL_DAY + "/deadline"))
                .andExpect(jsonPath("$.asOf").value("2024-10-21"))
                .andExpect(jsonPath("$.daysLeft").value(7));
        mvc.perform(get("/api/agencies/fee-agency/applicant-counts"))
                .andExpect(jsonPath("$.month").value("2024-10"))
                .andExpect(jsonPath("$.applicants[*].name").value(contains("孙八")));
    }

    @Test
    void aRequestAwaitingCorrectionShowsAProvisionalDueDateAndProposesButNeverApplies361() throws Exception {
        // assumed corrected on the supply-by date, Wednesday 10-23: 10-24, 10-25 = 1-2; 10-28..11-01 = 3-7;
        // 11-04..08 = 8-12; 11-11..15 = 13-17; 11-18..20 = 18-20
        mvc.perform(get("/api/requests/" + AWAITING_CORRECTION + "/deadline").param("asOf", "2024-10-25"))
                .andExpect(jsonPath("$.status.label").value("待补正"))
                .andExpect(jsonPath("$.officer").doesNotExist())
                .andExpect(jsonPath("$.dueOn").value("2024-11-20"))
                .andExpect(jsonPath("$.provisional").value(true))
                .andExpect(jsonPath("$.running").value(false))
                .andExpect(jsonPath("$.daysLeft").value(20))
                .andExpect(jsonPath("$.windows.correction.requestedOn").value("2024-10-09"))
                .andExpect(jsonPath("$.windows.correction.supplyBy").value("2024-10-23"))
                .andExpect(jsonPath("$.derivation.restarts[0].provisional").value(true))
                .andExpect(jsonPath("$.derivation.lines[4]").value(
                        "（暂定）尚未收到补正：假定于补正期限2024-10-23（星期三）补正，自2024-10-23（星期三）起重新计算，该日不计入。"))
                .andExpect(jsonPath("$.proposals", hasSize(1)))
                .andExpect(jsonPath("$.proposals[0].outcome.key").value("三.六.1"))
                .andExpect(jsonPath("$.proposals[0].proposedFrom").value("2024-10-24"))
                .andExpect(jsonPath("$.proposals[0].reached").value(true))
                .andExpect(jsonPath("$.proposals[0].reason").value(containsString("系统不自动办结")));
        mvc.perform(get("/api/requests/" + AWAITING_CORRECTION + "/deadline").param("asOf", "2024-10-23"))
                .andExpect(jsonPath("$.proposals[0].reached").value(false));
    }

    @Test
    void aRegionalHolidayInTheAgencysLayerMovesItsDueDate() throws Exception {
        // received Friday 2024-06-14; 06-17/18 古尔邦节 in Urumqi: 06-19..21 = 1-3, 06-24..28 = 4-8, 07-01..05 = 9-13,
        // 07-08..12 = 14-18, 07-15..16 = 19-20 (nationally 06-17..21 = 1-5 ... 07-12 = 20)
        mvc.perform(get("/api/requests/" + REGIONAL + "/deadline").param("asOf", "2024-06-20"))
                .andExpect(jsonPath("$.dueOn").value("2024-07-16"))
                .andExpect(jsonPath("$.calendarVersion").value(containsString("national+urumqi-finance@")))
                .andExpect(jsonPath("$.derivation.lines[4]").value("2024-06-15（星期六）至2024-06-16（星期日）：周末，不计"))
                .andExpect(jsonPath("$.derivation.lines[5]").value("2024-06-17（星期一）至2024-06-18（星期二）：古尔邦节假期，不计"))
                .andExpect(jsonPath("$.daysLeft").value(18));
    }

    @Test
    void aRequestHeldBackByAGapShowsItsCountedEventsOnly() throws Exception {
        // the reply (sequence 2) arrived without sequence 1: not counted, so the request is still open
        mvc.perform(get("/api/requests/" + HELD_BACK + "/deadline").param("asOf", "2024-10-11"))
                .andExpect(jsonPath("$.status.key").value("REGISTERED"))
                .andExpect(jsonPath("$.dueOn").value("2024-11-04"))
                .andExpect(jsonPath("$.concludedOn").doesNotExist());
    }

    @Test
    void theWorklistOrdersOpenRequestsByUrgencyAndListsOverdueDueSoonPerOfficerAndNotComputable() throws Exception {
        // as of Friday 2024-10-11: 2024-0801 was due 08-29 and is 26 working days overdue; 2024-0910 is due Monday
        // 10-14 (2 left); 2024-0927 has 14 left; 2024-1008 waits for its correction (20 left, not running)
        mvc.perform(get("/api/agencies/dl-agency/worklist").param("asOf", "2024-10-11"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyId").value("dl-agency"))
                .andExpect(jsonPath("$.dueSoonDays").value(5))
                .andExpect(jsonPath("$.open[*].requestId").value(contains(
                        OVERDUE.value(), DUE_MONDAY.value(), NATIONAL_DAY.value(), AWAITING_CORRECTION.value())))
                .andExpect(jsonPath("$.open[*].daysOverdue").value(contains(26, 0, 0, 0)))
                .andExpect(jsonPath("$.open[*].daysLeft").value(contains(0, 2, 14, 20)))
                .andExpect(jsonPath("$.open[*].running").value(contains(true, true, true, false)))
                .andExpect(jsonPath("$.open[3].status.label").value("待补正"))
                .andExpect(jsonPath("$.open[3].provisional").value(true))
                .andExpect(jsonPath("$.open[3].proposals").isEmpty())
                .andExpect(jsonPath("$.overdue[*].requestId").value(contains(OVERDUE.value())))
                .andExpect(jsonPath("$.dueSoon[*].requestId").value(contains(DUE_MONDAY.value())))
                .andExpect(jsonPath("$.byOfficer.李科员[*].requestId").value(contains(DUE_MONDAY.value())))
                .andExpect(jsonPath("$.byOfficer.王科员[*].requestId").value(contains(OVERDUE.value(), NATIONAL_DAY.value())))
                .andExpect(jsonPath("$.byOfficer['（未指定承办人）'][*].requestId").value(contains(AWAITING_CORRECTION.value())))
                // 2026-1215 was not received yet on 2024-10-11
                .andExpect(jsonPath("$.notComputable").isEmpty());
        // on 2026-12-20 it was, and its due date lies in 2027, a year without a notice
        mvc.perform(get("/api/agencies/dl-agency/worklist").param("asOf", "2026-12-20"))
                .andExpect(jsonPath("$.notComputable[*].requestId").value(contains(NEXT_YEAR.value())))
                .andExpect(jsonPath("$.notComputable[0].reason").value(containsString("2027")));
        mvc.perform(get("/api/agencies/dl-agency/worklist").param("asOf", "2024-10-11").param("dueSoonDays", "14"))
                .andExpect(jsonPath("$.dueSoon[*].requestId").value(contains(DUE_MONDAY.value(), NATIONAL_DAY.value())));
        mvc.perform(get("/api/agencies/dl-agency/worklist").param("asOf", "2024-10-11").param("officer", "王科员"))
                .andExpect(jsonPath("$.officer").value("王科员"))
                .andExpect(jsonPath("$.open[*].requestId").value(contains(OVERDUE.value(), NATIONAL_DAY.value())))
                .andExpect(jsonPath("$.notComputable").isEmpty());
        mvc.perform(get("/api/agencies/dl-agency/worklist").param("asOf", "2024-10-11").param("officer", "（未指定承办人）"))
                .andExpect(jsonPath("$.open[*].requestId").value(contains(AWAITING_CORRECTION.value())));
    }

    @Test
    void asOfAnEarlierDateTheWorklistAndTheDeadlineAreAsTheyStoodThen() throws Exception {
        // as of Sunday 2024-09-15: 2024-0911 was not yet replied (reply 09-20) and is listed; 2024-0927, 2024-1008 and
        // 2026-1215 were not yet received and are not. 2024-0801 (due 08-29): 08-02..30 = 21 and 09-02..14 = 11 counted
        // (09-14 Sat 调休) -> 12 overdue; 2024-0910: 09-11..14 = 4 -> 16 left; 2024-0911: 09-12..14 = 3 -> 17 left
        mvc.perform(get("/api/agencies/dl-agency/worklist").param("asOf", "2024-09-15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open[*].requestId").value(contains(OVERDUE.value(), DUE_MONDAY.value(), REPLIED.value())))
                .andExpect(jsonPath("$.open[*].daysOverdue").value(contains(12, 0, 0)))
                .andExpect(jsonPath("$.open[*].daysLeft").value(contains(0, 16, 17)))
                .andExpect(jsonPath("$.open[2].status.key").value("REGISTERED"))
                .andExpect(jsonPath("$.notComputable").isEmpty());
        mvc.perform(get("/api/requests/" + REPLIED + "/deadline").param("asOf", "2024-09-15"))
                .andExpect(jsonPath("$.status.key").value("REGISTERED"))
                .andExpect(jsonPath("$.running").value(true))
                .andExpect(jsonPath("$.concludedOn").doesNotExist())
                .andExpect(jsonPath("$.daysLeft").value(17));
        mvc.perform(get("/api/requests/" + REPLIED + "/deadline").param("asOf", "2024-09-20"))
                .andExpect(jsonPath("$.status.key").value("REPLIED"))
                .andExpect(jsonPath("$.concludedOn").value("2024-09-20"));
        expectProblem(mvc.perform(get("/api/requests/" + REPLIED + "/deadline").param("asOf", "2024-09-10")),
                404, "REQUEST_NOT_YET_RECEIVED");
    }

    @Test
    void theMonthlyCounterChargesAnApplicantFromTheEleventhRequestAndMasksTheIdNumber() throws Exception {
        mvc.perform(get("/api/agencies/fee-agency/applicant-counts").param("month", "2024-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2024-03"))
                .andExpect(jsonPath("$.freeRequestsPerMonth").value(10))
                .andExpect(jsonPath("$.requestCount").value(13))
                .andExpect(jsonPath("$.totalYuan").value(200))
                .andExpect(jsonPath("$.applicants[*].applicant").value(contains(
                        "证件:**************1234", "名称:自然人:钱七")))
                .andExpect(jsonPath("$.applicants[0].name").value("赵六"))
                .andExpect(jsonPath("$.applicants[0].requestCount").value(12))
                .andExpect(jsonPath("$.applicants[0].totalYuan").value(200))
                .andExpect(jsonPath("$.applicants[0].requests[*].ordinal").value(
                        contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))
                .andExpect(jsonPath("$.applicants[0].requests[*].chargeYuan").value(
                        contains(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 100)))
                .andExpect(jsonPath("$.applicants[0].requests[10].requestId").value("fee-agency:2024-03-11"))
                .andExpect(jsonPath("$.applicants[1].requestCount").value(1))
                .andExpect(jsonPath("$.applicants[1].totalYuan").value(0));
    }

    @Test
    void quotesEitherScale() throws Exception {
        // 按量, progressive: pages 31-100 at 10 yuan (700), 101-120 at 20 yuan (400)
        mvc.perform(get("/api/fees/quote").param("scale", "PER_VOLUME").param("pages", "120"))
                .andExpect(jsonPath("$.scale.key").value("PER_VOLUME"))
                .andExpect(jsonPath("$.scale.label").value("按量计收"))
                .andExpect(jsonPath("$.pages").value(120))
                .andExpect(jsonPath("$.chargeYuan").value(1100))
                .andExpect(jsonPath("$.basis").value(containsString("30页以下（含）不收费")));
        mvc.perform(get("/api/fees/quote").param("scale", "PER_VOLUME").param("pages", "30"))
                .andExpect(jsonPath("$.chargeYuan").value(0));
        mvc.perform(get("/api/fees/quote").param("scale", "PER_REQUEST").param("nthRequestInMonth", "35"))
                .andExpect(jsonPath("$.scale.label").value("按件计收"))
                .andExpect(jsonPath("$.nthRequestInMonth").value(35))
                .andExpect(jsonPath("$.chargeYuan").value(200));
        mvc.perform(get("/api/fees/quote").param("scale", "PER_REQUEST").param("nthRequestInMonth", "10"))
                .andExpect(jsonPath("$.chargeYuan").value(0));
    }

    @Test
    void servesEveryDayOfACalendarYearNationalOrAnAgencys() throws Exception {
        mvc.perform(get("/api/calendar/2024"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2024))
                .andExpect(jsonPath("$.calendarName").value("national"))
                .andExpect(jsonPath("$.calendarVersion").value(containsString("national@")))
                .andExpect(jsonPath("$.notices").value(contains(
                        "https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm")))
                .andExpect(jsonPath("$.workingDays").value(251))
                .andExpect(jsonPath("$.days", hasSize(366)))
                .andExpect(jsonPath("$.days[271].date").value("2024-09-28"))
                .andExpect(jsonPath("$.days[271].kind.key").value("WEEKEND"))
                .andExpect(jsonPath("$.days[272].date").value("2024-09-29"))
                .andExpect(jsonPath("$.days[272].weekday").value("星期日"))
                .andExpect(jsonPath("$.days[272].kind.label").value("调休工作日"))
                .andExpect(jsonPath("$.days[272].working").value(true))
                .andExpect(jsonPath("$.days[272].name").value("国庆节"))
                .andExpect(jsonPath("$.days[274].date").value("2024-10-01"))
                .andExpect(jsonPath("$.days[274].kind.key").value("HOLIDAY"))
                .andExpect(jsonPath("$.days[274].name").value("国庆节"))
                .andExpect(jsonPath("$.days[168].date").value("2024-06-17"))
                .andExpect(jsonPath("$.days[168].kind.key").value("WORKDAY"));
        mvc.perform(get("/api/calendar/2024").param("agencyId", "urumqi-finance"))
                .andExpect(jsonPath("$.agencyId").value("urumqi-finance"))
                .andExpect(jsonPath("$.calendarName").value("national+urumqi-finance"))
                .andExpect(jsonPath("$.notices[1]").value("乌鲁木齐市测试通知（虚构）"))
                .andExpect(jsonPath("$.workingDays").value(249))
                .andExpect(jsonPath("$.days[168].kind.key").value("HOLIDAY"))
                .andExpect(jsonPath("$.days[168].name").value("古尔邦节"))
                .andExpect(jsonPath("$.nextWorkingDayReceipt[*].key").value(contains("INTERNET")));
        mvc.perform(get("/api/calendar/2020"))
                .andExpect(jsonPath("$.nextWorkingDayReceipt").isEmpty())
                // Monday 2020-02-03, listed as a working day after the extended Spring Festival, is a plain working day
                .andExpect(jsonPath("$.days[33].date").value("2020-02-03"))
                .andExpect(jsonPath("$.days[33].kind.key").value("WORKDAY"))
                .andExpect(jsonPath("$.days[33].name").doesNotExist());
    }

    @Test
    void badParametersUnknownIdsAndUncoveredYearsAreProblemDetailsInChineseAndEnglish() throws Exception {
        expectProblem(mvc.perform(get("/api/requests/" + NATIONAL_DAY + "/deadline").param("asOf", "2024-13-01")),
                400, "INVALID_PARAMETER")
                .andExpect(jsonPath("$.messageZh").value(containsString("asOf")));
        expectProblem(mvc.perform(get("/api/requests/dl-agency:nope/deadline")), 404, "REQUEST_NOT_FOUND")
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.instance").value("/api/requests/dl-agency:nope/deadline"));
        expectProblem(mvc.perform(get("/api/requests/dl-agency:nope/deadline").header("Accept-Language", "en")),
                404, "REQUEST_NOT_FOUND")
                .andExpect(jsonPath("$.detail").value("No disclosure request with id dl-agency:nope"));
        expectProblem(mvc.perform(get("/api/requests/no-colon/deadline")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/requests/" + NEXT_YEAR + "/deadline").param("asOf", "2026-12-20")),
                422, "CALENDAR_NOT_COVERED")
                .andExpect(jsonPath("$.messageZh").value(containsString("2027")));
        expectProblem(mvc.perform(get("/api/requests/" + NATIONAL_DAY + "/deadline").param("asOf", "2030-01-02")),
                422, "CALENDAR_NOT_COVERED");
        expectProblem(mvc.perform(get("/api/agencies/dl-agency/worklist").param("asOf", "yesterday")),
                400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/agencies/dl-agency/worklist").param("dueSoonDays", "-1")),
                400, "INVALID_DUE_SOON_DAYS");
        expectProblem(mvc.perform(get("/api/agencies/dl-agency/worklist").param("dueSoonDays", "41")),
                400, "INVALID_DUE_SOON_DAYS");
        expectProblem(mvc.perform(get("/api/agencies/nobody/worklist")), 404, "AGENCY_NOT_FOUND");
        expectProblem(mvc.perform(get("/api/agencies/fee-agency/applicant-counts").param("month", "2024-13")),
                400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/agencies/fee-agency/applicant-counts").param("month", "2024-3")),
                400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/agencies/nobody/applicant-counts").param("month", "2024-03")),
                404, "AGENCY_NOT_FOUND");
        expectProblem(mvc.perform(get("/api/fees/quote").param("scale", "PER_PAGE")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/fees/quote")), 400, "MISSING_PARAMETER");
        expectProblem(mvc.perform(get("/api/fees/quote").param("scale", "PER_VOLUME")), 400, "MISSING_PARAMETER");
        expectProblem(mvc.perform(get("/api/fees/quote").param("scale", "PER_VOLUME").param("pages", "-1")),
                400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/fees/quote").param("scale", "PER_REQUEST").param("nthRequestInMonth", "0")),
                400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/fees/quote").param("scale", "PER_REQUEST")
                .param("nthRequestInMonth", "3").param("pages", "10")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/calendar/2031")), 404, "CALENDAR_YEAR_NOT_COVERED");
        expectProblem(mvc.perform(get("/api/calendar/abc")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/calendar/2024").param("agencyId", "a:b")), 400, "INVALID_PARAMETER");
    }

    @Test
    void describesTheDeadlineEndpointsInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/requests/{id}/deadline'].get").exists())
                .andExpect(jsonPath("$.paths['/api/agencies/{agencyId}/worklist'].get").exists())
                .andExpect(jsonPath("$.paths['/api/agencies/{agencyId}/applicant-counts'].get").exists())
                .andExpect(jsonPath("$.paths['/api/fees/quote'].get").exists())
                .andExpect(jsonPath("$.paths['/api/calendar/{year}'].get").exists());
    }
}
