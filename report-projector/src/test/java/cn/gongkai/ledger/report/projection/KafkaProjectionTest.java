package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import cn.gongkai.ledger.report.json.EventJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.gongkai.ledger.report.projection.TestEvents.A;
import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.B;
import static cn.gongkai.ledger.report.projection.TestEvents.EXPECTED_2024;
import static cn.gongkai.ledger.report.projection.TestEvents.EXPECTED_2025;
import static cn.gongkai.ledger.report.projection.TestProjection.assertCells;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector fed through a real Kafka broker (one per class; a topic and a database per test): exact cells,
 * duplicates, a consumer killed between writing the read model and storing its offsets, gaps, bad records.
 */
class KafkaProjectionTest {
    private static TestKafka kafka;
    private final List<KafkaProjectionConsumer> consumers = new ArrayList<>();
    private TestProjection projection;
    private String topic;

    @BeforeAll
    static void startBroker() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @BeforeEach
    void freshTopicAndDatabase() {
        projection = new TestProjection(TestMongo.freshInMemoryDatabase());
        topic = kafka.newTopic();
    }

    @AfterEach
    void stopConsumers() {
        consumers.forEach(KafkaProjectionConsumer::stop);
    }

    /** A single projector: every partition, no group. */
    private KafkaProjectionConsumer startConsumer(EventProjector projector) {
        return start(projector, "test-" + topic, null, Clock.systemUTC());
    }

    /** A member of the test's consumer group, its gap retries due by {@code clock}. */
    private KafkaProjectionConsumer startMember(EventProjector projector, Clock clock) {
        return start(projector, "member-" + consumers.size() + "-" + topic, "group-" + topic, clock);
    }

    private KafkaProjectionConsumer start(EventProjector projector, String clientId, String groupId, Clock clock) {
        KafkaProjectionConsumer consumer = new KafkaProjectionConsumer(new KafkaProjectionConsumer.Settings(
                kafka.bootstrapServers(), topic, clientId, Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofMillis(100), groupId), projector, projection.offsets, clock);
        consumers.add(consumer);
        consumer.start();
        return consumer;
    }

    /** A group member retries the gaps of the agencies whose records it is given: it must tell which those are. */
    @Test
    void theProjectorTellsTheProducersPartitionOfEveryAgencyKey() {
        for (int i = 0; i < 40; i++) {
            String agency = "agency-" + i + "-区县";
            assertThat(kafka.sendRaw(topic, agency, "{}")).as(agency)
                    .isEqualTo(KafkaProjectionConsumer.partitionOf(agency, TestKafka.PARTITIONS));
        }
    }

    @Test
    void eventsFromTheTopicGiveTheExactCellsAndEveryEventDeliveredTwiceChangesNothing() {
        startConsumer(projection.projector);
        kafka.send(topic, TestEvents.history());
        kafka.send(topic, TestEvents.otherAgencyHistory());
        kafka.awaitProjected(topic, projection.offsets);
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        String before = projection.reports.find(AGENCY.value(), 2024).orElseThrow().json();

        kafka.send(topic, TestEvents.history());
        kafka.awaitProjected(topic, projection.offsets);

        assertThat(projection.reports.find(AGENCY.value(), 2024).orElseThrow().json()).isEqualTo(before);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
        assertThat(projection.database.getCollection("projection_events").countDocuments())
                .isEqualTo(TestEvents.history().size() + TestEvents.otherAgencyHistory().size());
    }

    @Test
    void aConsumerKilledAfterWritingTheReadModelButBeforeStoringOffsetsIsRedeliveredToTheSameReport() {
        List<EventEnvelope> history = TestEvents.history();
        FailingProjector killable = new FailingProjector(projection);
        KafkaProjectionConsumer first = startConsumer(killable);
        kafka.send(topic, history.subList(0, 5));
        kafka.awaitProjected(topic, projection.offsets);
        List<Long> offsetsBefore = committedOffsets();

        killable.failAfterNextBatch = new Killed();
        kafka.send(topic, history.subList(5, history.size()));
        Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> !first.isRunning());

