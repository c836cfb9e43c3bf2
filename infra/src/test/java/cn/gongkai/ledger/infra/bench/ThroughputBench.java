package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.infra.bench.TimedHttp.Exchange;
import cn.gongkai.ledger.infra.testing.Pause;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput on the embedded ledger (as {@link BenchLedger} runs it), after a warm-up on the same ledger
 * ({@code --warmup} commands from every client, a bulk import, then one untimed round of every measure below; each
 * round starts once the report counts everything sent before it):
 * <ul>
 *   <li>ReceiveRequest from {@code --clients} concurrent clients, each on its own connection, against the same
 *       command from one client back to back, in the same rounds;</li>
 *   <li>a bulk import of {@code --fill-chunk} ReceiveRequest lines in one {@code POST /api/import} body, and of as
 *       many ReplyToRequest lines answering them, in lines per second, against the one client's commands per
 *       second;</li>
 *   <li>the report lag under an offered load of {@code --rate} commands per second (sent on schedule from
 *       {@code --clients} connections, whatever the answers take): for the k-th command answered, from its answer
 *       until a poll of the report (every 5 ms) counts k more requests than before the round; its median and
 *       99th percentile per round, against the commands' own latency at that load.</li>
 * </ul>
 */
final class ThroughputBench {
    private static final String ONE_CLIENT = "ReceiveRequest, one client, back to back, same rounds";
    private static final long POLL_MILLIS = 5;

    private final BenchOptions options;
    private final BenchLedger ledger;
    private final TimedHttp http;
    private final PrintStream progress;
    private final String token;
    private final AtomicInteger nextTracking = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    /** ReplyToRequest lines imported: each concludes a request of the report's year. */
    private final AtomicInteger replied = new AtomicInteger();

    private ThroughputBench(BenchOptions options, BenchLedger ledger, PrintStream progress) {
        this.options = options;
        this.ledger = ledger;
        this.token = ledger.token(CommandPathBench.AGENCY);
        this.http = new TimedHttp(ledger.port(), token);
        this.progress = progress;
    }

    static List<ResultRow> run(BenchOptions options, PrintStream progress) {
        try (BenchLedger ledger = BenchLedger.start(options.fsync())) {
            return new ThroughputBench(options, ledger, progress).measure();
        }
    }

    private List<ResultRow> measure() {
        http.post("/api/agencies", "application/json", "{\"agencyId\":\"" + CommandPathBench.AGENCY
                + "\",\"name\":\"基准测试局\"}").expect(201);
        progress.printf("throughput: warm-up, %d commands from %d clients and an import%n", options.warmup(),
                options.clients());
        concurrently(options.clients(), Math.max(1, options.warmup() / options.clients()));
        importLines(receiveLines(options.fillChunk()));
        // One untimed pass of every measure: the code paths only they take (one client, the reply import, the
        // paced load) are compiled before they are timed, not in their first rounds.
        progress.printf("throughput: warm-up, one untimed round of every measure%n");
        round(new Measured());
        lagAtRate(1);
        awaitCaughtUp();
        Memory before = Memory.now();
        long storedBefore = ledger.storedEvents();

        Measured m = new Measured();
        for (int r = 0; r < options.rounds(); r++) {
            progress.printf("throughput: round %d of %d%n", r + 1, options.rounds());
            round(m);
        }
        String rounds = options.rounds() + " × " + options.perRound() + " a client";
        String imports = options.rounds() + " × " + options.fillChunk();
        List<ResultRow> rows = new ArrayList<>();
        rows.add(ResultRow.perRound("ReceiveRequest (201), " + options.clients() + " concurrent clients, commands/s",
                ONE_CLIENT, m.many, m.one, "/s", rounds));
        rows.add(ResultRow.perRound("the same, latency median", ONE_CLIENT + ", latency median", m.manyLatency,
                m.oneLatency, "ms", rounds));
        rows.add(ResultRow.perRound("bulk import: " + options.fillChunk() + " ReceiveRequest lines in one POST /api/import,"
                + " lines/s", ONE_CLIENT + ", commands/s", m.receiveLines, m.one, "/s", imports));
        rows.add(ResultRow.perRound("bulk import: " + options.fillChunk() + " ReplyToRequest lines in one POST /api/import,"
                + " lines/s", ONE_CLIENT + ", commands/s", m.replyLines, m.one, "/s", imports));
        rows.addAll(lagAtRate(options.rounds()));
        awaitCaughtUp();
        rows.add(Memory.now().perMillionSince(before, ledger.storedEvents() - storedBefore, "events stored"));
        return rows;
    }

