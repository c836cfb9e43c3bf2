package cn.gongkai.ledger.infra;

import cn.gongkai.ledger.infra.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.Map;

/**
 * The MongoDB an operator command works on ({@code bin/ledger-user}, {@code bin/ledger-rebuild}): that of
 * {@code MONGODB_URI} when it is set, else the embedded run's data folder ({@code LEDGER_DATA_DIR}, default
 * {@code .ledger-data}) opened for the time of the command — which fails while the embedded ledger runs, since
 * its server holds the data file. The database is {@code MONGODB_DATABASE} (default {@code gongkai-ledger}).
 */
record OperatorMongo(MongoClient client, EmbeddedMongo embedded, String databaseName) implements AutoCloseable {
    /**
     * @param whenInUse what to tell the operator when the embedded data folder is in use (after "Is the embedded
     *                  server running? Stop it first")
     * @throws IllegalStateException when the embedded data folder cannot be opened
     */
    static OperatorMongo open(Map<String, String> env, String whenInUse) {
        String database = env.getOrDefault("MONGODB_DATABASE", "gongkai-ledger");
        String uri = env.get("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            return new OperatorMongo(MongoClients.create(uri), null, database);
        }
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", ".ledger-data"));
        EmbeddedMongo mongo;
        try {
            mongo = EmbeddedMongo.start(dataDir.resolve("mongo"), "127.0.0.1", 0, true);
        } catch (RuntimeException inUse) {
            throw new IllegalStateException("cannot open " + dataDir.resolve("mongo") + " (" + inUse.getMessage()
                    + "). Is the embedded server running? Stop it first" + whenInUse);
        }
        return new OperatorMongo(MongoClients.create(mongo.uri()), mongo, database);
    }

    /** Whether this is the embedded data folder (no other process can be using it meanwhile). */
    boolean isEmbedded() {
        return embedded != null;
    }

    MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
