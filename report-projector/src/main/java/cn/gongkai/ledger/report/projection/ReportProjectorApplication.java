package cn.gongkai.ledger.report.projection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The report projector: Kafka-fed read models in MongoDB (see {@link ReportProjectorConfiguration}).
 * Configured by env {@code MONGODB_URI}, {@code MONGODB_DATABASE}, {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code KAFKA_TOPIC} and {@code SERVER_PORT}.
 */
@SpringBootApplication
@PropertySource("classpath:report-projector.properties")
public class ReportProjectorApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReportProjectorApplication.class, args);
    }
}
