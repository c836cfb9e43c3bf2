package cn.gongkai.ledger.readmodel;

import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.query.ReportQueries;
import cn.gongkai.ledger.readmodel.query.RequestHistories;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models on Boot's {@link MongoClient} (database {@code MONGODB_DATABASE}, default
 * {@code gongkai-ledger}) and their read-only API ({@link cn.gongkai.ledger.readmodel.query}): what the query
 * service imports. The write side is {@link ReadModelWriteConfiguration}, imported by the projector alone. The
 * read beans build their own store accessors, so that no write repository is a bean of the query service.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {
    public static final String DATABASE = "${MONGODB_DATABASE:gongkai-ledger}";

    @Bean
    public ReadModelDatabase projectionReadModelDatabase(MongoClient mongoClient, @Value(DATABASE) String database) {
        return new ReadModelDatabase(mongoClient.getDatabase(database));
    }

    @Bean
    public CaseSummaries readModelCaseSummaries(ReadModelDatabase database) {
        return new CaseSummaries(database);
    }

    @Bean
    public CountedEvents readModelCountedEvents(ReadModelDatabase database) {
        return new CountedEvents(new ProjectedEventRepository(database), new AggregateProgressRepository(database));
    }

    @Bean
    public RequestHistories readModelRequestHistories(ReadModelDatabase database) {
        return new RequestHistories(database, new ProjectedEventRepository(database));
    }

    @Bean
    public ReportQueries readModelReportQueries(ReadModelDatabase database) {
        return new ReportQueries(new MaterializedReportRepository(database), new SequenceGapRepository(database),
                new PublishedReportRepository(database));
    }
}
