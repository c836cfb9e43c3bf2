package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.EventJson;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The pure annual-report fold over one busy agency's years ({@link AgencyYears}: agency 0, with the events of a
 * neighbouring agency mixed in, which the fold must skip), in process, against two baselines on
 * the same events: decoding them from JSON Lines with {@link EventJson} (what reading a year's export costs), and a
 * plain pass that only groups them by aggregate; and the fold of the same events shuffled, and duplicated (every
 * event twice, the copy decoded separately as a second delivery would be) and shuffled, against the plain fold:
 * the cost of the fold's order independence and of its idempotence guard. Each operation is timed on one thread
 * from a collected heap (so that one operation's garbage is not collected in the next one's time), by the clock
 * and by the thread's CPU time (what it costs a core, whatever else the machine runs), and its allocation counted.
 */
final class FoldBench {
    private static final String DECODE = "decode";
    private static final String GROUP = "group";
    private static final String FOLD = "fold";
    private static final String FOLD_SHUFFLED = "fold shuffled";
    private static final String FOLD_DUPLICATED = "fold duplicated";

    /** Keeps the results alive so that the JIT cannot drop the work measured. */
    private static int sink;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One timed call: wall-clock and thread CPU milliseconds, bytes allocated by the thread. */
    private record Timing(double millis, double cpuMillis, double allocated) {
    }

    private FoldBench() {
    }

    static List<ResultRow> run(BenchOptions options, PrintStream progress) {
        AgencyYears generator = new AgencyYears(options.requests(), options.years(), options.seed());
        AgencyYears.AgencyLedger ledger = generator.agency(0);
        List<EventEnvelope> events = new ArrayList<>(ledger.events());
        events.addAll(generator.agency(1).events());
        String jsonLines = events.stream().map(EventJson::write).collect(Collectors.joining("\n"));
        Random random = new Random(options.seed());
        List<EventEnvelope> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        List<EventEnvelope> duplicated = new ArrayList<>(events);
        duplicated.addAll(decode(jsonLines));
        Collections.shuffle(duplicated, random);
        ReportRequest request = new ReportRequest(ledger.agencyId(), AgencyYears.REPORT_YEAR, ReportFormat.Y2021, null, null);
        requireSane(ledger, events, request, shuffled, duplicated);

        Map<String, IntSupplier> operations = new LinkedHashMap<>();
        operations.put(DECODE, () -> decode(jsonLines).size());
        operations.put(GROUP, () -> group(events).size());
        operations.put(FOLD, () -> ReportFold.fold(events, request).hashCode());
        operations.put(FOLD_SHUFFLED, () -> ReportFold.fold(shuffled, request).hashCode());
        operations.put(FOLD_DUPLICATED, () -> ReportFold.fold(duplicated, request).hashCode());
        progress.printf("fold: %d events (%d requests of %d years and a neighbour's), %d warm-up and %d timed rounds%n",
                events.size(), options.requests(), options.years(), options.foldWarmup(), options.foldRounds());
        for (int w = 0; w < options.foldWarmup(); w++) {
            operations.values().forEach(FoldBench::timed);
        }
        Map<String, List<Timing>> timings = new LinkedHashMap<>();
        for (int r = 0; r < options.foldRounds(); r++) {
            operations.forEach((name, operation) -> timings.computeIfAbsent(name, n -> new ArrayList<>()).add(timed(operation)));
        }
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        timings.forEach((name, list) -> millis.put(name, list.stream().map(Timing::millis).toList()));

        int folded = events.size();
        String size = String.format("%,d events", folded);
        String rounds = options.foldRounds() + " × 1";
        return List.of(
                ResultRow.perRound("fold of the report year (" + size + ")", "decode the same events from JSON Lines (EventJson)",
                        millis.get(FOLD), millis.get(DECODE), "ms", rounds),
                ResultRow.perRound("fold of the year", "group the events by aggregate (HashMap pass)",
                        millis.get(FOLD), millis.get(GROUP), "ms", rounds),
                ResultRow.perRound("fold, events shuffled", "fold", millis.get(FOLD_SHUFFLED), millis.get(FOLD), "ms", rounds),
                ResultRow.perRound("fold, every event twice (2nd copy decoded apart), shuffled", "fold",
                        millis.get(FOLD_DUPLICATED), millis.get(FOLD), "ms", rounds),
                ResultRow.perRound("fold, events per second (one thread, wall clock)",
                        "HashMap grouping pass, events per second", perSecond(folded, millis.get(FOLD)),
                        perSecond(folded, millis.get(GROUP)), "M/s", rounds),
                ResultRow.perRound("fold, events per CPU second of its thread (per core)",
                        "HashMap grouping pass, events per CPU second", perSecond(folded, cpu(timings.get(FOLD))),
                        perSecond(folded, cpu(timings.get(GROUP))), "M/s", rounds),
                ResultRow.perRound("fold, bytes allocated per event", "HashMap grouping pass, bytes per event",
                        perEvent(folded, timings.get(FOLD)), perEvent(folded, timings.get(GROUP)), "B", rounds));
    }

    private static List<Double> cpu(List<Timing> timings) {
        return timings.stream().map(Timing::cpuMillis).toList();
    }

    private static List<Double> perSecond(int events, List<Double> millis) {
        return millis.stream().map(ms -> events / ms / 1e3).toList();
    }

    private static List<Double> perEvent(int events, List<Timing> timings) {
        return timings.stream().map(t -> t.allocated() / events).toList();
    }

    /** The benchmark means something only if the fold counts every request and ignores order and duplicates. */
    private static void requireSane(AgencyYears.AgencyLedger ledger, List<EventEnvelope> events, ReportRequest request,
                                    List<EventEnvelope> shuffled, List<EventEnvelope> duplicated) {
        AnnualReport report = ReportFold.fold(events, request);
        int received = report.table3().get(ReportFormat.RECEIVED).get(ApplicantType.TOTAL);
        if (received != ledger.receivedIn(AgencyYears.REPORT_YEAR)) {
            throw new IllegalStateException("the fold counted " + received + " requests received, the generated year has "
                    + ledger.receivedIn(AgencyYears.REPORT_YEAR));
        }
        if (!report.equals(ReportFold.fold(shuffled, request)) || !report.equals(ReportFold.fold(duplicated, request))) {
            throw new IllegalStateException("the fold of the shuffled or duplicated events differs from the plain fold");
        }
    }

    private static List<EventEnvelope> decode(String jsonLines) {
        return EventJson.readLines(new BufferedReader(new StringReader(jsonLines)));
    }

    private static Map<String, List<EventEnvelope>> group(List<EventEnvelope> events) {
        Map<String, List<EventEnvelope>> byAggregate = new HashMap<>();
        for (EventEnvelope event : events) {
            byAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
        }
        return byAggregate;
    }

    private static Timing timed(IntSupplier operation) {
        System.gc();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        sink += operation.getAsInt();
        long end = System.nanoTime();
        return new Timing((end - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
                THREADS.getCurrentThreadAllocatedBytes() - allocated);
    }
}
