package cn.gongkai.ledger.query;

import cn.gongkai.ledger.readmodel.ReadModelConfiguration;
import cn.gongkai.ledger.workbench.WorkbenchConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The query service: REST reads of the read models the report projector keeps in MongoDB (requests,
 * reconsiderations and lawsuits with their timelines; annual reports and their latest publication), through the read model's read-only API. Configured by env
 * {@code MONGODB_URI}, {@code MONGODB_DATABASE} and {@code SERVER_PORT}; OpenAPI at {@code /v3/api-docs}.
 */
@SpringBootApplication
@Import({ReadModelConfiguration.class, WorkbenchConfiguration.class})
@PropertySource("classpath:query-service.properties")
public class QueryServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
