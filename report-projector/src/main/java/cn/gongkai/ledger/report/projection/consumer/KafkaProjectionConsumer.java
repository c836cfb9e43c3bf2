package cn.gongkai.ledger.report.projection.consumer;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.report.projection.projector.EventProjector.Delivery;
import cn.gongkai.ledger.report.projection.projector.EventProjector.Undecodable;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds the read models from the event topic with plain kafka-clients, on its own thread.
 *
 * <p>Offsets live in MongoDB beside the read model ({@code projection_offsets}), not in Kafka: the consumer
 * commits nothing. Alone (no {@code groupId}, the embedded default) it assigns itself every partition of the topic
 * and seeks to the stored offsets (or to the beginning). With a {@code groupId} it is one instance of a consumer
 * group: Kafka shares the partitions among the instances, and each partition it is given is positioned at the
 * stored offsets. The topic is keyed by agency, so an agency's events are all in one partition and one instance
 * counts them; on every new assignment the instance forgets the cases it replayed before, since another
 * instance may have counted those agencies meanwhile, and it tries again only the held-back cases of the agencies of
 * its own partitions ({@link #partitionOf}). Each batch (a poll, or while behind several, {@link #pollOnce}) is first applied to the read model, then its offsets are stored; a
 * crash in between makes the batch come again, which the idempotent {@link EventProjector} absorbs. On any
 * failure the consumer is closed and, after a pause, reopened at the stored offsets.
 *
 * <p>Each value is decoded strictly ({@link EventJson#readStrict(byte[])}: the command side's rules and limits). A
 * record that is not a valid event, and an event that cannot be projected, are quarantined by the projector and
 * read past: they never block a partition, and are never retried; only a failure of MongoDB itself makes the
 * batch come again.
 */
public final class KafkaProjectionConsumer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaProjectionConsumer.class);
    private static final Duration PARTITION_CHECK_INTERVAL = Duration.ofSeconds(30);
    /** Records one poll returns at most; a poll that returns this many says the projector is behind. */
    static final int MAX_POLL_RECORDS = 2_000;
    /** Records applied as one batch at most, when behind. */
    static final int MAX_BATCH = 20_000;
    /** How long a poll after a full one waits for more. */
    private static final Duration BEHIND_POLL_TIMEOUT = Duration.ofMillis(50);

    private final Settings settings;
    private final EventProjector projector;
    private final KafkaOffsetRepository offsets;
    private final Clock clock;
    private volatile boolean running;
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private Thread thread;

    /**
     * @param gapRetryInterval how often held-back cases are tried again against the event store
     * @param retryBackoff     the pause before reopening the consumer after a failure
     */
    public record Settings(String bootstrapServers, String topic, String clientId, Duration pollTimeout,
                           Duration gapRetryInterval, Duration retryBackoff, String groupId) {
        public Settings {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            groupId = groupId == null || groupId.isBlank() ? null : groupId;
        }

        /** A single projector: every partition, no group. */
        public Settings(String bootstrapServers, String topic, String clientId, Duration pollTimeout,
                        Duration gapRetryInterval, Duration retryBackoff) {
            this(bootstrapServers, topic, clientId, pollTimeout, gapRetryInterval, retryBackoff, null);
        }
    }

    public KafkaProjectionConsumer(Settings settings, EventProjector projector, KafkaOffsetRepository offsets,
                                   Clock clock) {
        this.settings = settings;
        this.projector = projector;
        this.offsets = offsets;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopSignal = new CountDownLatch(1);
        thread = new Thread(this::run, "report-projector-kafka");
        thread.setUncaughtExceptionHandler((t, e) ->
                LOG.error("The projector's Kafka thread died; nothing after the last stored offsets is lost", e));
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopSignal.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(config())) {
                consumer = opened;
                consume(opened);
            } catch (WakeupException e) {
                LOG.debug("Kafka consumer woken up to stop");
            } catch (RuntimeException e) {
                LOG.error("Projection from Kafka failed; reopening at the stored offsets in {}", settings.retryBackoff(), e);
                pause(settings.retryBackoff());
            } finally {
                consumer = null;
                assignment = Set.of();
            }
        }
    }

    /** The partitions this instance projects now. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    private void consume(KafkaConsumer<String, byte[]> opened) {
        if (settings.groupId() != null) {
            consumeAsGroupMember(opened);
            return;
        }
        Set<TopicPartition> assigned = Set.of();
        Instant nextPartitionCheck = Instant.MIN;
        Instant nextGapRetry = clock.instant().plus(settings.gapRetryInterval());
        boolean toldWaiting = false;
        while (running) {
            if (!clock.instant().isBefore(nextPartitionCheck)) {
                assigned = assign(opened, assigned);
                nextPartitionCheck = clock.instant().plus(PARTITION_CHECK_INTERVAL);
            }
            if (assigned.isEmpty()) {
                if (!toldWaiting) {
                    LOG.info("Topic {} has no partitions yet; waiting for the first event", settings.topic());
                    toldWaiting = true;
                }
                pause(settings.pollTimeout());
                nextPartitionCheck = Instant.MIN;
                continue;
            }
            nextGapRetry = pollOnce(opened, nextGapRetry);
        }
    }

    private void consumeAsGroupMember(KafkaConsumer<String, byte[]> opened) {
        opened.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                // Nothing to hand over: every applied batch's offsets are stored already.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> given) {
                position(opened, given);
                projector.forgetReplayedCases();
                assignment = Set.copyOf(opened.assignment());
                LOG.info("Group {}: projecting partition(s) {} of {}", settings.groupId(),
                        assignment.stream().map(TopicPartition::partition).sorted().toList(), settings.topic());
            }
        });
        Instant nextGapRetry = clock.instant().plus(settings.gapRetryInterval());
        while (running) {
            nextGapRetry = pollOnce(opened, nextGapRetry);
        }
    }

    /**
     * One batch: what one poll brings, and while each poll comes back full (the projector is behind: a rebuild from
     * the topic, an import, a restart) what the next ones bring, up to {@value #MAX_BATCH} records, applied
     * together (one write of the events, of each derived collection and of the offsets for all of them); tries the
     * held-back cases again when due. Returns when they are next due.
     */
    private Instant pollOnce(KafkaConsumer<String, byte[]> opened, Instant nextGapRetry) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        ConsumerRecords<String, byte[]> records = opened.poll(settings.pollTimeout());
        records.forEach(batch::add);
        while (records.count() >= MAX_POLL_RECORDS && batch.size() < MAX_BATCH && running) {
            records = opened.poll(BEHIND_POLL_TIMEOUT);
            records.forEach(batch::add);
        }
        if (!batch.isEmpty()) {
            // A partition taken away by a rebalance during the later polls is left to its new owner, from the
            // stored offsets (none of its records here is applied or stored yet).
            Set<TopicPartition> owned = opened.assignment();
            batch.removeIf(r -> !owned.contains(new TopicPartition(r.topic(), r.partition())));
            apply(batch);
        }
        if (clock.instant().isBefore(nextGapRetry)) {
            return nextGapRetry;
        }
        projector.retryGaps(ownedAgencies(opened));
        return clock.instant().plus(settings.gapRetryInterval());
    }

    /**
     * The agencies whose held-back cases this instance tries again: alone, every one; in a group, those of its
     * partitions (an agency whose partition is not known, none). A gap of an agency another instance counts is
     * left to it: filled here, the other instance's replayed cases of that agency would miss the case, and its
     * next batch of the agency would write reports without it.
     */
    private Predicate<String> ownedAgencies(KafkaConsumer<String, byte[]> opened) {
        if (settings.groupId() == null) {
            return agency -> true;
        }
        List<PartitionInfo> partitions = opened.partitionsFor(settings.topic());
        Set<Integer> mine = assignment.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        int count = partitions == null ? 0 : partitions.size();
        return agency -> agency != null && count > 0 && mine.contains(partitionOf(agency, count));
    }

    /**
     * The partition of an agency's records: the publisher keys every record by its agency and leaves the placing
     * to Kafka's default partitioner, which takes a keyed record's partition from the murmur2 hash of its key.
     */
    public static int partitionOf(String agencyId, int partitions) {
        return Utils.toPositive(Utils.murmur2(agencyId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private void position(KafkaConsumer<String, byte[]> opened, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            offsets.nextOffset(partition.topic(), partition.partition()).ifPresentOrElse(
                    offset -> opened.seek(partition, offset),
                    () -> opened.seekToBeginning(List.of(partition)));
        }
    }

    /** Assigns every partition of the topic; on a change, positions all of them at the stored offsets. */
    private Set<TopicPartition> assign(KafkaConsumer<String, byte[]> opened, Set<TopicPartition> current) {
        List<PartitionInfo> partitions = opened.partitionsFor(settings.topic());
        Set<TopicPartition> found = partitions == null ? Set.of() : partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toSet());
        if (found.equals(current)) {
            return current;
        }
        opened.assign(found);
        position(opened, found);
        assignment = Set.copyOf(found);
        LOG.info("Projecting {} partition(s) of {} from the offsets stored in MongoDB", found.size(), settings.topic());
        return found;
    }

    /** Applies the batch to the read model (quarantining what is not a valid event), then stores the offsets after it. */
    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        List<EventEnvelope> batch = new ArrayList<>();
        Map<String, Delivery> deliveries = new HashMap<>();
        List<Undecodable> undecodable = new ArrayList<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            Delivery delivery = new Delivery(record.topic(), record.partition(), record.offset());
            try {
                EventEnvelope event = EventJson.readStrict(record.value());
                batch.add(event);
                deliveries.putIfAbsent(EventProjector.key(event.aggregateId(), event.sequence()), delivery);
            } catch (RuntimeException e) {
                undecodable.add(new Undecodable(delivery, record.key(), record.value(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        projector.project(batch, deliveries, undecodable);
        offsets.saveAll(next.entrySet().stream().map(e -> new KafkaOffsetRepository.PartitionOffset(e.getKey().topic(),
                e.getKey().partition(), e.getValue())).toList());
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId());
        if (settings.groupId() != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        }
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return config;
    }

    private void pause(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
