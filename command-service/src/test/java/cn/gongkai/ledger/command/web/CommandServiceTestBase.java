package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.command.infrastructure.TestMongo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One command-service context (real HTTP on a random port, event store in MongoDB, no Kafka publisher) shared
 * by every test class that extends this one. Each class uses its own ids, so they do not see each other's cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CommandServiceTestBase {
    public static final String DATABASE = TestMongo.freshDatabase("command-service-test");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("spring.data.mongodb.uri", TestMongo::uri);
        properties.add("spring.data.mongodb.database", () -> DATABASE);
        properties.add("ledger.kafka.publisher.enabled", () -> "false");
    }
}
