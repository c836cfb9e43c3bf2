package cn.gongkai.ledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 must not lose an acknowledged write: a child JVM serves the data file, writers insert as fast as they can
 * and remember every insert the server acknowledged, the child is killed (SIGKILL) in the middle of the writing,
 * restarted on the same file, and every acknowledged document must be there. Three rounds on one file.
 */
class KillNineDurabilityTest {
    private static final int WRITERS = 4;
    private static final int ROUNDS = 3;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < ROUNDS; round++) {
            Child child = Child.start(dataDir);
            warmUp(child.port, round);
            long started = System.nanoTime();
            int before = acknowledged.size();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            try (MongoClient client = client(child.port)) {
                MongoCollection<Document> docs = client.getDatabase("durability").getCollection("docs");
                for (int w = 0; w < WRITERS; w++) {
                    String prefix = "r" + round + "-w" + w + "-";
                    Thread writer = new Thread(() -> write(docs, prefix, writing, acknowledged));
                    writers.add(writer);
                    writer.start();
                }
                Thread.sleep(3000);
                child.process.destroyForcibly();
                assertThat(child.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join(30_000);
                }
            }
            int written = acknowledged.size() - before;
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("[durability] round %d: %d acknowledged inserts by %d writers before SIGKILL "
                    + "(%.0f per second)%n", round, written, WRITERS, written / seconds);
            assertThat(written).as("writes before the kill").isGreaterThan(10);

            Child restarted = Child.start(dataDir);
            try (MongoClient client = client(restarted.port)) {
                Set<String> stored = new HashSet<>();
                client.getDatabase("durability").getCollection("docs").find()
                        .forEach(d -> stored.add(d.getString("_id")));
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertThat(lost).as("acknowledged but lost after kill -9").isEmpty();
            } finally {
                restarted.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * One insert acknowledged before the writers start, however long a cold child JVM on a loaded machine takes
     * to answer its first command, so that the kill falls among the writes, not before the first one.
     */
    private static void warmUp(int port, int round) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (MongoClient client = client(port)) {
                client.getDatabase("durability").getCollection("warm-up").insertOne(new Document("round", round));
                return;
            } catch (RuntimeException slow) {
                if (System.nanoTime() > deadline) {
                    throw slow;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void write(MongoCollection<Document> docs, String prefix, AtomicBoolean writing,
                              Set<String> acknowledged) {
        for (int i = 0; writing.get(); i++) {
            String id = prefix + i;
            try {
                docs.insertOne(new Document("_id", id).append("n", i).append("text", "政府信息公开 " + id));
                acknowledged.add(id);
            } catch (RuntimeException serverGone) {
                return;
            }
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/?retryWrites=false"))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private record Child(Process process, int port) {
        static Child start(Path dataDir) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    MongoChild.class.getName(), dataDir.toString())
                    .redirectError(new File(dataDir.toFile(), "child.log"))
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return new Child(process, Integer.parseInt(line.substring(6).trim()));
                }
            }
            throw new IllegalStateException("the child server did not start; see " + dataDir.resolve("child.log"));
        }
    }
}
