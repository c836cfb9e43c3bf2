package cn.gongkai.ledger.infra.kafka;

import cn.gongkai.ledger.infra.testing.Pause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster on 127.0.0.1 for the fault tests: {@code n} KRaft nodes (broker and controller each), every
 * node its own JVM process started from the Maven Central jars on the test's class path, replication factor
 * {@code n} and {@code min.insync.replicas} {@code n - 1} by default, so the cluster keeps accepting writes with
 * one node down. A node can be killed ({@code SIGKILL}) and started again on its folder.
 */
public final class LocalKafkaCluster implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final List<Integer> brokerPorts;
    private final List<Path> configs = new ArrayList<>();
    private final Map<Integer, Process> nodes = new LinkedHashMap<>();

    private LocalKafkaCluster(Path dir, List<Integer> brokerPorts) {
        this.dir = dir;
        this.brokerPorts = brokerPorts;
    }

    /**
     * Formats {@code n} nodes under {@code dir}, starts them, and returns once all {@code n} serve. A port taken by
     * another process between choosing it and binding it makes a node exit: then the cluster is started once more
     * on new ports in a new folder.
     */
    public static LocalKafkaCluster start(Path dir, int n) {
        try {
            return startOnce(dir.resolve("attempt-1"), n);
        } catch (IllegalStateException firstAttempt) {
            return startOnce(dir.resolve("attempt-2"), n);
        }
    }

    private static LocalKafkaCluster startOnce(Path dir, int n) {
        List<Integer> ports = freePorts(2 * n);
        List<Integer> brokerPorts = ports.subList(0, n);
        List<Integer> controllerPorts = ports.subList(n, 2 * n);
        String voters = IntStream.range(0, n).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        LocalKafkaCluster cluster = new LocalKafkaCluster(dir, brokerPorts);
        try {
            for (int i = 0; i < n; i++) {
                Path logDir = dir.resolve("node-" + (i + 1));
                Properties p = properties(i + 1, n, voters, logDir, brokerPorts.get(i), controllerPorts.get(i));
                InProcessKafka.format(logDir, KafkaConfig.fromProps(p, false), clusterId);
                Path config = dir.resolve("node-" + (i + 1) + ".properties");
                try (OutputStream out = Files.newOutputStream(config)) {
                    p.store(out, "node " + (i + 1));
                }
                cluster.configs.add(config);
            }
            for (int node = 1; node <= n; node++) {
                cluster.startNode(node);
            }
            cluster.awaitNodes(n);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("cannot start a " + n + "-node Kafka cluster in " + dir, e);
        }
    }

    /** {@code count} distinct free ports: all held open together while they are chosen, so none repeats. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
                held.add(socket);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no free ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that accepted nothing
                }
            }
        }
    }

    /** One node's configuration: the single node's, as one of {@code n} voters, with replication {@code n}. */
    private static Properties properties(int nodeId, int n, String voters, Path logDir, int brokerPort,
                                         int controllerPort) {
        Properties p = InProcessKafka.properties(logDir, brokerPort, controllerPort);
        p.putAll(Map.of(
                "node.id", String.valueOf(nodeId),
                "controller.quorum.voters", voters,
                "num.partitions", "3",
                "default.replication.factor", String.valueOf(n),
                "min.insync.replicas", String.valueOf(Math.max(1, n - 1)),
                "offsets.topic.replication.factor", String.valueOf(n),
                "transaction.state.log.replication.factor", String.valueOf(n),
                "transaction.state.log.min.isr", String.valueOf(Math.max(1, n - 1)),
                "unclean.leader.election.enable", "false"));
        return p;
    }

    public String bootstrapServers() {
        return brokerPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** Starts node {@code node} (1-based) as its own JVM process, its output in the cluster's folder. */
    public void startNode(int node) {
        Path config = configs.get(node - 1);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j.configuration=file:" + Path.of("kafka-standalone/log4j.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "kafka.Kafka", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node-" + node + ".log").toFile());
        try {
            nodes.put(node, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Kafka node " + node, e);
        }
    }

    /** Kills node {@code node} at once, as a crash would (no controlled shutdown). */
    public void kill(int node) {
        Process process = nodes.remove(node);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The id of the node leading partition {@code partition} of {@code topic}. */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().get(partition).leader().id();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitNodes(int n) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == n) {
                    return;
                }
            } catch (ExecutionException | TimeoutException notYet) {
                // the nodes are still electing a controller or starting their brokers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            for (Map.Entry<Integer, Process> node : nodes.entrySet()) {
                if (!node.getValue().isAlive()) {
                    throw new IllegalStateException("Kafka node " + node.getKey() + " exited:\n" + tail(node.getKey()));
                }
            }
            Pause.millis(500);
        }
        throw new IllegalStateException("the Kafka cluster in " + dir + " did not get " + n + " nodes in time");
    }

    /** The last lines a node wrote. */
    private String tail(int node) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("node-" + node + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }


    @Override
    public void close() {
        List.copyOf(nodes.keySet()).forEach(this::kill);
    }
}
