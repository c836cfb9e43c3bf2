package cn.gongkai.ledger.command.infrastructure;

import cn.gongkai.ledger.report.json.LedgerJson;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.PropertySource;

/**
 * The event store in MongoDB through the MongoDB driver (Boot's {@link MongoClient}): one document per event
 * in {@code domainevents}, the unique {@code (aggregateIdentifier, sequenceNumber)} index giving per-aggregate
 * optimistic concurrency, tracking tokens in {@code trackingtokens}. No transactions (one command appends its
 * events in one insert); Jackson JSON for every serializer. The stored format is in docs/operations.md.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:command-service.properties")
public class EventStoreConfiguration {
    /** The field that holds the event's JSON (Axon's default name is {@code serializedPayload}). */
    public static final String PAYLOAD_FIELD = "payload";
    public static final String META_DATA_FIELD = "metaData";

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(LedgerJson.newMapper())
            .build();

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client,
                                           @Value("${spring.data.mongodb.database}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    @Bean
    public AgencySnapshotsOnlyStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 @Value("${ledger.event-store.look-back}") Duration lookBack) {
        EventEntryConfiguration fields = EventEntryConfiguration.builder()
                .payloadProperty(PAYLOAD_FIELD)
                .metaDataProperty(META_DATA_FIELD)
                .build();
        return new AgencySnapshotsOnlyStorageEngine(MongoEventStorageEngine.builder()
                .eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER)
                .transactionManager(NoTransactionManager.instance()), axonMongoTemplate, fields, lookBack);
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(SERIALIZER)
                .contentType(String.class)
                .build();
    }

    @Bean
    public TransactionManager axonTransactionManager() {
        return NoTransactionManager.instance();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return SERIALIZER;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return SERIALIZER;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return SERIALIZER;
    }
}
