package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.readmodel.ReadModelConfiguration;
import cn.gongkai.ledger.report.projection.ReportProjectorConfiguration;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The report projector scaled out as a Kafka consumer group: the ledger's own projector and two more instances
 * (each with its own consumer, projector and caches, on the same read-model database) share the three partitions
 * of the agency-keyed topic. One instance is stopped mid-stream; its partitions move to the others, which resume
 * from the offsets stored beside the read model. Every agency's served report equals the fold over the event store.
 */
class ProjectorGroupTest {
    private static final String GROUP = "gongkai-ledger-projectors";
    private static final List<String> AGENCIES = IntStream.range(0, 6).mapToObj(i -> "group-agency-" + i).toList();

    @TempDir
    Path dir;

    @Test
    void threeInstancesShareThePartitionsAndOneStoppedMidStreamLosesNothing() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dir, "--LEDGER_PROJECTOR_GROUP_ID=" + GROUP,
                "--PROJECTOR_GAP_RETRY_SECONDS=2")) {
            Http http = ledger.http();
            for (String agency : AGENCIES) {
                var registered = http.command("/api/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"分组测试局\"}");
                assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            }
            List<AnnotationConfigApplicationContext> others = new ArrayList<>();
            others.add(projector(ledger));
            others.add(projector(ledger));
            try {
                List<KafkaProjectionConsumer> consumers = new ArrayList<>(List.of(ledger.bean(KafkaProjectionConsumer.class)));
                others.forEach(c -> consumers.add(c.getBean(KafkaProjectionConsumer.class)));

                // The group settles: three members, each with one of the three partitions.
                RunningLedger.await(() -> assignments(consumers), this::disjointCover, Duration.ofSeconds(90));
                assertThat(disjointCover(assignments(consumers))).as("one partition each: " + assignments(consumers)).isTrue();

                receive(http, 0, 10);
                others.get(0).close();                       // one instance goes away mid-stream
                receive(http, 10, 20);
                List<KafkaProjectionConsumer> remaining = List.of(consumers.get(0), consumers.get(2));
                RunningLedger.await(() -> assignments(remaining), this::disjointCover, Duration.ofSeconds(90));
                assertThat(disjointCover(assignments(remaining))).as("the two left share all three partitions").isTrue();

                for (String agency : AGENCIES) {
                    var served = ledger.awaitServedEqualsFold(agency, 2024);
                    assertThat(served.path("table3").path("一").path("总计").asInt()).as(agency).isEqualTo(20);
                }
            } finally {
                others.forEach(AnnotationConfigApplicationContext::close);   // closing twice is a no-op
            }
        }
    }

    private static AnnotationConfigApplicationContext projector(RunningLedger ledger) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("projector", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", ledger.kafkaBootstrapServers(),
                "LEDGER_PROJECTOR_GROUP_ID", GROUP,
                "PROJECTOR_GAP_RETRY_SECONDS", "2",
                "MONGODB_DATABASE", RunningLedger.DATABASE)));
        MongoClient client = MongoClients.create(ledger.mongoUri());
        context.registerBean(MongoClient.class, () -> client, d -> d.setDestroyMethodName("close"));
        context.register(ReadModelConfiguration.class, ReportProjectorConfiguration.class);
        context.refresh();
        return context;
    }

    private static List<Set<TopicPartition>> assignments(List<KafkaProjectionConsumer> consumers) {
        return consumers.stream().map(KafkaProjectionConsumer::assignment).toList();
    }

    /** Whether the members' partitions are disjoint, each member has some, and together they are all three. */
    private boolean disjointCover(List<Set<TopicPartition>> assignments) {
        Set<TopicPartition> all = new HashSet<>();
        int total = 0;
        for (Set<TopicPartition> a : assignments) {
            if (a.isEmpty()) {
                return false;
            }
            all.addAll(a);
            total += a.size();
        }
        return all.size() == 3 && total == 3;
    }

    private static void receive(Http http, int from, int to) {
        for (int i = from; i < to; i++) {
            for (String agency : AGENCIES) {
                var response = http.command("/api/requests", "{\"agencyId\":\"" + agency + "\",\"trackingNumber\":\"G" + i
                        + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-06-0" + (1 + i % 9)
                        + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"某人\"},\"subject\":\"某信息\"}");
                assertThat(response.status()).as(response.body()).isEqualTo(201);
            }
        }
    }
}
