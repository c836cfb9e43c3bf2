package cn.gongkai.ledger.readmodel;

import cn.gongkai.ledger.privacy.PersonalDataCipher;
import cn.gongkai.ledger.privacy.PrivacyConfiguration;
import cn.gongkai.ledger.readmodel.eventstore.EventStoreRecordedEvents;
import cn.gongkai.ledger.readmodel.eventstore.EventStoreSecurityFacts;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.readmodel.query.AgencyHierarchy;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.query.RecordedEvents;
import cn.gongkai.ledger.readmodel.query.ReportQueries;
import cn.gongkai.ledger.readmodel.query.RequestHistories;
import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
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
import org.springframework.context.annotation.Import;

/**
 * The read models on Boot's {@link MongoClient} (database {@code MONGODB_DATABASE}, default
 * {@code gongkai-ledger}) and their read-only API ({@link cn.gongkai.ledger.readmodel.query}): what the query
 * service imports. The write side is {@link ReadModelWriteConfiguration}, imported by the projector alone. The
 * read beans build their own store accessors, so that no write repository is a bean of the query service. The
 * read models hold applicants' personal data sealed, as the events do; the read API opens it
 * ({@link PersonalDataCipher}): the clear value, or 已删除 once the case was erased.
 */
@Configuration(proxyBeanMethods = false)
@Import(PrivacyConfiguration.class)
public class ReadModelConfiguration {
    public static final String DATABASE = "${MONGODB_DATABASE:gongkai-ledger}";

    @Bean
    public ReadModelDatabase projectionReadModelDatabase(MongoClient mongoClient, @Value(DATABASE) String database) {
        return new ReadModelDatabase(mongoClient.getDatabase(database));
    }

    @Bean
    public CaseSummaries readModelCaseSummaries(ReadModelDatabase database, PersonalDataCipher personalDataCipher) {
        return new CaseSummaries(database, personalDataCipher);
    }

    @Bean
    public CountedEvents readModelCountedEvents(ReadModelDatabase database) {
        return new CountedEvents(new ProjectedEventRepository(database), new AggregateProgressRepository(database));
    }

    @Bean
    public RequestHistories readModelRequestHistories(ReadModelDatabase database,
                                                      PersonalDataCipher personalDataCipher) {
        return new RequestHistories(database, new ProjectedEventRepository(database), personalDataCipher);
    }

    /** The security module's facts and the audit's command history, from the one event-store reader. */
    @Bean
    public EventStoreSecurityFacts readModelSecurityFacts(MongoClient mongoClient, @Value(DATABASE) String database) {
        return new EventStoreSecurityFacts(new MongoEventStoreReader(mongoClient.getDatabase(database)));
    }

    /** The agency's events as the event store holds them, for the reports as known at a past instant. */
    @Bean
    public RecordedEvents readModelRecordedEvents(MongoClient mongoClient, @Value(DATABASE) String database,
                                                  ReadModelDatabase readModel) {
        return new EventStoreRecordedEvents(new MongoEventStoreReader(mongoClient.getDatabase(database)),
                new AggregateProgressRepository(readModel));
    }

    @Bean
    public AgencyHierarchy readModelAgencyHierarchy(ReadModelDatabase database) {
        return new AgencyHierarchy(new AgencyTreeRepository(database));
    }

    @Bean
    public ReportQueries readModelReportQueries(ReadModelDatabase database) {
        return new ReportQueries(new MaterializedReportRepository(database), new SequenceGapRepository(database),
                new PublishedReportRepository(database));
    }
}
