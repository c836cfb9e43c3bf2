package cn.gongkai.ledger.query;

import cn.gongkai.ledger.report.projection.ReportProjectorApplication;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
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

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The query service and the report projector in one Spring context (as the one-process runner has them): no
 * bean clashes, both sets of endpoints served, each with its own problem details. Kafka is switched off here.
 */
@SpringBootTest(classes = {QueryServiceApplication.class, ReportProjectorApplication.class},
        properties = "PROJECTOR_KAFKA_ENABLED=false")
@AutoConfigureMockMvc
@Import(TestOfficerFilter.class)
class SharedContextTest {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    static {
        MONGO.bind("127.0.0.1", 0);
    }

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("MONGODB_URI", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Test
    void servesTheQueriesAndTheReconciliationSideBySide() throws Exception {
        mvc.perform(get("/api/requests"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/reconciliations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"ninghe-commerce\",\"year\":2024}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(true));
        mvc.perform(get("/api/projection/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.heldBack").isEmpty());
        mvc.perform(get("/api/lawsuits/ls-none"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LAWSUIT_NOT_FOUND"));
    }
}
