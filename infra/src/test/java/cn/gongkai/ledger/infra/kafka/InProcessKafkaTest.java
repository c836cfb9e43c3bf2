package cn.gongkai.ledger.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process KRaft broker keeps what it acknowledged across a restart on the same folder. */
class InProcessKafkaTest {
    @TempDir
    Path logDir;

    @Test
    void recordsSurviveARestartOnTheSameFolder() throws Exception {
        int port;
        try (InProcessKafka kafka = InProcessKafka.start(logDir, 0)) {
            port = kafka.port();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>("restart-test", "case-1", "event-" + i)).get();
                }
            }
        }

        try (InProcessKafka kafka = InProcessKafka.start(logDir, port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(readAll(kafka.bootstrapServers())).extracting(ConsumerRecord::value)
                    .containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrapServers) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("restart-test", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < 5 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
