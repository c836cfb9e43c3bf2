package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.nio.charset.StandardCharsets;
import org.awaitility.Awaitility;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real in-process Kafka broker (KRaft) for one test class, a producer that writes event envelopes as the
 * command side does (JSON value, keyed by aggregate id), and a wait for the projector to have read every record
 * sent (its offsets in MongoDB reach the end of each partition).
 */
public final class TestKafka implements AutoCloseable {
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker broker;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Map<Integer, Long>> sentEnd = new ConcurrentHashMap<>();

    public TestKafka() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** A new topic with {@value #PARTITIONS} partitions. */
    public String newTopic() {
        String topic = "events-" + UUID.randomUUID().toString().substring(0, 8);
        broker.addTopics(new NewTopic(topic, PARTITIONS, (short) 1));
        return topic;
    }

    public void send(String topic, Collection<EventEnvelope> events) {
        events.forEach(e -> sendRaw(topic, e.aggregateId(), EventJson.write(e)));
    }

    /** Sends one record and waits for the broker's acknowledgement; returns the partition it went to. */
    public int sendRaw(String topic, String key, String value) {
        return sendBytes(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one record of any bytes (not necessarily UTF-8), placed by the producer's default partitioner as the
     * publisher's are, and waits for the broker's acknowledgement; returns the partition it went to.
     */
    public int sendBytes(String topic, String key, byte[] value) {
        try {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, key, value)).get();
            sentEnd.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                    .merge(sent.partition(), sent.offset() + 1, Math::max);
            return sent.partition();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the offsets stored beside the read model cover every record sent to the topic. */
    public void awaitProjected(String topic, KafkaOffsetRepository offsets) {
        Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                sentEnd.getOrDefault(topic, Map.of()).entrySet().stream().allMatch(e ->
                        offsets.nextOffset(topic, e.getKey()).orElse(0) >= e.getValue()));
    }

    @Override
    public void close() {
        producer.close();
        broker.destroy();
    }
}
