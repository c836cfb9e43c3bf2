package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where {@code POST …/publication} stores its snapshot. */
@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {
    @Bean
    public PublishedReportRepository publishedReportRepository(ReadModelDatabase database) {
        return new PublishedReportRepository(database);
    }
}
