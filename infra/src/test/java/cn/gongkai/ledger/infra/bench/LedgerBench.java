package cn.gongkai.ledger.infra.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark harness ({@code bin/bench}; what it measures and how: docs/benchmarks.md). Every figure is a ratio
 * against a baseline measured in the same run, after a warm-up, over several rounds: median and min–max. Progress
 * and logging go to standard error, the results (Markdown tables) to standard output.
 */
public final class LedgerBench {

    /** A titled table of results. */
    record Section(String title, List<ResultRow> rows) {
    }

    private LedgerBench() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchOptions.usage());
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The results alone go to standard output; the ledger's console logging goes with the progress to standard error.
        PrintStream out = System.out;
        System.setOut(System.err);
        PrintStream progress = System.err;
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        List<Section> sections = new ArrayList<>();
        if (options.sections().contains(BenchOptions.FOLD)) {
            sections.add(new Section("Pure fold (in process)", FoldBench.run(options, progress)));
        }
        if (options.sections().contains(BenchOptions.SCALE)) {
            sections.add(new Section("Many agencies (in process)", ScaleBench.run(options, progress)));
        }
        if (options.sections().contains(BenchOptions.HTTP)) {
            sections.addAll(CommandPathBench.run(options, progress));
        }
        if (options.sections().contains(BenchOptions.AGENCY)) {
            sections.add(new Section(String.format("Agency command against the Article-20 register (%,d vs %,d documents)",
                    AgencyRegisterBench.LARGE, AgencyRegisterBench.SMALL), AgencyRegisterBench.run(options, progress)));
        }
        if (options.sections().contains(BenchOptions.THROUGHPUT)) {
            sections.add(new Section(String.format("Throughput (%d clients; report lag at %d commands/s)",
                    options.clients(), options.rate()), ThroughputBench.run(options, progress)));
        }
        if (options.sections().contains(BenchOptions.REBUILD)) {
            sections.add(new Section("Rebuild of every read model", RebuildBench.run(options, progress)));
        }
        if (options.sections().contains(BenchOptions.ROLLUP)) {
            sections.add(new Section(String.format("Roll-up of %,d agencies", options.agencies()),
                    RollupBench.run(options, progress)));
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        out.printf(Locale.ROOT, "Run %s: %d cores, Java %s, %s %s; load average %.2f before, %.2f after; %.0f s%n",
                started, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), loadBefore, loadAfter,
                (System.nanoTime() - start) / 1e9);
        out.println("Flags: " + (args.length == 0 ? "none (the defaults)" : String.join(" ", args)));
        for (Section section : sections) {
            out.println();
            out.println("### " + section.title());
            out.println();
            out.println(ResultRow.HEADER);
            section.rows().forEach(row -> out.println(row.markdown()));
        }
        System.exit(0);
    }
}
