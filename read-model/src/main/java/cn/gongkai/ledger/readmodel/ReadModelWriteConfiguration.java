package cn.gongkai.ledger.readmodel;

import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.CaseSummaryRepository;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The read models' write side: the repositories the projector writes (and reads back), on the database of
 * {@link ReadModelConfiguration}. Only the projector imports it; the query service imports
 * {@link ReadModelConfiguration} alone and gets the read-only API. Bean names are prefixed so that all services
 * can share one context.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReadModelConfiguration.class)
public class ReadModelWriteConfiguration {

    @Bean
    public PublishedReportRepository projectionPublishedReportRepository(ReadModelDatabase database) {
        return new PublishedReportRepository(database);
    }

    @Bean
    public AgencyTreeRepository projectionAgencyTreeRepository(ReadModelDatabase database) {
        return new AgencyTreeRepository(database);
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
    public QuarantineRepository projectionQuarantineRepository(ReadModelDatabase database) {
        return new QuarantineRepository(database);
    }
}
