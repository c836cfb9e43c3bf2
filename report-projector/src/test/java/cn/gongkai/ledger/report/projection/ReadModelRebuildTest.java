package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.report.projection.projector.StoreRebuild;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static cn.gongkai.ledger.report.projection.TestEvents.AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.B;
import static cn.gongkai.ledger.report.projection.TestEvents.C;
import static cn.gongkai.ledger.report.projection.TestEvents.OTHER_AGENCY;
import static cn.gongkai.ledger.report.projection.TestEvents.received;
import static cn.gongkai.ledger.report.projection.TestEvents.replied;
import static cn.gongkai.ledger.report.projection.TestEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model rebuilt — from the event store ({@link EventProjector#rebuild()}) and from the Kafka topic (a
 * fresh consumer from the start of every partition, in large batches) — equals, document for document, the read
 * model the live projector built from the same events in small batches and in the order they were recorded: three
 * agencies with corrections that move cases between years, carry-over from 2023 into 2024 and 2025, a
 * reconsideration, a lawsuit. A rebuild run twice, or run again after one was killed half-way, gives the same; an
 * event that cannot be projected is quarantined by a rebuild exactly as by the live projector.
 */
class ReadModelRebuildTest {
    private static final AgencyId THIRD = new AgencyId("jinghai-culture");
    private static TestKafka kafka;
    /** The live projector's read model of {@link #events()}. */
    private static Map<String, List<String>> liveReadModel;

    @BeforeAll
    static void startBrokerAndProjectLive() {
        kafka = new TestKafka();
        liveReadModel = readModel(live(events()).database);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    /** The three agencies' events, each aggregate in sequence order, in no particular order between aggregates. */
    private static List<EventEnvelope> events() {
        List<EventEnvelope> events = new ArrayList<>(TestEvents.history());
        // Corrections: an applicant type corrected in 2025 (the case moves column in 2023 and 2024), a conclusion
        // date moved back from 2025 into 2024 (the case stops being carried over).
        events.add(TestEvents.applicantCorrected(C, 2, ApplicantType.NATURAL_PERSON,
                ApplicantType.LEGAL_SERVICE_INSTITUTION, "2025-02-01"));
        events.add(TestEvents.conclusionDateCorrected(B, 2, "2025-01-10", "2024-12-30", "2025-02-01"));
        events.addAll(TestEvents.otherAgencyHistory());
        events.add(TestEvents.registered(THIRD, "静海区文化和旅游局", "2023-02-01"));
        Random random = new Random(12);
        Outcome[] outcomes = {Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD};
        ApplicantType[] applicants = {ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE,
                ApplicantType.RESEARCH_INSTITUTION};
        for (int i = 0; i < 30; i++) {
            RequestId id = request(THIRD, String.format("2024-%03d", i));
            String receivedOn = String.format("%d-%02d-%02d", 2023 + i % 2, 1 + random.nextInt(12), 1 + random.nextInt(20));
            events.add(received(id, applicants[random.nextInt(applicants.length)], receivedOn));
            if (i % 5 != 4) { // every fifth stays open: carried over, or open at the end of the year
                String repliedOn = receivedOn.startsWith("2023") && i % 3 == 0
                        ? "2024-01-" + String.format("%02d", 10 + random.nextInt(15))
                        : receivedOn.substring(0, 8) + "25";
                events.add(replied(id, 1, outcomes[random.nextInt(outcomes.length)], repliedOn));
                if (i % 7 == 0) {
                    events.add(TestEvents.applicantCorrected(id, 2, ApplicantType.NATURAL_PERSON,
                            ApplicantType.OTHER_ORGANIZATION, "2025-01-20"));
                }
            }
        }
        return events;
    }

    /** The live projector: the events in the order they were recorded, a few at a time, some of them twice. */
    private static TestProjection live(List<EventEnvelope> events) {
        List<EventEnvelope> byTime = new ArrayList<>(events);
        byTime.sort(Comparator.comparing((EventEnvelope e) -> e.payload().recorded().at())
                .thenComparing(EventEnvelope::aggregateId).thenComparingLong(EventEnvelope::sequence));
        TestProjection live = new TestProjection(TestMongo.freshInMemoryDatabase());
        for (int from = 0; from < byTime.size(); from += 4) {
            List<EventEnvelope> batch = new ArrayList<>(byTime.subList(from, Math.min(byTime.size(), from + 4)));
            if (from % 12 == 0 && from > 0) {
                batch.add(byTime.get(from - 1)); // a redelivery
            }
            live.projector.project(batch);
        }
        return live;
    }

    /** A projection on a fresh database whose event store holds the events. */
    private static TestProjection withEventStore(List<EventEnvelope> events) {
        TestProjection projection = new TestProjection(TestMongo.freshInMemoryDatabase());
        projection.appendToEventStore(events);
        return projection;
    }

    /** The operator's rebuild ({@link StoreRebuild}): small cursor batches and handovers, so there are many of each. */
    private static EventProjector.Rebuilt rebuildFromStore(TestProjection projection) {
        return StoreRebuild.run(projection.eventStore, projection.projector, 7, 5);
    }

    @Test
    void aRebuildFromTheEventStoreEqualsTheLiveReadModelAndTheFold() {
        List<EventEnvelope> events = events();
        TestProjection rebuilt = withEventStore(events);

        EventProjector.Rebuilt counted = rebuildFromStore(rebuilt);

        assertThat(counted.events()).isEqualTo(events.size());
        assertThat(counted.agencies()).isEqualTo(3);
        assertThat(readModel(rebuilt.database)).isEqualTo(liveReadModel);
        for (AgencyId agency : List.of(AGENCY, OTHER_AGENCY, THIRD)) {
            for (int year = 2023; year <= 2025; year++) {
                ReportRequest request = ReportRequest.of(agency, year);
                if (rebuilt.reports.find(agency.value(), year).isPresent()) {
                    assertThat(ReportJson.write(rebuilt.report(agency, year)))
                            .as(agency + " " + year).isEqualTo(ReportJson.write(ReportFold.fold(events, request)));
                }
            }
        }
        assertThat(rebuilt.reports.ofAgency(THIRD.value())).extracting(r -> r.year()).containsExactly(2023, 2024, 2025);
        assertThat(rebuilt.report(AGENCY, 2024).cells().get("table3/四/商业企业")).as("B's conclusion moved into 2024")
                .isEqualByComparingTo("0");
    }

    @Test
    void aRebuildFromTheTopicEqualsTheLiveReadModel() {
        List<EventEnvelope> events = events();
        String topic = kafka.newTopic();
        kafka.send(topic, events);
        kafka.send(topic, events.subList(0, 20)); // the publisher sends some again after moving back
        TestProjection rebuilt = new TestProjection(TestMongo.freshInMemoryDatabase());
        KafkaProjectionConsumer consumer = new KafkaProjectionConsumer(new KafkaProjectionConsumer.Settings(
                kafka.bootstrapServers(), topic, "rebuild-" + topic, Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofMillis(100)), rebuilt.projector, rebuilt.offsets, Clock.systemUTC());
        consumer.start();
        try {
            kafka.awaitProjected(topic, rebuilt.offsets);
        } finally {
            consumer.stop();
        }

        assertThat(readModel(rebuilt.database)).isEqualTo(liveReadModel);
    }

    @Test
    void aRebuildRunTwiceOrAgainAfterItWasKilledHalfWayGivesTheSameReadModel() {
        List<EventEnvelope> events = events();
        TestProjection once = withEventStore(events);
        rebuildFromStore(once);
        Map<String, List<String>> expected = readModel(once.database);
        assertThat(expected).isEqualTo(liveReadModel);

        rebuildFromStore(once);
        assertThat(readModel(once.database)).as("run twice").isEqualTo(expected);

        TestProjection killed = withEventStore(events);
        EventProjector.Rebuild halfWay = killed.projector.rebuild();
        int[] aggregates = {0};
        killed.eventStore.forEachAggregate(7, history -> {
            if (aggregates[0]++ < 30) {
                halfWay.add(history);
            }
        });
        halfWay.add(List.of()); // nothing: an empty history is ignored
        // killed here: its chunks are stored, its reports never written; a new process rebuilds again
        TestProjection restarted = new TestProjection(killed.database);
        rebuildFromStore(restarted);
        assertThat(readModel(restarted.database)).as("again after a kill").isEqualTo(expected);
    }

    @Test
    void aRebuildFedStraightFromTheCursorEqualsOneReadAhead() {
        TestProjection direct = withEventStore(events());
        EventProjector.Rebuild rebuild = direct.projector.rebuild();
        direct.eventStore.forEachAggregate(3, rebuild::add);
        rebuild.finish();

        assertThat(readModel(direct.database)).isEqualTo(liveReadModel);
    }

    @Test
    void aStoredEventTheRebuildCannotReadStopsItLoudlyWithoutWritingReports() {
        List<EventEnvelope> events = events();
        TestProjection rebuilt = withEventStore(events);
        rebuilt.database.getCollection("domainevents").insertOne(new Document("aggregateIdentifier", "zzz-last")
                .append("sequenceNumber", 0L).append("payloadType", "cn.gongkai.ledger.NoSuchEvent")
                .append("payload", "{}").append("timestamp", "2024-01-01T00:00:00.000Z")
                .append("eventIdentifier", "bad"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rebuildFromStore(rebuilt))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreadable event zzz-last#0");
        assertThat(rebuilt.reports.ofAgency(AGENCY.value())).as("reports are written only at the end").isEmpty();
    }

    @Test
    void anEventThatCannotBeProjectedIsQuarantinedByARebuildAsByTheLiveProjector() {
        List<EventEnvelope> events = events();
        RequestId poisoned = request(OTHER_AGENCY, "2024-666");
        EventEnvelope withoutApplicant = received(poisoned, ApplicantType.NATURAL_PERSON, "2024-04-01");
        ObjectNode json = EventJson.toJson(withoutApplicant);
        ((ObjectNode) json.get("payload")).remove("applicant");
        EventEnvelope unprojectable = EventJson.fromJson(json);
        EventEnvelope later = replied(poisoned, 1, Outcome.DISCLOSED, "2024-04-10");
        List<EventEnvelope> withPoison = new ArrayList<>(events);
        withPoison.add(unprojectable);
        withPoison.add(later);
        TestProjection live = live(withPoison);
        TestProjection rebuilt = withEventStore(withPoison);

        rebuildFromStore(rebuilt);

        assertThat(rebuilt.quarantine.all()).singleElement().satisfies(q -> {
            assertThat(q.aggregateId()).isEqualTo(poisoned.value());
            assertThat(q.sequence()).isZero();
            assertThat(q.reason()).contains("NullPointerException");
        });
        assertThat(rebuilt.reports.find(OTHER_AGENCY.value(), 2024).orElseThrow().heldBack())
                .containsExactly(poisoned.value());
        assertThat(readModel(rebuilt.database)).isEqualTo(readModel(live.database));
    }

    /**
     * Every read-model collection but the offsets, each document as JSON in a fixed order, without what differs
     * by how it was built and not by what it says: a projected event's generated {@code _id} and its source
     * (Kafka or the event store), a gap's count of repair attempts.
     */
    static Map<String, List<String>> readModel(MongoDatabase database) {
        Map<String, List<String>> collections = new TreeMap<>();
        for (String name : ReadModelDatabase.COLLECTIONS) {
            if (name.equals(ReadModelDatabase.OFFSETS)) {
                continue;
            }
            List<String> documents = new ArrayList<>();
            for (Document document : database.getCollection(name).find()) {
                if (name.equals(ReadModelDatabase.EVENTS)) {
                    document.remove("_id");
                    document.remove("source");
                }
                if (name.equals(ReadModelDatabase.GAPS)) {
                    document.remove("repairAttempts");
                }
                documents.add(document.toJson());
            }
            documents.sort(Comparator.naturalOrder());
            collections.put(name, documents);
        }
        return collections;
    }
}
