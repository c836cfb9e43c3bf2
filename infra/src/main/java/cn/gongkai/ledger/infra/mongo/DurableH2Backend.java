package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made durable: its MVStore never commits on a timer (auto-commit disabled);
 * instead every command is committed (written to the file) before it is answered, so a write the client saw
 * acknowledged survives a kill -9, and a command's writes are stored together. With {@code forceToDisk} the file
 * is also forced to the device (fsync) before the answer, so it survives a power cut too. Concurrent commands
 * share a force: one that finds its version already forced by another does not force again. Its databases
 * maintain and use the non-unique indexes the plain backend ignores ({@link IndexingH2Database}).
 */
public final class DurableH2Backend extends H2Backend {
    private final Object forceLock = new Object();
    private final boolean forceToDisk;
    private long forcedVersion;

    private DurableH2Backend(MVStore store, boolean forceToDisk) {
        super(store);
        this.forceToDisk = forceToDisk;
        this.forcedVersion = store.getCurrentVersion();
    }

    public static DurableH2Backend open(Path file, boolean forceToDisk) {
        return new DurableH2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open(),
                forceToDisk);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexingH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            makeDurable();
        }
    }

    private void makeDurable() {
        MVStore store = getMvStore();
        store.commit();
        if (!forceToDisk) {
            return;
        }
        long version = store.getCurrentVersion();
        synchronized (forceLock) {
            if (version > forcedVersion) {
                store.sync();
                forcedVersion = version;
            }
        }
    }
}
