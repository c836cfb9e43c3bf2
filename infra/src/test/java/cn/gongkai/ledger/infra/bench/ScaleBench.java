package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.EventJson;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Many agencies' years from {@link AgencyYears}, in process: every agency's report folded from its decoded events,
 * against decoding the same events from JSON Lines (the practical limit of any rebuild, which has to read them);
 * and the same requests as a flat PostgreSQL table with table 三 by {@code GROUP BY} ({@link PostgresBaseline}),
 * for one agency and for all of them summed (a roll-up), against the fold of the same. Before timing, the fold's
 * table 三 must equal the table's, for one agency and summed over all.
 */
final class ScaleBench {
    private static final String DECODE = "decode";
    private static final String FOLD_ALL = "fold all";
    private static final String FOLD_ONE = "fold one";
    private static final String SQL_ONE = "sql one";
    private static final String SQL_ALL = "sql all";

    private static int sink;

    private ScaleBench() {
    }

    static List<ResultRow> run(BenchOptions options, PrintStream progress) {
        AgencyYears years = new AgencyYears(options.agencyRequests(), options.years(), options.seed());
        long generating = System.nanoTime();
        List<AgencyYears.AgencyLedger> agencies = new ArrayList<>();
        for (int i = 0; i < options.agencies(); i++) {
            agencies.add(years.agency(i));
        }
        List<EventEnvelope> all = agencies.stream().flatMap(a -> a.events().stream()).toList();
        List<AgencyYears.CaseRow> cases = agencies.stream().flatMap(a -> a.cases().stream()).toList();
        progress.printf("scale: %,d agencies, %,d requests, %,d events generated in %.1f s%n", agencies.size(), cases.size(),
                all.size(), (System.nanoTime() - generating) / 1e9);
        List<String> jsonLines = agencies.stream()
                .map(a -> a.events().stream().map(EventJson::write).collect(Collectors.joining("\n"))).toList();
        AgencyYears.AgencyLedger first = agencies.get(0);
        ReportRequest firstRequest = ReportRequest.of(first.agencyId(), AgencyYears.REPORT_YEAR);
        long heldHeap = heapHeldBy(jsonLines);

        Map<String, IntSupplier> operations = new LinkedHashMap<>();
        operations.put(DECODE, () -> jsonLines.stream().mapToInt(lines -> decode(lines).size()).sum());
        operations.put(FOLD_ALL, () -> agencies.stream().mapToInt(a -> ReportFold.fold(a.events(),
                ReportRequest.of(a.agencyId(), AgencyYears.REPORT_YEAR)).hashCode()).sum());
        operations.put(FOLD_ONE, () -> ReportFold.fold(first.events(), firstRequest).hashCode());

        Optional<PostgresBaseline> postgres = PostgresBaseline.binaries().isPresent() ? PostgresBaseline.start()
                : Optional.empty();
        try {
            postgres.ifPresent(pg -> {
                long loading = System.nanoTime();
                pg.load(cases);
                progress.printf("scale: %,d cases loaded into PostgreSQL %s in %.1f s%n", cases.size(), pg.version(),
                        (System.nanoTime() - loading) / 1e9);
                requireSameCounts(pg, agencies, first);
                operations.put(SQL_ONE, () -> pg.table3(Optional.of(first.agencyId().value()), AgencyYears.REPORT_YEAR).size());
                operations.put(SQL_ALL, () -> pg.table3(Optional.empty(), AgencyYears.REPORT_YEAR).size());
            });
            progress.printf("scale: %d warm-up and %d timed rounds%n", options.foldWarmup(), options.foldRounds());
            for (int w = 0; w < options.foldWarmup(); w++) {
                operations.values().forEach(ScaleBench::timed);
            }
            Map<String, List<Double>> millis = new LinkedHashMap<>();
            for (int r = 0; r < options.foldRounds(); r++) {
                operations.forEach((name, op) -> millis.computeIfAbsent(name, n -> new ArrayList<>()).add(timed(op)));
            }
            return rows(options, agencies, all.size(), first, millis, postgres.isPresent(), heldHeap, jsonLines);
        } finally {
            postgres.ifPresent(PostgresBaseline::close);
        }
    }

