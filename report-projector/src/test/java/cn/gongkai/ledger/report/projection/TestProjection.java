package cn.gongkai.ledger.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.privacy.DataKeys;
import cn.gongkai.ledger.privacy.MasterKey;
import cn.gongkai.ledger.privacy.PersonalDataCipher;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.CaseSummaryRepository;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.projection.reconcile.Reconciliation;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import org.bson.Document;

/** The projector's object graph on one MongoDB database, wired by hand, and an Axon-shaped event store beside it. */
public final class TestProjection {
    /** The collection the command service's Axon Mongo storage engine appends to (this fixture stands in for it). */
    public static final String AXON_EVENTS = "domainevents";

    public final MongoDatabase database;
    public final ReadModelDatabase readModel;
    public final ProjectedEventRepository events;
    public final AggregateProgressRepository progress;
    public final SequenceGapRepository gaps;
    public final CaseSummaryRepository cases;
    public final MaterializedReportRepository reports;
    public final PublishedReportRepository publications;
    public final KafkaOffsetRepository offsets;
    public final QuarantineRepository quarantine;
    public final CaseSummaries caseQueries;
    public final CountedEvents counted;
    public final ReportMaterializer materializer;
    public final MongoEventStoreReader eventStore;
    public final AgencyTreeRepository agencyTree;
    public final EventProjector projector;
    public final Reconciliation reconciliation;

    public TestProjection(MongoDatabase database) {
        this.database = database;
        readModel = new ReadModelDatabase(database);
        events = new ProjectedEventRepository(readModel);
        progress = new AggregateProgressRepository(readModel);
        gaps = new SequenceGapRepository(readModel);
        cases = new CaseSummaryRepository(readModel);
        reports = new MaterializedReportRepository(readModel);
        publications = new PublishedReportRepository(readModel);
        offsets = new KafkaOffsetRepository(readModel);
        quarantine = new QuarantineRepository(readModel);
        caseQueries = new CaseSummaries(readModel,
                new PersonalDataCipher(new DataKeys(database, testMasterKey())));
        counted = new CountedEvents(events, progress);
        materializer = new ReportMaterializer(counted, gaps, reports);
        eventStore = new MongoEventStoreReader(database);
        agencyTree = new AgencyTreeRepository(readModel);
        projector = new EventProjector(events, progress, gaps, cases, publications, agencyTree, materializer, eventStore,
                quarantine,
                Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC));
        reconciliation = new Reconciliation(eventStore, materializer, reports, gaps, quarantine);
    }

    /**
     * Appends events to {@code domainevents} as the command service's Axon Mongo storage engine stores them
     * (payload as Jackson text in {@code payload}, meta-data in {@code metaData}).
     */
    public void appendToEventStore(Collection<EventEnvelope> envelopes) {
        for (EventEnvelope e : envelopes) {
            database.getCollection(AXON_EVENTS).insertOne(new Document()
                    .append("aggregateIdentifier", e.aggregateId())
                    .append("type", e.aggregateType())
                    .append("sequenceNumber", e.sequence())
                    .append("payload", EventJson.toJson(e).get("payload").toString())
                    .append("timestamp", e.timestamp().toString())
                    .append("payloadType", e.payload().getClass().getName())
                    .append("payloadRevision", null)
                    .append("metaData", "{}")
                    .append("eventIdentifier", e.eventId()));
        }
    }

    /** The materialised report of the agency-year. */
    public AnnualReport report(AgencyId agency, int year) {
        MaterializedReport stored = reports.find(agency.value(), year).orElseThrow(
                () -> new AssertionError("no report for " + agency + " " + year));
        return ReportJson.read(stored.json());
    }

    /** Every cell of the report equals {@code nonZero}'s value for it, or zero when it is not listed. */
    public static void assertCells(AnnualReport report, Map<String, Integer> nonZero) {
        assertThat(report.cells().keySet()).containsAll(nonZero.keySet());
        report.cells().forEach((cell, value) -> assertThat(value)
                .as(cell).isNotNull()
                .isEqualByComparingTo(String.valueOf(nonZero.getOrDefault(cell, 0))));
    }

    /** The master key the services of the same test run use (the build's test key file), so both read one database. */
    private static MasterKey testMasterKey() {
        String file = System.getProperty("ledger.privacy.master-key-file");
        return file == null ? MasterKey.ofBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                : MasterKey.fromFile(java.nio.file.Path.of(file));
    }
}
