package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.problem.testing.ContainerProblemsContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The report projector on its own Tomcat: the container's refusals as bilingual problem details. */
@SpringBootTest(classes = ReportProjectorApplication.class, properties = "PROJECTOR_KAFKA_ENABLED=false",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerProblemsTest extends ContainerProblemsContract {
    @Override
    protected String pathWithSegment() {
        return "/api/projection/";
    }

    @Override
    protected String readablePath() {
        return "/api/projection/status";
    }
}
