package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import com.mongodb.client.MongoClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import cn.gongkai.ledger.security.testing.TestOfficerFilter;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.EXPECTED_2024;
import static cn.gongkai.ledger.report.projection.TestProjection.assertCells;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report projector as a Spring Boot application, configured only through its environment variables,
 * consuming a real broker: the read model follows the topic, and the reconciliation endpoint compares it with
 * the event store.
 */
@SpringBootTest(classes = ReportProjectorApplication.class)
@AutoConfigureMockMvc
@Import(TestOfficerFilter.class)
class ReportProjectorApplicationTest {
    private static final String DATABASE = TestMongo.freshName();
    private static TestKafka kafka;
    private static String topic;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private KafkaOffsetRepository offsets;

    @BeforeAll
    static void startBroker() {
        kafka = new TestKafka();
        topic = kafka.newTopic();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("MONGODB_URI", TestMongo::inMemoryUri);
        registry.add("MONGODB_DATABASE", () -> DATABASE);
        registry.add("KAFKA_BOOTSTRAP_SERVERS", () -> kafka.bootstrapServers());
        registry.add("KAFKA_TOPIC", () -> topic);
    }

    @Test
    void followsTheTopicAndReconcilesWithTheEventStoreCellByCell() throws Exception {
        TestProjection projection = new TestProjection(mongoClient.getDatabase(DATABASE));
        projection.appendToEventStore(TestEvents.history());
        kafka.send(topic, TestEvents.history());
        kafka.awaitProjected(topic, offsets);
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);

        mvc.perform(post("/api/reconciliations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"ninghe-commerce\",\"year\":2024}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(true))
                .andExpect(jsonPath("$.differences", hasSize(0)));

        RequestId late = TestEvents.request(AGENCY, "2024-777");
        projection.appendToEventStore(List.of(TestEvents.received(late, ApplicantType.OTHER_ORGANIZATION, "2024-07-01")));

        mvc.perform(post("/api/reconciliations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"ninghe-commerce\",\"year\":2024}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(false))
                .andExpect(jsonPath("$.differences[*].cell").value(org.hamcrest.Matchers.contains(
                        "table3/一/其他", "table3/一/总计", "table3/四/其他", "table3/四/总计")))
                .andExpect(jsonPath("$.differences[0].before").value(1))
                .andExpect(jsonPath("$.differences[0].after").value(0))
                .andExpect(jsonPath("$.laggingAggregates[0].aggregateId").value(late.value()));

        mvc.perform(get("/api/projection/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offsets", hasSize(TestKafka.PARTITIONS)))
                .andExpect(jsonPath("$.heldBack", hasSize(0)));
    }

    @Test
    void aReconciliationWithoutAYearIsAProblemInChineseAndEnglish() throws Exception {
        mvc.perform(post("/api/reconciliations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"ninghe-commerce\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("MISSING_FIELD"))
                .andExpect(jsonPath("$.messageZh").value(containsString("必填")))
                .andExpect(jsonPath("$.messageEn").value(containsString("required")));

        mvc.perform(post("/api/reconciliations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"bad:id\",\"year\":2024}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNREADABLE_BODY"));
    }
}
