package cn.gongkai.ledger.report.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * MongoDB for the tests: one in-memory mongo-java-server per JVM (a fresh database per caller), or the real
 * MongoDB named by {@code MONGODB_URI} for the tests that ask for it.
 */
public final class TestMongo {
    private static MongoServer server;
    private static MongoClient inMemoryClient;
    private static MongoClient realClient;

    private TestMongo() {
    }

    /** The connection string of the in-memory server. */
    public static synchronized String inMemoryUri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            inMemoryClient = MongoClients.create(uri(server.getLocalAddress()));
        }
        return uri(server.getLocalAddress());
    }

    /** A fresh database on the in-memory server. */
    public static MongoDatabase freshInMemoryDatabase() {
        inMemoryUri();
        return inMemoryClient.getDatabase(freshName());
    }

    /** A fresh database on the real MongoDB of {@code MONGODB_URI}; skips the test, saying so, when it is not set. */
    public static synchronized MongoDatabase freshRealDatabase() {
        String uri = System.getenv("MONGODB_URI");
        Assumptions.assumeTrue(uri != null && !uri.isBlank(),
                "MONGODB_URI is not set: skipping the tests against a real MongoDB (they ran against mongo-java-server)");
        if (realClient == null) {
            realClient = MongoClients.create(uri);
        }
        return realClient.getDatabase(freshName());
    }

    public static String freshName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