    /** What the rounds of the first four measures gave, one entry a round each. */
    private static final class Measured {
        final List<Double> one = new ArrayList<>();
        final List<Double> many = new ArrayList<>();
        final List<Double> oneLatency = new ArrayList<>();
        final List<Double> manyLatency = new ArrayList<>();
        final List<Double> receiveLines = new ArrayList<>();
        final List<Double> replyLines = new ArrayList<>();
    }

    /** One round: one client back to back, then every client, then a bulk import of receipts and of their replies. */
    private void round(Measured m) {
        awaitCaughtUp();
        Burst single = concurrently(1, options.perRound() * options.clients() / 4);
        m.one.add(single.perSecond());
        m.oneLatency.add(Samples.of(single.millis()).median());
        Burst burst = concurrently(options.clients(), options.perRound());
        m.many.add(burst.perSecond());
        m.manyLatency.add(Samples.of(burst.millis()).median());
        List<String> opened = new ArrayList<>();
        String receiving = receiveLines(options.fillChunk(), opened);
        m.receiveLines.add(options.fillChunk() * 1000 / importLines(receiving).millis());
        m.replyLines.add(options.fillChunk() * 1000 / importLines(replyLines(opened)).millis());
    }

    /** Commands and their latencies, and the seconds from the first send to the last answer. */
    private record Burst(List<Double> millis, double seconds) {
        double perSecond() {
            return millis.size() / seconds;
        }
    }

