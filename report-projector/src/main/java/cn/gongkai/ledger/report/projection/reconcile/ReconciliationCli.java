package cn.gongkai.ledger.report.projection.reconcile;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.store.AggregateProgressRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.PrintStream;
import java.util.Map;

/**
 * The reconciliation from the command line, without Spring:
 * {@code java -cp … cn.gongkai.ledger.report.projection.reconcile.ReconciliationCli AGENCY_ID YEAR}, with env
 * {@code MONGODB_URI}, {@code MONGODB_DATABASE} and {@code EVENT_STORE_COLLECTION}. Prints the result as JSON;
 * exits 0 when every cell agrees, 1 when some differ, 2 on a usage error.
 */
public final class ReconciliationCli {
    public static final int CONSISTENT = 0;
    public static final int DIFFERENT = 1;
    public static final int USAGE = 2;

    private ReconciliationCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one reconciliation; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        AgencyId agencyId;
        int year;
        try {
            if (args.length != 2) {
                throw new IllegalArgumentException("expected 2 arguments, got " + args.length);
            }
            agencyId = new AgencyId(args[0]);
            year = Integer.parseInt(args[1]);
        } catch (IllegalArgumentException e) {
            err.println("usage: ReconciliationCli AGENCY_ID YEAR (" + e.getMessage() + ")");
            return USAGE;
        }
        try (MongoClient client = MongoClients.create(env.getOrDefault("MONGODB_URI", "mongodb://localhost:27017"))) {
            MongoDatabase database = client.getDatabase(env.getOrDefault("MONGODB_DATABASE", "gongkai-ledger"));
            ReconciliationResult result = reconciliation(database,
                    env.get("EVENT_STORE_COLLECTION"))
                    .reconcile(agencyId, year);
            out.println(ReadModelJson.write(result));
            return result.consistent() ? CONSISTENT : DIFFERENT;
        }
    }

    private static Reconciliation reconciliation(MongoDatabase database, String eventStoreCollection) {
        ReadModelDatabase readModel = new ReadModelDatabase(database);
        MaterializedReportRepository reports = new MaterializedReportRepository(readModel);
        ReportMaterializer materializer = new ReportMaterializer(new CountedEvents(new ProjectedEventRepository(readModel),
                new AggregateProgressRepository(readModel)), new SequenceGapRepository(readModel), reports);
        return new Reconciliation(new MongoEventStoreReader(database, eventStoreCollection), materializer, reports,
                new SequenceGapRepository(readModel), new QuarantineRepository(readModel));
    }
}
