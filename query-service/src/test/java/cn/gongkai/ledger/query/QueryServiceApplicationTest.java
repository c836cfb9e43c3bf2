package cn.gongkai.ledger.query;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.api.publication.PublicationId;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.ReportProjectorConfiguration;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import cn.gongkai.ledger.security.testing.TestOfficerFilter;
import cn.gongkai.ledger.security.testing.TestOfficers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static cn.gongkai.ledger.query.ProblemExpectations.expectProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The query service over read models the projector wrote (from {@code ledger-events.jsonl}: one agency's known
 * history, see report-projector's TestEvents, and another agency's request) in an in-memory MongoDB.
 */
@SpringBootTest(classes = {QueryServiceApplication.class, ReportProjectorConfiguration.class},
        properties = "PROJECTOR_KAFKA_ENABLED=false")
@AutoConfigureMockMvc
@Import(TestOfficerFilter.class)
class QueryServiceApplicationTest {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI;
    private static boolean projected;

    static {
        MONGO.bind("127.0.0.1", 0);
        MONGO_URI = "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort();
    }

    @Autowired
    private MockMvc mvc;
    /** The projector that writes the read model (its event store, {@code domainevents} here, is empty). */
    @Autowired
    private EventProjector projector;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("MONGODB_URI", () -> MONGO_URI);
        registry.add("MONGODB_DATABASE", () -> "query-test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @BeforeEach
    void projectTheLedgerOnce() throws Exception {
        if (!projected) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                    getClass().getResourceAsStream("/ledger-events.jsonl")), StandardCharsets.UTF_8))) {
                projector.project(EventJson.readLines(reader));
            }
            projected = true;
        }
    }

    @Test
    void listsRequestsNewestFirstWithFiltersAndPages() throws Exception {
        mvc.perform(get("/api/requests").param("agencyId", "ninghe-commerce"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id").value(contains(
                        "ninghe-commerce:2024-002", "ninghe-commerce:2024-001", "ninghe-commerce:2023-009")))
                .andExpect(jsonPath("$.items[0].party.type.label").value("商业企业"))
                .andExpect(jsonPath("$.items[0].timeline").doesNotExist());
        mvc.perform(get("/api/requests").param("agencyId", "ninghe-commerce").param("year", "2023"))
                .andExpect(jsonPath("$.items[*].id").value(contains("ninghe-commerce:2023-009")));
        // Without an agency, the list is of the officer's own agency (3 of the 4 concluded requests are ninghe's).
        String ninghe = "Bearer " + TestOfficers.of(MONGO_URI, "query-test").tokenFor("ninghe-commerce");
        mvc.perform(get("/api/requests").param("agencyId", "").param("status", "concluded").param("size", "2").param("page", "1")
                        .header("Authorization", ninghe))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.page").value(1));
        // Another agency's applicants are not listed to it.
        expectProblem(mvc.perform(get("/api/requests").param("agencyId", "bazhou-commerce").header("Authorization", ninghe)),
                403, "OTHER_AGENCY");
    }

    @Test
    void showsARequestWithItsWholeTimeline() throws Exception {
        mvc.perform(get("/api/requests/ninghe-commerce:2024-001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONCLUDED"))
                .andExpect(jsonPath("$.openedOn").value("2024-03-01"))
                .andExpect(jsonPath("$.concludedOn").value("2024-03-20"))
                .andExpect(jsonPath("$.handlingOfficer").value("赵科长"))
                .andExpect(jsonPath("$.outcome.key").value("三.一"))
                .andExpect(jsonPath("$.outcome.label").value("（一）予以公开"))
                .andExpect(jsonPath("$.timeline[*].type").value(contains("RequestReceived", "OfficerAssigned", "RequestReplied")))
                .andExpect(jsonPath("$.timeline[2].payload.repliedOn").value("2024-03-20"));
    }

    @Test
    void listsAndShowsReconsiderationsAndLawsuits() throws Exception {
        mvc.perform(get("/api/reconsiderations").param("agencyId", "ninghe-commerce"))
                .andExpect(jsonPath("$.items[*].id").value(contains("rc-ninghe-1")));
        mvc.perform(get("/api/reconsiderations/rc-ninghe-1"))
                .andExpect(jsonPath("$.status").value("CONCLUDED"))
                .andExpect(jsonPath("$.outcome.label").value("结果维持"))
                .andExpect(jsonPath("$.decision.label").value("维持"));
        mvc.perform(get("/api/lawsuits").param("agencyId", "ninghe-commerce").param("status", "FILED"))
                .andExpect(jsonPath("$.items[*].id").value(contains("ls-ninghe-1")));
        mvc.perform(get("/api/lawsuits/ls-ninghe-1"))
                .andExpect(jsonPath("$.route").value("直诉"))
                .andExpect(jsonPath("$.forum").value("宁河区人民法院"));
        expectProblem(mvc.perform(get("/api/lawsuits/rc-ninghe-1")), 404, "LAWSUIT_NOT_FOUND");
    }

    @Test
    void unknownIdsAndBadParametersAreProblemDetailsInChineseAndEnglish() throws Exception {
        expectProblem(mvc.perform(get("/api/requests/ninghe-commerce:nope")), 404, "REQUEST_NOT_FOUND")
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value(containsString("未找到政府信息公开申请")))
                .andExpect(jsonPath("$.instance").value("/api/requests/ninghe-commerce:nope"))
                .andExpect(jsonPath("$.messageZh").value(containsString("未找到政府信息公开申请")))
                .andExpect(jsonPath("$.messageEn").value(containsString("No disclosure request")));
        expectProblem(mvc.perform(get("/api/requests/ninghe-commerce:nope").header("Accept-Language", "en-GB,en;q=0.9")),
                404, "REQUEST_NOT_FOUND")
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.detail").value("No disclosure request with id ninghe-commerce:nope"));
        expectProblem(mvc.perform(get("/api/requests").param("status", "WHATEVER")), 400, "INVALID_STATUS")
                .andExpect(jsonPath("$.messageEn").value(containsString("AWAITING_CORRECTION")));
        expectProblem(mvc.perform(get("/api/reconsiderations").param("status", "AWAITING_FEE")), 400, "INVALID_STATUS");
        expectProblem(mvc.perform(get("/api/requests").param("year", "abc")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/requests").param("year", "2007")), 400, "INVALID_YEAR");
        expectProblem(mvc.perform(get("/api/requests").param("page", "-1")), 400, "INVALID_PAGE");
        expectProblem(mvc.perform(get("/api/requests").param("agencyId", "bad:agency")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/reports/ninghe-commerce/2024").param("format", "2030")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/reports/ninghe-commerce/2024").param("appealPolicy", "ALL")), 400,
                "INVALID_APPEAL_POLICY");
        expectProblem(mvc.perform(get("/api/reports/ninghe-commerce/1999")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/reports/nobody/2024")), 404, "AGENCY_NOT_FOUND");
    }

    @Test
    void servesTheCanonicalReportJsonInTheFormatInForceOrTheOneAskedFor() throws Exception {
        mvc.perform(get("/api/reports/ninghe-commerce/2024"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.agency.name").value("宁河区商务局"))
                .andExpect(jsonPath("$.format").value("2021"))
                .andExpect(jsonPath("$.appealPolicy").value("OPEN_IN_YEAR"))
                .andExpect(jsonPath("$.table3.一.自然人").value(1))
                .andExpect(jsonPath("$.table3.一.总计").value(2))
                .andExpect(jsonPath("$.table3.二.自然人").value(1))
                .andExpect(jsonPath("$.table3['三.七'].总计").value(2))
                .andExpect(jsonPath("$.table3.四.商业企业").value(1))
                .andExpect(jsonPath("$.table4['复议.维持']").value(1))
                .andExpect(jsonPath("$.table4['直诉.未审结']").value(1))
                .andExpect(jsonPath("$.table2.行政事业性收费.本年收费金额").value("0"))
                .andExpect(header().doesNotExist("Link"))
                .andExpect(header().doesNotExist("Gongkai-Held-Back-Cases"));
        mvc.perform(get("/api/reports/ninghe-commerce/2024").param("format", "2019").param("appealPolicy", "FILED_IN_YEAR"))
                .andExpect(jsonPath("$.format").value("2019"))
                .andExpect(jsonPath("$.appealPolicy").value("FILED_IN_YEAR"))
                .andExpect(jsonPath("$.table3['三.六'].总计").value(0))
                .andExpect(jsonPath("$.table3.一.总计").value(2));
        mvc.perform(get("/api/reports/ninghe-commerce/2020"))
                .andExpect(jsonPath("$.format").value("2019"));
    }

    @Test
    void aPublishedReportIsImmutableAndACorrectionShowsAsARevisionCellByCell() throws Exception {
        expectProblem(mvc.perform(get("/api/reports/bazhou-commerce/2024/publication")), 404, "REPORT_NOT_PUBLISHED");
        // What the command side records when the office publishes the report as it stands (see
        // PublicationRebuildTest for the whole path): the query side only projects the event.
        String tables = mvc.perform(get("/api/reports/bazhou-commerce/2024")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Instant watermark = Instant.parse(ReportJson.read(tables).asOf().toInstant().toString());
        projector.project(List.of(EventEnvelope.of(0, new AnnualReportPublished(
                PublicationId.of(new AgencyId("bazhou-commerce"), 2024), 1, "2021", "OPEN_IN_YEAR", watermark, 9,
                tables, "sha-256-of-the-tables", new Recorded("办公室", Instant.parse("2025-01-20T02:00:00Z"))))));
        mvc.perform(get("/api/reports/bazhou-commerce/2024/publication"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.watermark").value(watermark.toString()))
                .andExpect(jsonPath("$.revised").value(false))
                .andExpect(jsonPath("$.published.table3['三.一'].科研机构").value(1));
        mvc.perform(post("/api/reports/bazhou-commerce/2024/publication").contentType(MediaType.APPLICATION_JSON)
                .content("{\"publishedBy\":\"办公室\"}"))
                .andExpect(status().isMethodNotAllowed()); // publishing is a command, not a write of the read side

        RequestId request = RequestId.of(new AgencyId("bazhou-commerce"), "2024-100");
        projector.project(List.of(EventEnvelope.of(2, new DisclosureRequestEvent.ApplicantTypeCorrected(request,
                ApplicantType.RESEARCH_INSTITUTION, ApplicantType.NATURAL_PERSON, "登记错误",
                new Recorded("clerk", Instant.parse("2025-02-10T02:00:00Z"))))));

        mvc.perform(get("/api/reports/bazhou-commerce/2024"))
                .andExpect(header().string("Link", "</api/reports/bazhou-commerce/2024/publication>; rel=\"publication\""))
                .andExpect(jsonPath("$.table3['三.一'].自然人").value(1));
        mvc.perform(get("/api/reports/bazhou-commerce/2024/publication"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revised").value(true))
                .andExpect(jsonPath("$.publishedBy").value("办公室"))
                .andExpect(jsonPath("$.published.table3['三.一'].科研机构").value(1))
                .andExpect(jsonPath("$.current.table3['三.一'].科研机构").value(0))
                .andExpect(jsonPath("$.differences[*].cell").value(contains(
                        "table3/一/自然人", "table3/一/科研机构", "table3/三.一/自然人", "table3/三.一/科研机构",
                        "table3/三.七/自然人", "table3/三.七/科研机构")))
                .andExpect(jsonPath("$.differences[0].before").value(0))
                .andExpect(jsonPath("$.differences[0].after").value(1));
        expectProblem(mvc.perform(get("/api/reports/ninghe-commerce/2023/publication")), 404, "REPORT_NOT_PUBLISHED");
    }

    @Test
    void aReportServedWhileCasesAreHeldBackNamesThem() throws Exception {
        AgencyId agency = new AgencyId("panjin-commerce");
        RequestId counted = RequestId.of(agency, "2024-1");
        RequestId gap = RequestId.of(agency, "2024-2");
        Recorded recorded = new Recorded("clerk", Instant.parse("2024-05-06T02:00:00Z"));
        projector.project(List.of(
                EventEnvelope.of(0, new DisclosureRequestEvent.RequestReceived(counted, agency, "2024-1",
                        cn.gongkai.ledger.api.request.Channel.IN_PERSON, java.time.LocalDate.parse("2024-05-06"),
                        new cn.gongkai.ledger.api.request.Applicant(ApplicantType.NATURAL_PERSON, "王五", null, null),
                        "事项", "赵科长", recorded)),
                EventEnvelope.of(1, new DisclosureRequestEvent.OfficerAssigned(gap, "钱科员", recorded))));

        mvc.perform(get("/api/reports/panjin-commerce/2024"))
                .andExpect(status().isOk())
                .andExpect(header().string("Gongkai-Held-Back-Cases", gap.value()))
                .andExpect(jsonPath("$.table3.一.总计").value(1));
    }

    @Test
    void describesItselfInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/requests/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/reports/{agencyId}/{year}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/reports/{agencyId}/{year}/publication'].get").exists())
                .andExpect(jsonPath("$.paths['/api/reports/{agencyId}/{year}/publication'].post").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/lawsuits'].get").exists());
    }
}
