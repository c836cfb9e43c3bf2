package cn.gongkai.ledger.infra;

import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.report.projection.projector.EventProjector;
import cn.gongkai.ledger.report.projection.projector.StoreRebuild;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/ledger-rebuild}: rebuilds every read model from the event store, for an operator (after a change to
 * how the read models are derived, or when they are suspected wrong).
 *
 * <pre>
 * bin/ledger-rebuild                       # the embedded run's data folder, with the embedded ledger stopped
 * bin/ledger-rebuild --projector-stopped   # MONGODB_URI's database, with every report projector stopped
 * </pre>
 *
 * <p>It drops the read models ({@link ReadModelDatabase#COLLECTIONS}) and counts every stored event again
 * ({@link StoreRebuild}: one sorted read of {@code domainevents}, or {@code EVENT_STORE_COLLECTION}, each report
 * written once at the end), with the projector's own rules (gaps, quarantine, summaries, publications, the
 * hierarchy). Two things are kept: the Kafka offsets ({@code projection_offsets}), so that a projector started
 * afterwards goes on from where it was (every record before them is an event of the store, now counted; records
 * after them are counted once more, which changes nothing), and the quarantined records that were never valid
 * events (they exist only on the topic). The rebuild assumes that nothing else writes the read models meanwhile:
 * on the embedded data folder that is enforced (the running ledger holds the data file, so the command refuses to
 * start); on a MongoDB of {@code MONGODB_URI} the operator stops every report projector first and says so with
 * {@code --projector-stopped}. Run again, or again after it was killed, it gives the same read model.
 *
 * <p>Exit code 0 when rebuilt, 1 when it could not be, 2 on a usage error.
 */
public final class RebuildCli {
    static final String USAGE = """
            usage: ledger-rebuild [--projector-stopped]
              rebuilds every read model from the event store; the Kafka offsets are kept.
              Without MONGODB_URI: the embedded data folder (LEDGER_DATA_DIR), with the embedded ledger stopped.
              With MONGODB_URI: --projector-stopped is required (stop every report projector first).""";
    static final String PROJECTOR_STOPPED = "--projector-stopped";

    private RebuildCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean projectorStopped = false;
        for (String arg : args) {
            if (arg.equals(PROJECTOR_STOPPED)) {
                projectorStopped = true;
            } else {
                err.println("unexpected argument: " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        String uri = env.get("MONGODB_URI");
        if (uri != null && !uri.isBlank() && !projectorStopped) {
            err.println("MONGODB_URI is set: stop every report projector, then run with " + PROJECTOR_STOPPED
                    + " (a projector writing meanwhile would leave reports of what it counted, not of the store)");
            err.println(USAGE);
            return 2;
        }
        try (OperatorMongo store = OperatorMongo.open(env, " (the rebuild must be the only writer of the read models).")) {
            long start = System.nanoTime();
            MongoDatabase database = store.database();
            int dropped = dropReadModels(database);
            MongoEventStoreReader eventStore = new MongoEventStoreReader(database, env.get("EVENT_STORE_COLLECTION"));
            EventProjector projector = EventProjector.over(new ReadModelDatabase(database), eventStore,
                    Clock.systemUTC());
            EventProjector.Rebuilt rebuilt = StoreRebuild.run(eventStore, projector);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("rebuilt every read model of %s from the event store: %,d events of %,d cases and agencies,"
                            + " the reports of %,d agencies, in %.1f s (%,.0f events/s); %d read-model collections were"
                            + " dropped, the Kafka offsets kept%n", store.isEmbedded() ? "the embedded data folder"
                            : "database " + store.databaseName(), rebuilt.events(), rebuilt.aggregates(),
                    rebuilt.agencies(), seconds, rebuilt.events() / Math.max(seconds, 1e-9), dropped);
            return 0;
        } catch (RuntimeException e) {
            err.println("the rebuild failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Drops every read-model collection but the Kafka offsets; of the quarantine, keeps the records that were never
     * valid events. Returns how many collections were dropped.
     */
    private static int dropReadModels(MongoDatabase database) {
        int dropped = 0;
        List<String> existing = database.listCollectionNames().into(new java.util.ArrayList<>());
        for (String name : ReadModelDatabase.COLLECTIONS) {
            if (name.equals(ReadModelDatabase.OFFSETS) || !existing.contains(name)) {
                continue;
            }
            if (name.equals(ReadModelDatabase.QUARANTINE)) {
                database.getCollection(name).deleteMany(Filters.ne("stage",
                        cn.gongkai.ledger.readmodel.store.QuarantineRepository.Stage.DECODE.name()));
                continue;
            }
            database.getCollection(name).drop();
            dropped++;
        }
        return dropped;
    }
}
