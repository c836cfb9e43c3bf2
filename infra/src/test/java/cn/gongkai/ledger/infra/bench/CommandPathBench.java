package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.infra.bench.TimedHttp.Exchange;
import cn.gongkai.ledger.report.fold.ReportFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The command path over HTTP on the embedded ledger, one sequential client on one connection. The code is warmed
 * up on a throwaway ledger; the measured ledger is then taken through levels of stored events (almost empty, then
 * filled by bulk import up to each of {@link BenchOptions#levels()}). At each level, in rounds:
 * <ul>
 *   <li>{@code POST /api/requests} (ReceiveRequest, accepted: 201) and the same command refused by the
 *       aggregate (a receipt date in the future: 422, nothing stored), interleaved with the baseline
 *       {@code GET /api/fees/quote}, a cheap read on the same server and connection;</li>
 *   <li>ReceiveRequest back to back: throughput against back-to-back reads; latency with the Kafka publisher and
 *       the report projector at work, with the projector paused, with both paused; and, with both paused, the two
 *       parts of a command's own work on the embedded server (the event insert, the aggregate's load query);</li>
 *   <li>ReplyToRequest lines through {@code POST /api/import}, the import's time per line, against the baseline
 *       read taken in the same round;</li>
 *   <li>the report lag: from the 201 of one ReceiveRequest until {@code GET /api/reports/{agency}/{year}}
 *       counts it, against that command's own latency.</li>
 * </ul>
 * Then the growth of each cost from the first level to the last.
 */
final class CommandPathBench {
    static final String AGENCY = "bench-agency";
    static final int YEAR = 2024;
    private static final LocalDate FIRST_RECEIPT = LocalDate.of(YEAR, 1, 2);
    private static final String QUOTE = "/api/fees/quote?scale=PER_VOLUME&pages=120";
    static final String REPORT = "/api/reports/" + AGENCY + "/" + YEAR + "?format=2021";
    private static final String BASELINE = "GET /api/fees/quote, same connection";
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    /** How long the report may take to count a whole event import (the publisher sends the store on from its start). */
    private static final Duration CATCH_UP_IMPORT = Duration.ofMinutes(40);
    private static final long POLL_MILLIS = 5;
    /** Polling a whole import's lag (seconds to minutes) more often would take the CPU from the path it measures. */
    private static final long IMPORT_POLL_MILLIS = 100;
    /** Commands, each awaited in the report, before the first measurement: topic creation and the like come first. */
    private static final int SETTLING = 3;

    private static final String RECEIVE = "ReceiveRequest, POST /api/requests (201), each followed by 2 calls";
    private static final String REFUSED = "ReceiveRequest refused by the aggregate (422, nothing stored)";
    private static final String EVENT_PATH = "ReceiveRequest (201) back to back, publisher and projector at work";
    private static final String PUBLISHER_ONLY = "ReceiveRequest (201), publisher at work, projector paused";
    private static final String BOTH_PAUSED = "ReceiveRequest (201), publisher and projector paused";
    private static final String PROJECTOR_SHARE = "projector's share";
    private static final String PUBLISHER_SHARE = "publisher's share";
    private static final String THROUGHPUT = "ReceiveRequest throughput, back to back, one client";
    private static final String IMPORT = "ReplyToRequest via POST /api/import, per line";
    private static final String LAG = "report counts a ReceiveRequest, after its 201";
    private static final String QUOTE_ALONE = "GET /api/fees/quote";
    private static final String INSERT = "part: insert one event-sized document (driver → embedded server)";
    private static final String LOAD = "part: Axon's query loading one aggregate from the event store";
    private static final String REPORT_P50 = "GET /api/reports/{agency}/2024 (agency-year report), median";
    private static final String REPORT_P99 = "GET /api/reports/{agency}/2024 (agency-year report), p99";
    private static final String MEMORY = "memory";
    /** Report reads per round: enough for a 99th percentile. */
    private static final int REPORT_READS = 100;
    /** Stored events per generated request, about (its own events and its appeals'), to size an event fill. */
    private static final double EVENTS_PER_REQUEST = 4.6;
    /** Rows kept only to compare levels. */
    private static final List<String> HIDDEN = List.of(QUOTE_ALONE, BOTH_PAUSED);

    private final BenchOptions options;
    private final BenchLedger ledger;
    private final TimedHttp http;
    private final PrintStream progress;
    private int nextTracking;
    private int received;
    private final Deque<Integer> open = new ArrayDeque<>();
    private int eventFills;

    private CommandPathBench(BenchOptions options, BenchLedger ledger, PrintStream progress) {
        this.options = options;
        this.ledger = ledger;
        this.http = new TimedHttp(ledger.port(), ledger.token(AGENCY));
        this.progress = progress;
    }

    /** The measurements at one level of stored events, by measure. */
    private record Level(long storedEvents, Map<String, ResultRow> rows, Memory memory) {
    }

    /**
     * Warms the code up on a throwaway ledger (its own data folder), then measures on a fresh one, so that the first
     * level is an almost empty event store served by warm code.
     */
    static List<LedgerBench.Section> run(BenchOptions options, PrintStream progress) {
        progress.printf("command path: warm-up on a throwaway ledger, %d commands (fsync %s)%n", options.warmup(),
                options.fsync() ? "on" : "off");
        try (BenchLedger throwaway = BenchLedger.start(options.fsync())) {
            CommandPathBench warmUp = new CommandPathBench(options, throwaway, progress);
            warmUp.registerAgency();
            warmUp.receiveRounds(1, options.warmup());
            warmUp.importRounds(1, options.warmup());
            warmUp.lagRounds(SETTLING);
        }
        progress.println("command path: a fresh ledger for the measurements");
        try (BenchLedger ledger = BenchLedger.start(options.fsync())) {
            return new CommandPathBench(options, ledger, progress).measure();
        }
    }

    private void registerAgency() {
        http.post("/api/agencies", "application/json", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"基准测试局\"}").expect(201);
    }

    private List<LedgerBench.Section> measure() {
        registerAgency();
        lagRounds(SETTLING);
        for (int i = 0; i < options.warmup(); i++) {
            quote();
            refuse();
        }
        List<LedgerBench.Section> sections = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        levels.add(level(List.of()));
        for (int target : options.levels()) {
            levels.add(level(fill(target)));
        }
        for (Level level : levels) {
            List<ResultRow> shown = level.rows().entrySet().stream().filter(row -> !HIDDEN.contains(row.getKey()))
                    .map(Map.Entry::getValue).toList();
            sections.add(new LedgerBench.Section(String.format("Command path at %,d stored events", level.storedEvents()),
                    shown));
        }
        if (levels.size() > 1) {
            sections.add(growth(levels.get(0), levels.get(levels.size() - 1)));
        }
        if (levels.size() > 2) { // the flatness figures: the last level against the first filled one
            sections.add(growth(levels.get(1), levels.get(levels.size() - 1)));
        }
        return sections;
    }

    private Level level(List<ResultRow> fillRows) {
        awaitReportCounts(received);
        long stored = ledger.storedEvents();
        progress.printf("command path: level of %,d stored events%n", stored);
        Map<String, ResultRow> rows = new LinkedHashMap<>();
        fillRows.forEach(row -> rows.put(row.measure(), row));
        rows.putAll(receiveRounds(options.rounds(), options.perRound()));
        rows.putAll(backToBackRounds(options.rounds(), options.perRound()));
        rows.putAll(importRounds(options.rounds(), options.perRound()));
        rows.putAll(lagRounds(options.lagRounds()));
        rows.putAll(reportReadRounds(options.rounds()));
        Memory memory = Memory.now();
        rows.put(MEMORY, memory.row(String.format("at %,d stored events (whole process: harness and ledger)", stored)));
        return new Level(stored, rows, memory);
    }

    /**
     * Rounds of {@code perRound} × (accepted command, baseline read, refused command): each command is followed by
     * two more calls, which leaves the asynchronous event path some time to keep up.
     */
    private Map<String, ResultRow> receiveRounds(int rounds, int perRound) {
        List<Double> accepted = new ArrayList<>();
        List<Double> refused = new ArrayList<>();
        List<Double> quoted = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Double> acceptedMillis = new ArrayList<>();
            List<Double> refusedMillis = new ArrayList<>();
            List<Double> quoteMillis = new ArrayList<>();
            for (int i = 0; i < perRound; i++) {
                acceptedMillis.add(receive().millis());
                quoteMillis.add(quote().millis());
                refusedMillis.add(refuse().millis());
            }
            accepted.add(Samples.of(acceptedMillis).median());
            refused.add(Samples.of(refusedMillis).median());
            quoted.add(Samples.of(quoteMillis).median());
        }
        String shape = rounds + " × " + perRound;
        Map<String, ResultRow> rows = new LinkedHashMap<>();
        rows.put(RECEIVE, ResultRow.perRound(RECEIVE, BASELINE, accepted, quoted, "ms", shape));
        rows.put(REFUSED, ResultRow.perRound(REFUSED, BASELINE, refused, quoted, "ms", shape));
        rows.put(QUOTE_ALONE, ResultRow.perRound(QUOTE_ALONE, QUOTE_ALONE, quoted, quoted, "ms", shape));
        return rows;
    }

    /**
     * Rounds, each once the report has caught up, of {@code perRound} back-to-back reads, then back-to-back
     * commands: with the publisher and the projector at work, with the projector paused, and with both paused
     * (there each command is followed by the two parts of its own work on the embedded server, timed apart).
     */
    private Map<String, ResultRow> backToBackRounds(int rounds, int perRound) {
        List<Double> readsPerSecond = new ArrayList<>();
        List<Double> commandsPerSecond = new ArrayList<>();
        List<Double> running = new ArrayList<>();
        List<Double> publisherOnly = new ArrayList<>();
        List<Double> paused = new ArrayList<>();
        List<Double> inserted = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            awaitReportCounts(received);
            readsPerSecond.add(perSecond(timed(perRound, this::quote)));
            List<Double> runningMillis = timed(perRound, this::receive);
            commandsPerSecond.add(perSecond(runningMillis));
            running.add(Samples.of(runningMillis).median());
            ledger.pauseProjector();
            try {
                publisherOnly.add(Samples.of(timed(perRound, this::receive)).median());
                ledger.pausePublisher();
                try {
                    List<Double> pausedMillis = new ArrayList<>();
                    List<Double> insertMillis = new ArrayList<>();
                    List<Double> loadMillis = new ArrayList<>();
                    for (int i = 0; i < perRound; i++) {
                        pausedMillis.add(receive().millis());
                        insertMillis.add(ledger.timedScratchInsert(eventSized(nextTracking)) / 1e6);
                        loadMillis.add(ledger.timedAggregateLoad(AGENCY + ":b-" + open.getLast()) / 1e6);
                    }
                    paused.add(Samples.of(pausedMillis).median());
                    inserted.add(Samples.of(insertMillis).median());
                    loaded.add(Samples.of(loadMillis).median());
                } finally {
                    ledger.resumePublisher();
                }
            } finally {
                ledger.resumeProjector();
            }
        }
        String shape = rounds + " × " + perRound;
        Map<String, ResultRow> rows = new LinkedHashMap<>();
        rows.put(THROUGHPUT, ResultRow.perRound(THROUGHPUT, "the same GET, back to back", commandsPerSecond,
                readsPerSecond, "/s", shape));
        rows.put(EVENT_PATH, ResultRow.perRound(EVENT_PATH, BOTH_PAUSED, running, paused, "ms", shape));
        rows.put(PROJECTOR_SHARE, ResultRow.perRound(EVENT_PATH, PUBLISHER_ONLY, running, publisherOnly, "ms", shape));
        rows.put(PUBLISHER_SHARE, ResultRow.perRound(PUBLISHER_ONLY, BOTH_PAUSED, publisherOnly, paused, "ms", shape));
        rows.put(INSERT, ResultRow.perRound(INSERT, BOTH_PAUSED + ", same rounds", inserted, paused, "ms", shape));
        rows.put(LOAD, ResultRow.perRound(LOAD, BOTH_PAUSED + ", same rounds", loaded, paused, "ms", shape));
        rows.put(BOTH_PAUSED, ResultRow.perRound(BOTH_PAUSED, BOTH_PAUSED, paused, paused, "ms", shape));
        return rows;
    }

    /** The milliseconds of each of {@code times} calls, back to back. */
    private static List<Double> timed(int times, Supplier<Exchange> call) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            millis.add(call.get().millis());
        }
        return millis;
    }

    private static double perSecond(List<Double> millis) {
        return millis.size() * 1000 / millis.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Rounds of one import of {@code perRound} ReplyToRequest lines, then {@code perRound} baseline reads. */
    private Map<String, ResultRow> importRounds(int rounds, int perRound) {
        List<Double> perLine = new ArrayList<>();
        List<Double> quoted = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < perRound; i++) {
                int tracking = open.removeFirst();
                body.append("{\"command\":\"ReplyToRequest\",\"requestId\":\"").append(AGENCY).append(":b-")
                        .append(tracking).append("\",\"repliedOn\":\"").append(receiptDate(tracking).plusDays(15))
                        .append("\",\"primaryOutcome\":\"DISCLOSED\"}\n");
            }
            perLine.add(importAll(body.toString(), perRound).millis() / perRound);
            List<Double> quoteMillis = new ArrayList<>();
            for (int i = 0; i < perRound; i++) {
                quoteMillis.add(quote().millis());
            }
            quoted.add(Samples.of(quoteMillis).median());
        }
        String measure = IMPORT + " (" + perRound + " lines a body)";
        return Map.of(IMPORT, ResultRow.perRound(measure, BASELINE, perLine, quoted, "ms", rounds + " × " + perRound));
    }

    /**
     * Rounds of {@value #REPORT_READS} × (the agency-year report as the workbench reads it, the baseline read): the
     * median and the 99th percentile of each per round.
     */
    private Map<String, ResultRow> reportReadRounds(int rounds) {
        List<Double> reportMedian = new ArrayList<>();
        List<Double> reportP99 = new ArrayList<>();
        List<Double> quoteMedian = new ArrayList<>();
        List<Double> quoteP99 = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Double> reports = new ArrayList<>();
            List<Double> quotes = new ArrayList<>();
            for (int i = 0; i < REPORT_READS; i++) {
                reports.add(http.get(REPORT).expect(200).millis());
                quotes.add(quote().millis());
            }
            reportMedian.add(Samples.of(reports).median());
            reportP99.add(Samples.of(reports).percentile(99));
            quoteMedian.add(Samples.of(quotes).median());
            quoteP99.add(Samples.of(quotes).percentile(99));
        }
        String shape = rounds + " × " + REPORT_READS;
        Map<String, ResultRow> rows = new LinkedHashMap<>();
        rows.put(REPORT_P50, ResultRow.perRound(REPORT_P50, BASELINE + ", median", reportMedian, quoteMedian, "ms", shape));
        rows.put(REPORT_P99, ResultRow.perRound(REPORT_P99, BASELINE + ", p99", reportP99, quoteP99, "ms", shape));
        return rows;
    }

    /** Rounds of one ReceiveRequest, then polling the report until it counts it. */
    private Map<String, ResultRow> lagRounds(int rounds) {
        List<Double> lag = new ArrayList<>();
        List<Double> command = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            awaitReportCounts(received);
            Exchange accepted = receive();
            lag.add((awaitReportCounts(received) - accepted.answeredAt()) / 1e6);
            command.add(accepted.millis());
        }
        return Map.of(LAG, ResultRow.perRound(LAG, "that command's own latency", lag, command, "ms", rounds + " × 1"));
    }

    /**
     * Imports ReceiveRequest lines until the event store holds {@code target} events (one event a line; the first
     * body takes the remainder, so that the last one is a whole chunk when the fill needs more than one); the report
     * lag after the last import, started once the report had counted the imports before it.
     */
    private List<ResultRow> fill(int target) {
        return options.fill().equals(BenchOptions.FILL_BY_EVENTS) ? fillByEvents(target) : fillByImport(target);
    }

    /**
     * Brings the event store up to about {@code target} events with generated agency-years of the bench agency's
     * own cases ({@link AgencyYears#moreCasesOf}), in one body through the event import
     * ({@code POST /api/agencies/{id}/events}: every case checked whole, appended through Axon's event store,
     * the Kafka publisher moved back to the earliest imported event so that it sends them on); the report lag
     * after that import, counted from its answer until the report counts every generated request of the year.
     */
    private List<ResultRow> fillByEvents(int target) {
        long stored = ledger.storedEvents();
        long missing = target - stored;
        if (missing <= 0) {
            return List.of();
        }
        String prefix = "f" + ++eventFills + "-";
        int perYear = (int) Math.max(1, Math.round(missing / (EVENTS_PER_REQUEST * options.years())));
        AgencyYears.AgencyLedger more = new AgencyYears(perYear, options.years(), options.seed()).moreCasesOf(
                new cn.gongkai.ledger.api.common.AgencyId(AGENCY), prefix);
        // a second draw, sized by the events a request of the first one brought
        perYear = (int) Math.max(1, Math.round(perYear * (double) missing / more.events().size()));
        more = new AgencyYears(perYear, options.years(), options.seed()).moreCasesOf(
                new cn.gongkai.ledger.api.common.AgencyId(AGENCY), prefix);
        progress.printf("command path: filling the event store from %,d with %,d generated events (%,d requests)"
                + " through the event import%n", stored, more.events().size(), more.cases().size());
        String body = more.events().stream().map(cn.gongkai.ledger.report.json.EventJson::write)
                .collect(java.util.stream.Collectors.joining("\n"));
        awaitReportCounts(received);
        Exchange answer = http.post("/api/agencies/" + AGENCY + "/events", "application/x-ndjson", body).expect(201);
        received += more.receivedIn(YEAR);
        double lag = (awaitReportCounts(http, received, CATCH_UP_IMPORT, IMPORT_POLL_MILLIS) - answer.answeredAt()) / 1e6;
        progress.printf("command path: imported %,d events in %.1f s; the report counted them %.1f s later%n",
                more.events().size(), answer.millis() / 1e3, lag / 1e3);
        String measure = String.format("report counts an event import of %,d events, after its answer", more.events().size());
        return List.of(ResultRow.perRound(measure, "that import's own duration", List.of(lag), List.of(answer.millis()),
                "ms", "1 × 1"));
    }

    private List<ResultRow> fillByImport(int target) {
        long stored = ledger.storedEvents();
        progress.printf("command path: filling the event store from %,d to %,d events%n", stored, target);
        Exchange last = null;
        int lines = 0;
        while (stored < target) {
            long remainder = (target - stored) % options.fillChunk();
            lines = remainder == 0 ? options.fillChunk() : (int) remainder;
            if (stored + lines == target) {
                awaitReportCounts(received);
            }
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                body.append("{\"command\":\"ReceiveRequest\",").append(receiveBody(nextTracking).substring(1)).append('\n');
                open.addLast(nextTracking++);
            }
            last = importAll(body.toString(), lines);
            received += lines;
            stored = ledger.storedEvents();
        }
        if (last == null) {
            return List.of();
        }
        double lag = (awaitReportCounts(received) - last.answeredAt()) / 1e6;
        String measure = "report counts an import of " + lines + " ReceiveRequest lines, after its answer";
        return List.of(ResultRow.perRound(measure, "that import's own duration", List.of(lag), List.of(last.millis()),
                "ms", "1 × 1"));
    }

    private LedgerBench.Section growth(Level early, Level late) {
        List<ResultRow> rows = new ArrayList<>();
        for (String measure : List.of(RECEIVE, REFUSED, EVENT_PATH, BOTH_PAUSED, IMPORT, LAG, REPORT_P50, REPORT_P99,
                INSERT, LOAD, QUOTE_ALONE)) {
            ResultRow before = early.rows().get(measure);
            ResultRow after = late.rows().get(measure);
            rows.add(new ResultRow(after.measure(), String.format("the same at %,d events", early.storedEvents()),
                    after.measured(), before.measured(), after.measured().dividedBy(before.measured().median()), "ms",
                    after.rounds()));
        }
        rows.add(late.memory().perMillionSince(early.memory(), late.storedEvents() - early.storedEvents(),
                "stored events"));
        return new LedgerBench.Section(String.format("Growth from %,d to %,d stored events (late rounds ÷ early median)",
                early.storedEvents(), late.storedEvents()), rows);
    }

    private Exchange receive() {
        int tracking = nextTracking++;
        Exchange accepted = http.post("/api/requests", "application/json", receiveBody(tracking)).expect(201);
        received++;
        open.addLast(tracking);
        return accepted;
    }

    /** A ReceiveRequest the aggregate refuses (a receipt date in the future): 422, nothing stored. */
    private Exchange refuse() {
        return http.post("/api/requests", "application/json", receiveBody("refused-" + nextTracking++,
                LocalDate.of(2099, 1, 1))).expect(422);
    }

    private Exchange quote() {
        return http.get(QUOTE).expect(200);
    }

    private Exchange importAll(String body, int lines) {
        Exchange answer = http.post("/api/import", "application/x-ndjson", body).expect(200);
        int accepted = answer.json().get("accepted").asInt();
        if (accepted != lines) {
            throw new IllegalStateException("import accepted " + accepted + " of " + lines + " lines: " + answer.body());
        }
        return answer;
    }

    private static String receiveBody(int tracking) {
        return receiveBody("b-" + tracking, receiptDate(tracking));
    }

    static String receiveBody(String trackingNumber, LocalDate receivedOn) {
        return "{\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\"" + trackingNumber
                + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"" + receivedOn
                + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"申请人\"},\"subject\":\"某信息\"}";
    }

    /** A document shaped and sized like a stored RequestReceived event. */
    private static Document eventSized(int n) {
        return new Document("aggregateIdentifier", "scratch:" + n).append("type", "DisclosureRequest")
                .append("sequenceNumber", 0L).append("payload", receiveBody(n)).append("timestamp", "2024-01-02T01:00:00Z")
                .append("payloadType", "cn.gongkai.ledger.api.request.DisclosureRequestEvent$RequestReceived")
                .append("payloadRevision", null).append("metaData", "{\"traceId\":\"" + n + "\"}")
                .append("eventIdentifier", "scratch-" + n);
    }

    static LocalDate receiptDate(int tracking) {
        return FIRST_RECEIPT.plusDays(tracking % 300);
    }

    /** Polls the report until it counts {@code expected} requests received; {@link System#nanoTime()} when it did. */
    private long awaitReportCounts(int expected) {
        return awaitReportCounts(http, expected);
    }

    /** Polls the report until it counts {@code expected} requests received; {@link System#nanoTime()} when it did. */
    static long awaitReportCounts(TimedHttp http, int expected) {
        return awaitReportCounts(http, expected, CATCH_UP, POLL_MILLIS);
    }

    /** The same, waiting up to {@code catchUp}, polling every {@code pollMillis}. */
    static long awaitReportCounts(TimedHttp http, int expected, Duration catchUp, long pollMillis) {
        return awaitReport(http, report -> receivedCount(report) == expected, expected + " requests", catchUp,
                pollMillis);
    }

    /**
     * Polls the report until {@code counts} holds of it ({@code what} it should count, for the error when it does
     * not in time); {@link System#nanoTime()} when it did. Before the agency's first event is counted it is 404.
     */
    static long awaitReport(TimedHttp http, Predicate<JsonNode> counts, String what) {
        return awaitReport(http, counts, what, CATCH_UP, POLL_MILLIS);
    }

    private static long awaitReport(TimedHttp http, Predicate<JsonNode> counts, String what, Duration catchUp,
                                    long pollMillis) {
        long deadline = System.nanoTime() + catchUp.toNanos();
        while (true) {
            Exchange report = http.get(REPORT);
            if (report.status() == 200 && counts.test(report.json())) {
                return report.answeredAt();
            }
            if (report.answeredAt() > deadline) {
                throw new IllegalStateException("the report did not count " + what + " within " + catchUp
                        + ": " + report.status() + " " + report.body());
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static int receivedCount(JsonNode report) {
        return report.path("table3").path(ReportFormat.RECEIVED).path(ApplicantType.TOTAL).asInt(-1);
    }

    /** Requests the report counts as concluded in its year (table 三, row 三.七, total). */
    static int concludedCount(JsonNode report) {
        return report.path("table3").path(ReportFormat.CONCLUDED_TOTAL).path(ApplicantType.TOTAL).asInt(-1);
    }
}
