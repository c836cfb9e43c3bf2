package cn.gongkai.ledger.command.infrastructure;

import cn.gongkai.ledger.api.common.InputLimits;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishing to Kafka: a tracking event processor ({@value KafkaEventPublisher#PROCESSING_GROUP}) reads the event
 * store from its token in the Mongo token store and hands each event to an idempotent producer (acks=all).
 * A failed send fails the whole batch, so the token does not move and the batch is sent again: at-least-once.
 * The producer's request limit is {@link InputLimits#KAFKA_MAX_MESSAGE_BYTES}, the figure the broker and topic use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaPublishingConfiguration {

    @Bean(destroyMethod = "close")
    public KafkaProducer<String, byte[]> ledgerEventProducer(
            @Value("${ledger.kafka.bootstrap-servers}") String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "gongkai-ledger-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, InputLimits.KAFKA_MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    public EventTopic eventTopic(@Value("${ledger.kafka.bootstrap-servers}") String bootstrapServers,
                                 @Value("${ledger.kafka.topic}") String topic,
                                 @Value("${ledger.kafka.topic-partitions}") int partitions) {
        return new EventTopic(bootstrapServers, topic, partitions);
    }

    @Bean
    public KafkaEventPublisher kafkaEventPublisher(KafkaProducer<String, byte[]> ledgerEventProducer,
                                                   EventTopic eventTopic, EventStore eventStore) {
        return new KafkaEventPublisher(ledgerEventProducer, eventTopic, eventStore);
    }

    @Autowired
    public void configurePublisherProcessor(EventProcessingConfigurer processing,
                                            @Value("${ledger.kafka.publisher.batch-size}") int batchSize) {
        processing.registerTrackingEventProcessorConfiguration(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize))
                .registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                // A batch Kafka refused fails the processor (which retries it with back-off) instead of being
                // logged and skipped: the token never moves past an event that is not on the topic.
                .registerErrorHandler(KafkaEventPublisher.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