    /** {@code clients} threads, each on its own connection, each sending {@code each} commands back to back. */
    private Burst concurrently(int clients, int each) {
        List<TimedHttp> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(new TimedHttp(ledger.port(), token));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<List<Double>>> results = new ArrayList<>();
            for (TimedHttp connection : connections) {
                results.add(pool.submit(() -> {
                    List<Double> millis = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        millis.add(receive(connection).millis());
                    }
                    return millis;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> result : results) {
                all.addAll(result.get());
            }
            return new Burst(all, (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Exchange receive(TimedHttp connection) {
        int tracking = nextTracking.getAndIncrement();
        Exchange answer = connection.post("/api/requests", "application/json", CommandPathBench.receiveBody("t-" + tracking,
                CommandPathBench.receiptDate(tracking))).expect(201);
        received.incrementAndGet();
        return answer;
    }

    private String receiveLines(int lines) {
        return receiveLines(lines, new ArrayList<>());
    }

    /** ReceiveRequest import lines; the tracking numbers go to {@code opened}. */
    private String receiveLines(int lines, List<String> opened) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int tracking = nextTracking.getAndIncrement();
            String number = "t-" + tracking;
            body.append("{\"command\":\"ReceiveRequest\",").append(CommandPathBench.receiveBody(number,
                    CommandPathBench.receiptDate(tracking)).substring(1)).append('\n');
            opened.add(number);
        }
        received.addAndGet(lines);
        return body.toString();
    }

    private String replyLines(List<String> opened) {
        replied.addAndGet(opened.size());
        StringBuilder body = new StringBuilder();
        for (String number : opened) {
            int tracking = Integer.parseInt(number.substring(2));
            body.append("{\"command\":\"ReplyToRequest\",\"requestId\":\"").append(CommandPathBench.AGENCY).append(':')
                    .append(number).append("\",\"repliedOn\":\"").append(CommandPathBench.receiptDate(tracking).plusDays(15))
                    .append("\",\"primaryOutcome\":\"DISCLOSED\"}\n");
        }
        return body.toString();
    }

    private Exchange importLines(String body) {
        int lines = (int) body.chars().filter(c -> c == '\n').count();
        Exchange answer = http.post("/api/import", "application/x-ndjson", body).expect(200);
        if (answer.json().get("accepted").asInt() != lines) {
            throw new IllegalStateException("import accepted fewer than " + lines + " lines: " + answer.body());
        }
        return answer;
    }

    /**
     * Waits until the report counts every request received and every reply imported, so that a round starts with
     * the projector idle, not still counting the last round's replies (which do not change the requests received).
     */
    private void awaitCaughtUp() {
        int requests = received.get();
        int replies = replied.get();
        CommandPathBench.awaitReport(http, report -> CommandPathBench.receivedCount(report) == requests
                && CommandPathBench.concludedCount(report) == replies, requests + " requests and " + replies + " replies");
    }

    /** One poll of the report: when it was answered and how many requests it counted. */
    private record Poll(long answeredAt, int counted) {
    }

    private List<ResultRow> lagAtRate(int rounds) {
        int commands = options.rate() * options.lagSeconds();
        List<Double> lagMedian = new ArrayList<>();
        List<Double> lagP99 = new ArrayList<>();
        List<Double> latencyMedian = new ArrayList<>();
        List<Double> latencyP99 = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> offered = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            progress.printf("throughput: report lag at %d commands/s, round %d of %d%n", options.rate(), r + 1,
                    rounds);
            int base = received.get();
            awaitCaughtUp();
            List<Poll> polls = Collections.synchronizedList(new ArrayList<>());
            AtomicLong stopPolling = new AtomicLong(Long.MAX_VALUE);
            Thread poller = new Thread(() -> {
                TimedHttp reader = new TimedHttp(ledger.port(), token);
                while (System.nanoTime() < stopPolling.get()) {
                    Exchange report = reader.get(CommandPathBench.REPORT);
                    if (report.status() == 200) {
                        polls.add(new Poll(report.answeredAt(), CommandPathBench.receivedCount(report.json())));
                    }
                    Pause.millis(POLL_MILLIS);
                }
            }, "bench-report-poller");
            poller.start();
            List<long[]> answers = paced(commands);
            long lastAnswer = answers.stream().mapToLong(a -> a[0]).max().orElseThrow();
            long counted = CommandPathBench.awaitReportCounts(http, received.get());
            stopPolling.set(Math.max(counted, lastAnswer) + Duration.ofMillis(200).toNanos());
            try {
                poller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            List<Long> answeredAt = answers.stream().map(a -> a[0]).sorted().toList();
            List<Poll> seen = new ArrayList<>(polls);
            List<Double> lags = new ArrayList<>();
            for (int k = 0; k < answeredAt.size(); k++) {
                long answer = answeredAt.get(k);
                int needed = base + k + 1;
                long shown = seen.stream().filter(p -> p.answeredAt() >= answer && p.counted() >= needed)
                        .mapToLong(Poll::answeredAt).min().orElse(counted);
                lags.add((shown - answer) / 1e6);
            }
            List<Double> latencies = answers.stream().map(a -> a[1] / 1e6).toList();
            lagMedian.add(Samples.of(lags).median());
            lagP99.add(Samples.of(lags).percentile(99));
            latencyMedian.add(Samples.of(latencies).median());
            latencyP99.add(Samples.of(latencies).percentile(99));
            long first = answers.stream().mapToLong(a -> a[0] - a[1]).min().orElseThrow();
            achieved.add(commands / ((lastAnswer - first) / 1e9));
            offered.add((double) options.rate());
        }
        String roundsLabel = rounds + " × " + commands;
        String load = " at " + options.rate() + " commands/s offered";
        return List.of(
                ResultRow.perRound("commands/s answered" + load, "commands/s offered", achieved, offered, "/s", roundsLabel),
                ResultRow.perRound("report counts a ReceiveRequest, after its 201, median" + load,
                        "the commands' own latency, median", lagMedian, latencyMedian, "ms", roundsLabel),
                ResultRow.perRound("report counts a ReceiveRequest, after its 201, p99" + load,
                        "the commands' own latency, p99", lagP99, latencyP99, "ms", roundsLabel));
    }

    /**
     * Sends {@code commands} commands on schedule, the i-th at {@code i / rate} seconds after the start, from
     * {@code --clients} threads; for each, when it was answered ({@link System#nanoTime()}) and its latency in ns.
     */
    private List<long[]> paced(int commands) {
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        AtomicInteger next = new AtomicInteger();
        List<long[]> answers = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
        long interval = 1_000_000_000L / options.rate();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                TimedHttp connection = new TimedHttp(ledger.port(), token);
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                        long due = start + i * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Pause.millis(wait / 1_000_000);
                        }
                        Exchange answer = receive(connection);
                        answers.add(new long[] {answer.answeredAt(), answer.nanos()});
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(answers);
    }

}
