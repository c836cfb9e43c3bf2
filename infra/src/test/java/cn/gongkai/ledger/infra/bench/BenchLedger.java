package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.command.infrastructure.KafkaEventPublisher;
import cn.gongkai.ledger.infra.LedgerStandalone;
import cn.gongkai.ledger.infra.LedgerStandalone.EmbeddedInfrastructure;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded ledger as {@code ./bin/run-embedded} runs it (durable embedded MongoDB-compatible server, in-process
 * Kafka broker, the three services in one Spring context), started in this process on free ports with its data in a
 * fresh temporary folder, which {@link #close()} deletes. One deviation: Tomcat keeps a connection open for any
 * number of requests (its default closes it after 100), so that a run uses one connection throughout.
 */
record BenchLedger(Path dataDir, EmbeddedInfrastructure infrastructure, ConfigurableApplicationContext context,
                   MongoClient mongo) implements AutoCloseable {
    private static final String DATABASE = "gongkai-ledger";
    private static final String SCRATCH_DATABASE = "ledger-bench-scratch";

    static BenchLedger start(boolean fsync) {
        System.setProperty("disable-axoniq-console-message", "true");
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("ledger-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDir, 0, 0, fsync);
        try {
            ConfigurableApplicationContext context = LedgerStandalone.run(infrastructure, "--server.port=0",
                    "--spring.main.banner-mode=off", "--server.tomcat.max-keep-alive-requests=-1");
            return new BenchLedger(dataDir, infrastructure, context, MongoClients.create(infrastructure.mongo().uri()));
        } catch (RuntimeException e) {
            infrastructure.close();
            delete(dataDir);
            throw e;
        }
    }

    /** A bearer token of the officer of the bench's agency (every role). */
    String token(String agency) {
        return cn.gongkai.ledger.security.testing.TestOfficers.of(infrastructure.mongo().uri(), DATABASE).tokenFor(agency);
    }

    int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The events in the event store. */
    long storedEvents() {
        return eventStore().count();
    }

    private MongoEventStoreReader eventStore() {
        return new MongoEventStoreReader(mongo.getDatabase(DATABASE));
    }

    /** Stops the report projector (its Kafka consumer), once it has stopped. */
    void pauseProjector() {
        context.getBean(KafkaProjectionConsumer.class).stop();
    }

    /** Starts the report projector again, from its stored offsets. */
    void resumeProjector() {
        context.getBean(KafkaProjectionConsumer.class).start();
    }

    /** Stops the Kafka publisher (the tracking event processor), once it has stopped. */
    void pausePublisher() {
        publisher().shutDown();
    }

    /** Starts the Kafka publisher again, from its token. */
    void resumePublisher() {
        publisher().start();
    }

    private EventProcessor publisher() {
        return context.getBean(EventProcessingConfiguration.class).eventProcessor(KafkaEventPublisher.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException("no event processor " + KafkaEventPublisher.PROCESSING_GROUP));
    }

    /**
     * Nanoseconds of one insert of {@code document} into a scratch collection of the same server (another database
     * in the same data file, so it is committed, and forced to the device, exactly like an event append).
     */
    long timedScratchInsert(Document document) {
        MongoCollection<Document> scratch = mongo.getDatabase(SCRATCH_DATABASE).getCollection("scratch");
        long start = System.nanoTime();
        scratch.insertOne(document);
        return System.nanoTime() - start;
    }

    /**
     * Nanoseconds of reading one aggregate's events from the event store with the query Axon's MongoDB event
     * store issues to load an aggregate (aggregate id, sequence from 0, ordered by sequence).
     */
    long timedAggregateLoad(String aggregateId) {
        MongoEventStoreReader events = eventStore();
        long start = System.nanoTime();
        int found = events.loadAsAxonDoes(aggregateId);
        long nanos = System.nanoTime() - start;
        if (found == 0) {
            throw new IllegalStateException("no events of " + aggregateId);
        }
        return nanos;
    }

    @Override
    public void close() {
        mongo.close();
        context.close();
        infrastructure.close();
        delete(dataDir);
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
