package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.report.projection.reconcile.ReconciliationCli;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static cn.gongkai.ledger.report.projection.TestEvents.B;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation from the command line: its output and exit codes. */
class ReconciliationCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void exitsOneAndPrintsTheDifferingCellsThenZeroOnceTheReadModelHasCaughtUp() {
        MongoDatabase database = TestMongo.freshInMemoryDatabase();
        TestProjection projection = new TestProjection(database);
        projection.appendToEventStore(TestEvents.history());
        projection.projector.project(TestEvents.history().stream().filter(e -> !e.aggregateId().equals(B.value())).toList());
        Map<String, String> env = Map.of("MONGODB_URI", TestMongo.inMemoryUri(), "MONGODB_DATABASE", database.getName());

        assertThat(run(env, "ninghe-commerce", "2024")).isEqualTo(ReconciliationCli.DIFFERENT);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"consistent\":false", "table3/四/商业企业");

        projection.projector.project(TestEvents.history());
        out.reset();
        assertThat(run(env, "ninghe-commerce", "2024")).isEqualTo(ReconciliationCli.CONSISTENT);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"consistent\":true", "\"differences\":[]");
    }

    @Test
    void refusesBadArgumentsWithUsage() {
        assertThat(run(Map.of(), "ninghe-commerce")).isEqualTo(ReconciliationCli.USAGE);
        assertThat(run(Map.of(), "ninghe-commerce", "next-year")).isEqualTo(ReconciliationCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ReconciliationCli AGENCY_ID YEAR");
        assertThat(out.size()).isZero();
    }

    private int run(Map<String, String> env, String... args) {
        return ReconciliationCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
