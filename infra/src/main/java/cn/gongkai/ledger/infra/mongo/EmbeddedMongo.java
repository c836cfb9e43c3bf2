package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * A MongoDB-compatible server in this process (mongo-java-server), its data in one file that survives restarts
 * and kills ({@link DurableH2Backend}). It speaks the MongoDB wire protocol, so the services use the real
 * MongoDB driver against it. It has no transactions or change streams; its non-unique indexes are kept in memory and rebuilt
 * from the data when it starts ({@link IndexingH2Database}).
 */
public final class EmbeddedMongo implements AutoCloseable {
    public static final String DATA_FILE = "mongo.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Starts on {@code host:port} (port 0: any free port) with its data in {@code dataDir/mongo.mv.db}; with
     * {@code fsync} every acknowledged write is forced to the device, without it only written to the file (which
     * survives a killed process, not a power cut).
     */
    public static EmbeddedMongo start(Path dataDir, String host, int port, boolean fsync) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        MongoServer server;
        try {
            server = new MongoServer(DurableH2Backend.open(dataDir.resolve(DATA_FILE), fsync));
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new DataInUseException(dataDir, e);
            }
            throw e;
        }
        server.bind(host, port);
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    /** The data file is held by another server: a running ledger, or an operator command, on the same folder. */
    public static final class DataInUseException extends IllegalStateException {
        DataInUseException(Path dataDir, MVStoreException cause) {
            super("the data folder " + dataDir.toAbsolutePath() + " is in use by another process", cause);
        }
    }

    public int port() {
        return address.getPort();
    }

    public String uri() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Closes every connection and the data file (a clean close commits everything). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
