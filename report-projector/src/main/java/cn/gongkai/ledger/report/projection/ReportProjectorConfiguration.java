package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.readmodel.ReadModelWriteConfiguration;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import cn.gongkai.ledger.readmodel.eventstore.EventStoreReader;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.projection.reconcile.Reconciliation;
import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.CaseSummaryRepository;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The projector: the Kafka consumer (env {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_TOPIC}; off when
 * {@code PROJECTOR_KAFKA_ENABLED=false}), the event projector, the event-store reader (collection
 * {@code EVENT_STORE_COLLECTION}, by default Axon's, in the same database) and the reconciliation.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReadModelWriteConfiguration.class)
public class ReportProjectorConfiguration {

    @Bean
    public EventStoreReader projectionEventStoreReader(ReadModelDatabase database,
                                                       @Value("${EVENT_STORE_COLLECTION:}") String collection) {
        return new MongoEventStoreReader(database.database(), collection);
    }

    @Bean
    public ReportMaterializer projectionReportMaterializer(CountedEvents counted, SequenceGapRepository gaps,
                                                           MaterializedReportRepository reports) {
        return new ReportMaterializer(counted, gaps, reports);
    }

    @Bean
    public EventProjector projectionEventProjector(ProjectedEventRepository events, AggregateProgressRepository progress,
                                                   SequenceGapRepository gaps, CaseSummaryRepository cases,
                                                   PublishedReportRepository publications,
                                                   AgencyTreeRepository agencies,
                                                   ReportMaterializer reports, EventStoreReader eventStore,
                                                   QuarantineRepository quarantine) {
        return new EventProjector(events, progress, gaps, cases, publications, agencies, reports, eventStore,
                quarantine, Clock.systemUTC());
    }

    @Bean
    public Reconciliation projectionReconciliation(EventStoreReader eventStore, ReportMaterializer readModel,
                                                   MaterializedReportRepository reports, SequenceGapRepository gaps,
                                                   QuarantineRepository quarantine) {
        return new Reconciliation(eventStore, readModel, reports, gaps, quarantine);
    }

    @Bean
    @ConditionalOnProperty(name = "PROJECTOR_KAFKA_ENABLED", havingValue = "true", matchIfMissing = true)
    public KafkaProjectionConsumer projectionKafkaConsumer(
            @Value("${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}") String bootstrapServers,
            @Value("${KAFKA_TOPIC:gongkai-ledger.events}") String topic,
            @Value("${PROJECTOR_GAP_RETRY_SECONDS:30}") long gapRetrySeconds,
            @Value("${LEDGER_PROJECTOR_GROUP_ID:}") String groupId,
            EventProjector projector, KafkaOffsetRepository offsets) {
        return new KafkaProjectionConsumer(new KafkaProjectionConsumer.Settings(bootstrapServers, topic,
                "gongkai-ledger-report-projector", Duration.ofMillis(500), Duration.ofSeconds(gapRetrySeconds),
                Duration.ofSeconds(2), groupId), projector, offsets, Clock.systemUTC());
    }
}
