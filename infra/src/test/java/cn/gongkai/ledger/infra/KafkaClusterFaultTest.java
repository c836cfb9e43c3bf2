package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.infra.kafka.LocalKafkaCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on a real 3-node Kafka cluster (KRaft, each node its own JVM process on 127.0.0.1, replication factor
 * 3, {@code min.insync.replicas} 2): the node leading the first partition of the events topic is killed while
 * commands keep coming. Every command is still accepted, every stored event reaches the topic, and the served
 * report equals the fold over the event store: nothing is lost.
 */
class KafkaClusterFaultTest {
    private static final String TOPIC = "gongkai-ledger.events";
    private static final String AGENCY = "kafka-fault-agency";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBrokerKilledMidStreamLosesNothing() throws Exception {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(dir.resolve("kafka"), 3);
             RunningLedger ledger = RunningLedger.startOn(dir.resolve("ledger"), cluster.bootstrapServers())) {
            Http http = ledger.http();
            var registered = http.command("/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"集群故障测试局\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            receive(http, 0, 20);
            ledger.awaitServedEqualsFold(AGENCY, 2024);

            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> receive(http, 20, 100, sent));
            RunningLedger.await(sent::get, n -> n >= 20, java.time.Duration.ofSeconds(60));
            int leader = cluster.leaderOf(TOPIC, 0);
            cluster.kill(leader);
            stream.get();

            JsonNode served = ledger.awaitServedEqualsFold(AGENCY, 2024);
            assertThat(served.path("table3").path("一").path("总计").asInt())
                    .as("killed node %d", leader).isEqualTo(100);
            List<EventEnvelope> stored = ledger.eventStore();
            Set<String> published = ledger.readTopic(TOPIC, stored.size()).stream()
                    .map(KafkaClusterFaultTest::position).collect(Collectors.toSet());
            assertThat(published).containsAll(stored.stream()
                    .map(e -> e.aggregateId() + "@" + e.sequence()).collect(Collectors.toSet()));
        }
    }

    private static void receive(Http http, int from, int to) {
        receive(http, from, to, new AtomicInteger());
    }

    private static void receive(Http http, int from, int to, AtomicInteger sent) {
        for (int i = from; i < to; i++) {
            var response = http.command("/api/requests", "{\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\"K" + i
                    + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"2024-05-0" + (1 + i % 9)
                    + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"某人\"},\"subject\":\"某信息\"}");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            sent.incrementAndGet();
        }
    }

    private static String position(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            return envelope.path("aggregateId").asText() + "@" + envelope.path("sequence").asLong();
        } catch (Exception e) {
            throw new AssertionError("not an event envelope: " + record.value(), e);
        }
    }
}
