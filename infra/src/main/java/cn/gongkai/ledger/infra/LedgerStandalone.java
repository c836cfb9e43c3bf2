package cn.gongkai.ledger.infra;

import cn.gongkai.ledger.infra.kafka.InProcessKafka;
import cn.gongkai.ledger.infra.mongo.EmbeddedMongo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole ledger in one process, on the same code path as production: an embedded MongoDB-compatible server
 * (file-backed, durable) and an in-process Kafka broker, then one Spring context that serves the command service,
 * the report projector and the query service on one port (SERVER_PORT, default 8080). Events go from the event
 * store through the real Kafka broker to the projector, exactly as between separate services.
 *
 * <p>Environment: {@code LEDGER_DATA_DIR} (default {@code ./.ledger-data}: {@code mongo/} and {@code kafka/}),
 * {@code LEDGER_MONGO_PORT} and {@code LEDGER_KAFKA_PORT} (default 0: free ports on 127.0.0.1),
 * {@code LEDGER_MONGO_FSYNC} (default true), {@code SERVER_PORT}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "cn.gongkai.ledger", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        // The security module is an auto-configuration that imports its own beans.
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "cn\\.gongkai\\.ledger\\.security\\..*")})
public class LedgerStandalone {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", ".ledger-data"));
        EmbeddedInfrastructure infrastructure;
        try {
            infrastructure = EmbeddedInfrastructure.start(dataDir,
                    Integer.parseInt(env.getOrDefault("LEDGER_MONGO_PORT", "0")),
                    Integer.parseInt(env.getOrDefault("LEDGER_KAFKA_PORT", "0")),
                    Boolean.parseBoolean(env.getOrDefault("LEDGER_MONGO_FSYNC", "true")));
        } catch (EmbeddedMongo.DataInUseException inUse) {
            System.err.println("数据目录 " + dataDir.toAbsolutePath() + " 正被另一进程使用（已在运行的台账，或 bin/ledger-user、"
                    + "bin/ledger-rebuild）：请先停止它，或以 LEDGER_DATA_DIR 另指目录。 / The data folder "
                    + dataDir.toAbsolutePath() + " is in use by another process (a ledger already running, or "
                    + "bin/ledger-user, bin/ledger-rebuild): stop it first, or set LEDGER_DATA_DIR to another folder.");
            System.exit(1);
            return;
        }
        ConfigurableApplicationContext context = run(infrastructure, args);
        // Printed once every service is up and the port is bound: the address to open in a browser.
        System.out.println("公开台账已就绪 / Gongkai Ledger is ready: http://localhost:"
                + context.getEnvironment().getProperty("local.server.port") + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            infrastructure.close();
        }, "ledger-shutdown"));
    }

    /**
     * Starts the services on the given infrastructure; the arguments come after (and so override) the addresses.
     * The caller closes the context before the infrastructure.
     */
    public static ConfigurableApplicationContext run(EmbeddedInfrastructure infrastructure, String... args) {
        return run(infrastructure.mongo().uri(), infrastructure.kafka().bootstrapServers(), args);
    }

    /** Starts the services on a MongoDB and a Kafka cluster given by address (a real cluster, for instance). */
    public static ConfigurableApplicationContext run(String mongoUri, String kafkaBootstrapServers, String... args) {
        List<String> arguments = new ArrayList<>(List.of(
                "--MONGODB_URI=" + mongoUri,
                "--KAFKA_BOOTSTRAP_SERVERS=" + kafkaBootstrapServers));
        arguments.addAll(List.of(args));
        SpringApplication application = new SpringApplication(LedgerStandalone.class);
        application.setRegisterShutdownHook(false);
        return application.run(arguments.toArray(String[]::new));
    }

    /** The embedded MongoDB-compatible server and Kafka broker, their data in one folder. */
    public record EmbeddedInfrastructure(EmbeddedMongo mongo, InProcessKafka kafka) implements AutoCloseable {
        public static EmbeddedInfrastructure start(Path dataDir, int mongoPort, int kafkaPort, boolean fsync) {
            EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("mongo"), "127.0.0.1", mongoPort, fsync);
            try {
                return new EmbeddedInfrastructure(mongo, InProcessKafka.start(dataDir.resolve("kafka"), kafkaPort));
            } catch (RuntimeException kafkaFailed) {
                mongo.close();
                throw kafkaFailed;
            }
        }

        @Override
        public void close() {
            kafka.close();
            mongo.close();
        }
    }
}
