package cn.gongkai.ledger.infra.mongo;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB-compatible server as its own process (infra/bin/mongo-standalone.sh).
 * Environment: {@code LEDGER_DATA_DIR} (default {@code ./.ledger-data}; the file is {@code mongo.mv.db} in it),
 * {@code MONGO_HOST} (default 127.0.0.1), {@code MONGO_PORT} (default 27017; 0 picks a free port),
 * {@code LEDGER_MONGO_FSYNC} (default true: force every acknowledged write to the device).
 * Prints {@code mongodb://host:port} on standard output once it accepts connections.
 */
public final class MongoStandalone {
    private MongoStandalone() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", ".ledger-data"));
        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, env.getOrDefault("MONGO_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("MONGO_PORT", "27017")),
                Boolean.parseBoolean(env.getOrDefault("LEDGER_MONGO_FSYNC", "true")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            stopped.countDown();
        }));
        System.out.println(mongo.uri());
        System.out.flush();
        stopped.await();
    }
}
