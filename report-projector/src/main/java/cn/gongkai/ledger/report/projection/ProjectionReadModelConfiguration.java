package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.projection.store.AggregateProgressRepository;
import cn.gongkai.ledger.report.projection.store.CaseSummaryRepository;
import cn.gongkai.ledger.report.projection.store.KafkaOffsetRepository;
import cn.gongkai.ledger.report.projection.store.MaterializedReportRepository;
import cn.gongkai.ledger.report.projection.store.ProjectedEventRepository;
import cn.gongkai.ledger.report.projection.store.ReadModelDatabase;
import cn.gongkai.ledger.report.projection.store.RejectedRecordRepository;
import cn.gongkai.ledger.report.projection.store.SequenceGapRepository;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' repositories on Boot's {@link MongoClient} (database {@code MONGODB_DATABASE}, default
 * {@code gongkai-ledger}). Shared by the projector, which writes them, and the query service, which imports
 * this configuration to read them. Bean names are prefixed so that all services can share one context.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionReadModelConfiguration {
    public static final String DATABASE = "${MONGODB_DATABASE:gongkai-ledger}";

    @Bean
    public ReadModelDatabase projectionReadModelDatabase(MongoClient mongoClient, @Value(DATABASE) String database) {
        return new ReadModelDatabase(mongoClient.getDatabase(database));
    }

    @Bean
    public ProjectedEventRepository projectionEventRepository(ReadModelDatabase database) {
        return new ProjectedEventRepository(database);
    }

    @Bean
    public AggregateProgressRepository projectionProgressRepository(ReadModelDatabase database) {
        return new AggregateProgressRepository(database);
    }

    @Bean
    public SequenceGapRepository projectionGapRepository(ReadModelDatabase database) {
        return new SequenceGapRepository(database);
    }

    @Bean
    public CaseSummaryRepository projectionCaseSummaryRepository(ReadModelDatabase database) {
        return new CaseSummaryRepository(database);
    }

    @Bean
    public MaterializedReportRepository projectionReportRepository(ReadModelDatabase database) {
        return new MaterializedReportRepository(database);
    }

    @Bean
    public KafkaOffsetRepository projectionOffsetRepository(ReadModelDatabase database) {
        return new KafkaOffsetRepository(database);
    }

    @Bean
    public RejectedRecordRepository projectionRejectedRecordRepository(ReadModelDatabase database) {
        return new RejectedRecordRepository(database);
    }

    @Bean
    public ReportMaterializer projectionReportMaterializer(ProjectedEventRepository events,
                                                           AggregateProgressRepository progress,
                                                           SequenceGapRepository gaps,
                                                           MaterializedReportRepository reports) {
        return new ReportMaterializer(events, progress, gaps, reports);
    }
}