        assertThat(killable.failedBatchSize.get()).isPositive();
        assertThat(committedOffsets()).as("the killed batch's offsets were not stored").isEqualTo(offsetsBefore);
        int deliveredBefore = killable.delivered.get();

        startConsumer(killable);
        kafka.awaitProjected(topic, projection.offsets);

        assertThat(killable.delivered.get() - deliveredBefore).as("the killed batch came again")
                .isGreaterThanOrEqualTo(killable.failedBatchSize.get());
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
        assertThat(projection.database.getCollection("projection_events").countDocuments()).isEqualTo(history.size());
    }

    @Test
    void aBatchWhoseProjectionFailsIsReadAgainFromTheStoredOffsetsByTheSameConsumer() {
        FailingProjector flaky = new FailingProjector(projection);
        flaky.failAfterNextBatch = new IllegalStateException("MongoDB went away");
        KafkaProjectionConsumer consumer = startConsumer(flaky);

        kafka.send(topic, TestEvents.history());
        kafka.awaitProjected(topic, projection.offsets);

        assertThat(consumer.isRunning()).isTrue();
        assertThat(flaky.delivered.get()).isEqualTo(TestEvents.history().size() + flaky.failedBatchSize.get());
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
    }

    @Test
    void aRecordLostFromTheTopicIsRepairedFromTheEventStoreAndCountedOnce() {
        projection.appendToEventStore(TestEvents.history());
        startConsumer(projection.projector);

        kafka.send(topic, TestEvents.history().stream()
                .filter(e -> !(e.aggregateId().equals(A.value()) && e.sequence() == 1)).toList());
        kafka.awaitProjected(topic, projection.offsets);

        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertThat(projection.gaps.all()).isEmpty();
        assertThat(projection.progress.find(A.value()).orElseThrow().lastContiguous()).isEqualTo(2);
    }

    /**
     * Two members of one consumer group on one read model: the gap of an agency the other member counts is left to
     * that member. Filled by this one, the owner's replayed cases of the agency would miss the case (and its next
     * batch of the agency would write reports without it). The members' clocks decide when their gap retries are
     * due, so the test tells which member tried.
     */
    @Test
    void inAGroupAMemberLeavesTheGapsOfAnotherMembersAgencyToThatMember() {
        List<EventEnvelope> history = TestEvents.history();
        EventEnvelope lost = history.stream().filter(e -> e.aggregateId().equals(B.value()) && e.sequence() == 0)
                .findFirst().orElseThrow();
        List<EventEnvelope> sent = history.stream().filter(e -> e != lost).toList();
        projection.appendToEventStore(sent);
        TestProjection other = new TestProjection(projection.database);
        SettableClock firstClock = new SettableClock();
        SettableClock secondClock = new SettableClock();
        RetryCounting firstProjector = new RetryCounting(projection);
        RetryCounting secondProjector = new RetryCounting(other);
        KafkaProjectionConsumer first = startMember(firstProjector, firstClock);
        KafkaProjectionConsumer second = startMember(secondProjector, secondClock);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> !first.assignment().isEmpty()
                && !second.assignment().isEmpty()
                && first.assignment().size() + second.assignment().size() == TestKafka.PARTITIONS);
        TopicPartition agencyPartition = new TopicPartition(topic,
                KafkaProjectionConsumer.partitionOf(AGENCY.value(), TestKafka.PARTITIONS));
        boolean firstOwns = first.assignment().contains(agencyPartition);
        SettableClock ownerClock = firstOwns ? firstClock : secondClock;
        SettableClock otherClock = firstOwns ? secondClock : firstClock;
        RetryCounting otherProjector = firstOwns ? secondProjector : firstProjector;

        sent.forEach(e -> kafka.sendRaw(topic, AGENCY.value(), EventJson.write(e))); // keyed as the publisher keys
        kafka.awaitProjected(topic, projection.offsets);
        assertThat(projection.gaps.find(B.value())).as("B's first event is neither on the topic nor stored").isPresent();
        projection.appendToEventStore(List.of(lost)); // now the gap can be filled from the event store

        int triedBefore = otherProjector.retries.get();
        otherClock.advance(Duration.ofHours(2));    // the other member's retry falls due
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> otherProjector.retries.get() > triedBefore);
        assertThat(projection.gaps.find(B.value())).as("left to the agency's member").isPresent();
        assertThat(projection.report(AGENCY, 2024).cells().get("table3/四/商业企业")).isEqualByComparingTo("0");

        ownerClock.advance(Duration.ofHours(2));    // the owner's falls due: it fills the gap from the event store
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> projection.gaps.all().isEmpty());
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
    }

    /** A projector that counts the gap retries it was asked for (after each has run). */
    private static final class RetryCounting extends EventProjector {
        final AtomicInteger retries = new AtomicInteger();

        RetryCounting(TestProjection p) {
            super(p.events, p.progress, p.gaps, p.cases, p.publications, p.agencyTree, p.materializer, p.eventStore,
                    p.quarantine, Clock.systemUTC());
        }

        @Override
        public int retryGaps(Predicate<String> ofAgency) {
            int left = super.retryGaps(ofAgency);
            retries.incrementAndGet();
            return left;
        }
    }

    /** A clock that stands still until it is moved on. */
    private static final class SettableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-05T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aGapNobodyCanFillIsHeldBackAndSurfacedUntilTheMissingEventArrives() {
        startConsumer(projection.projector);
        List<EventEnvelope> history = TestEvents.history();
        EventEnvelope lost = history.stream().filter(e -> e.aggregateId().equals(B.value()) && e.sequence() == 0)
                .findFirst().orElseThrow();

        kafka.send(topic, history.stream().filter(e -> e != lost).toList());
        kafka.awaitProjected(topic, projection.offsets);

        SequenceGap gap = projection.gaps.find(B.value()).orElseThrow();
        assertThat(gap.missing()).containsExactly(0L);
        assertThat(projection.report(AGENCY, 2024).cells().get("table3/四/商业企业")).isEqualByComparingTo("0");
        assertThat(projection.reports.find(AGENCY.value(), 2024).orElseThrow().heldBack()).containsExactly(B.value());

        kafka.send(topic, List.of(lost));
        kafka.awaitProjected(topic, projection.offsets);

        assertThat(projection.gaps.all()).isEmpty();
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
        assertCells(projection.report(AGENCY, 2025), EXPECTED_2025);
    }

    @Test
    void aRecordThatIsNotAnEventIsQuarantinedAndSkipped() {
        startConsumer(projection.projector);

        kafka.sendRaw(topic, "junk", "{\"type\":\"NoSuchEvent\"}");
        kafka.send(topic, TestEvents.history());
        kafka.awaitProjected(topic, projection.offsets);

        assertThat(projection.quarantine.all()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("junk");
            assertThat(r.reason()).contains("NoSuchEvent");
        });
        assertCells(projection.report(AGENCY, 2024), EXPECTED_2024);
    }

    private List<Long> committedOffsets() {
        List<Long> offsets = new ArrayList<>();
        for (int p = 0; p < TestKafka.PARTITIONS; p++) {
            offsets.add(projection.offsets.nextOffset(topic, p).orElse(-1));
        }
        return offsets;
    }

    /**
     * Fails once, right after writing the read model of a batch and before its offsets are stored: with an
     * {@link Error} it stands for a process killed there (the consumer thread dies), with a runtime exception for
     * a failure the consumer recovers from by itself.
     */
    private static final class FailingProjector extends EventProjector {
        volatile Throwable failAfterNextBatch;
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger failedBatchSize = new AtomicInteger();

        FailingProjector(TestProjection p) {
            super(p.events, p.progress, p.gaps, p.cases, p.publications, p.agencyTree, p.materializer, p.eventStore,
                    p.quarantine, Clock.systemUTC());
        }

        @Override
        public void project(Collection<EventEnvelope> batch, Map<String, Delivery> deliveries,
                            List<Undecodable> undecodable) {
            super.project(batch, deliveries, undecodable);
            delivered.addAndGet(batch.size());
            Throwable failure = failAfterNextBatch;
            if (failure != null) {
                failAfterNextBatch = null;
                failedBatchSize.set(batch.size());
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
        }
    }

    private static final class Killed extends Error {
    }
}
