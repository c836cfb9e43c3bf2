package cn.gongkai.ledger.command.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * The MongoDB the tests run against: the real one named by {@code MONGODB_URI} when it is set, otherwise an
 * in-process mongo-java-server (memory backend), announced on stderr so a run without a real MongoDB is visible.
 */
public final class TestMongo {
    private static String uri;

    private TestMongo() {
    }

    public static synchronized String uri() {
        if (uri == null) {
            String configured = System.getenv("MONGODB_URI");
            if (configured != null && !configured.isBlank()) {
                System.err.println("[TestMongo] running against the real MongoDB of MONGODB_URI");
                uri = configured;
            } else {
                System.err.println("[TestMongo] MONGODB_URI is not set: FALLING BACK to an in-process "
                        + "mongo-java-server (memory backend); set MONGODB_URI to run against a real MongoDB");
                MongoServer server = new MongoServer(new MemoryBackend());
                server.bind("127.0.0.1", 0);
                InetSocketAddress address = server.getLocalAddress();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
                uri = "mongodb://127.0.0.1:" + address.getPort();
            }
        }
        return uri;
    }

    /**
     * A database of its own for this test run, so runs against a real MongoDB never see each other; on a real
     * MongoDB it is dropped when the test JVM ends.
     */
    public static String freshDatabase(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String configured = System.getenv("MONGODB_URI");
        if (configured != null && !configured.isBlank()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (MongoClient client = MongoClients.create(configured)) {
                    client.getDatabase(name).drop();
                }
            }));
        }
        return name;
    }
}
