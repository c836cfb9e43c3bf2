package cn.gongkai.ledger.query;

import cn.gongkai.ledger.problem.testing.ContainerProblemsContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The query service on its own Tomcat: the container's refusals as bilingual problem details. */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerProblemsTest extends ContainerProblemsContract {
    @Override
    protected String pathWithSegment() {
        return "/api/requests/";
    }

    @Override
    protected String readablePath() {
        return "/api/reports";
    }
}