    private static List<ResultRow> rows(BenchOptions options, List<AgencyYears.AgencyLedger> agencies, int events,
                                        AgencyYears.AgencyLedger first, Map<String, List<Double>> millis,
                                        boolean postgres, long heldHeap, List<String> jsonLines) {
        String rounds = options.foldRounds() + " × 1";
        String size = String.format("%,d agencies, %,d events", agencies.size(), events);
        String firstSize = String.format("%s: %,d requests, %,d events", first.agencyId().value(), first.cases().size(),
                first.events().size());
        List<ResultRow> rows = new ArrayList<>();
        rows.add(ResultRow.perRound("fold: every agency's " + AgencyYears.REPORT_YEAR + " report (" + size + ")",
                "decode the same events from JSON Lines (EventJson)", millis.get(FOLD_ALL), millis.get(DECODE), "ms", rounds));
        rows.add(ResultRow.perRound("fold throughput, events per second (one thread)", "decode throughput, same events",
                perSecond(events, millis.get(FOLD_ALL)), perSecond(events, millis.get(DECODE)), "M/s", rounds));
        if (postgres) {
            rows.add(ResultRow.perRound("PostgreSQL GROUP BY: table 三 of " + firstSize + ", flat table of every agency's cases",
                    "fold of the same agency from its decoded events", millis.get(SQL_ONE), millis.get(FOLD_ONE), "ms",
                    rounds));
            rows.add(ResultRow.perRound("PostgreSQL GROUP BY: table 三 summed over " + size + " (roll-up)",
                    "fold of every agency's report", millis.get(SQL_ALL), millis.get(FOLD_ALL), "ms", rounds));
        } else {
            System.err.println("scale: PostgreSQL baseline SKIPPED: no /usr/lib/postgresql/*/bin/initdb "
                    + "(apt-get install postgresql)");
            rows.add(ResultRow.note("PostgreSQL GROUP BY baseline SKIPPED: PostgreSQL is not installed"));
        }
        long textBytes = jsonLines.stream().mapToLong(s -> 2L * s.length()).sum();
        rows.add(new ResultRow("heap held by the decoded events, per million events",
                "their JSON Lines as Java strings, per million events",
                Samples.of(List.of(heldHeap * 1e6 / events / (1 << 20))),
                Samples.of(List.of(textBytes * 1e6 / events / (1 << 20))),
                Samples.of(List.of((double) heldHeap / textBytes)), "MiB", "1 × 1"));
        return rows;
    }

    /** The fold's table 三 equals the flat table's GROUP BY, for the first agency and summed over all. */
    private static void requireSameCounts(PostgresBaseline pg, List<AgencyYears.AgencyLedger> agencies,
                                          AgencyYears.AgencyLedger first) {
        AnnualReport report = ReportFold.fold(first.events(), ReportRequest.of(first.agencyId(), AgencyYears.REPORT_YEAR));
        Map<String, Map<String, Integer>> sql = pg.table3(Optional.of(first.agencyId().value()), AgencyYears.REPORT_YEAR);
        if (!PostgresBaseline.sameCounts(PostgresBaseline.counted(report.table3()), sql)) {
            throw new IllegalStateException("table 三 of " + first.agencyId().value() + " differs: fold "
                    + PostgresBaseline.counted(report.table3()) + ", PostgreSQL " + sql);
        }
        Map<String, Map<String, Integer>> summed = new LinkedHashMap<>();
        for (AgencyYears.AgencyLedger agency : agencies) {
            ReportFold.fold(agency.events(), ReportRequest.of(agency.agencyId(), AgencyYears.REPORT_YEAR)).table3()
                    .forEach((row, columns) -> columns.forEach((column, count) -> {
                        if (count != 0) {
                            summed.computeIfAbsent(row, r -> new LinkedHashMap<>()).merge(column, count, Integer::sum);
                        }
                    }));
        }
        Map<String, Map<String, Integer>> sqlAll = pg.table3(Optional.empty(), AgencyYears.REPORT_YEAR);
        if (!PostgresBaseline.sameCounts(summed, sqlAll)) {
            throw new IllegalStateException("table 三 summed over all agencies differs: fold " + summed + ", PostgreSQL "
                    + sqlAll);
        }
    }

    /** Bytes of heap the decoded events of {@code jsonLines} hold, measured around a full collection. */
    private static long heapHeldBy(List<String> jsonLines) {
        long before = usedHeap();
        List<List<EventEnvelope>> decoded = jsonLines.stream().map(ScaleBench::decode).toList();
        long after = usedHeap();
        sink += decoded.size();
        return after - before;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<Double> perSecond(int events, List<Double> millis) {
        return millis.stream().map(ms -> events / ms / 1e3).toList();
    }

    private static List<EventEnvelope> decode(String jsonLines) {
        return EventJson.readLines(new BufferedReader(new StringReader(jsonLines)));
    }

    private static double timed(IntSupplier operation) {
        long start = System.nanoTime();
        sink += operation.getAsInt();
        return (System.nanoTime() - start) / 1e6;
    }
}
