package cn.gongkai.ledger.command.infrastructure;

import cn.gongkai.ledger.api.common.InputLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The events topic. It is created on first use (not at start-up, so commands are accepted while Kafka is down)
 * with the configured partitions and the broker's default replication factor.
 */
public final class EventTopic {
    private final String bootstrapServers;
    private final String name;
    private final int partitions;
    private volatile boolean ensured;

    public EventTopic(String bootstrapServers, String name, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.name = name;
        this.partitions = partitions;
    }

    public String name() {
        return name;
    }

    /** Creates the topic unless it exists; throws (so the caller retries) while the broker cannot be reached. */
    public void ensureExists() {
        if (ensured) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())
                            .configs(Map.of("max.message.bytes", String.valueOf(InputLimits.KAFKA_MAX_MESSAGE_BYTES)))))
                    .all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        }
        ensured = true;
    }
}
