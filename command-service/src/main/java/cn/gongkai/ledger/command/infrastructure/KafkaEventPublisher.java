package cn.gongkai.ledger.command.infrastructure;

import cn.gongkai.ledger.api.common.LedgerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every stored event to the events topic, keyed by its agency ({@link AgencyKeys}: all of an agency's
 * events stay in one partition, in order, so a projector consumer group splits the agencies among its instances). Sends of a batch go out together; the batch commits (and the processor's token moves)
 * only once Kafka has acknowledged every one of them.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final EventTopic topic;
    private final AgencyKeys keys;

    public KafkaEventPublisher(Producer<String, byte[]> producer, EventTopic topic, EventStore events) {
        this.producer = producer;
        this.topic = topic;
        this.keys = new AgencyKeys(events);
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        topic.ensureExists();
        byte[] value = EventEnvelopeJson.toJson(EventEnvelopeJson.envelope(message));
        Future<RecordMetadata> sent = producer.send(
                new ProducerRecord<>(topic.name(), keys.keyOf(event, message.getAggregateIdentifier()), value));
        pendingSends(unitOfWork.root()).add(sent);
    }

    private static List<Future<RecordMetadata>> pendingSends(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    private static void awaitAll(List<Future<RecordMetadata>> pending) {
        try {
            for (Future<RecordMetadata> send : pending) {
                send.get();
            }
        } catch (ExecutionException e) {
            LOG.error("Kafka refused an event of this batch ({}); the publisher stops here and retries the batch "
                    + "until Kafka accepts it, the events after it wait", e.getCause().toString());
            throw new IllegalStateException("Kafka refused an event; the batch will be sent again", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
