package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.infra.bench.TimedHttp.Exchange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An agency command against the size of the agency's Article-20 register, on the embedded ledger: two agencies,
 * one with {@value #SMALL} normative documents and one with {@value #LARGE}, the same command sent to each in turn
 * ({@code POST /api/agencies/{id}/decision-tallies}, a new batch each time, so both streams grow alike). The
 * small agency's command is the baseline: the ratio per round is large / small, so it says what the register
 * costs a command, on the same server and connection, in the same rounds.
 */
final class AgencyRegisterBench {
    static final int SMALL = 10;
    static final int LARGE = 1_000;
    private static final String SMALL_AGENCY = "bench-register-10";
    private static final String LARGE_AGENCY = "bench-register-1000";
    private static final int IMPORT_CHUNK = 500;

    private final BenchOptions options;
    private final TimedHttp smallHttp;
    private final TimedHttp largeHttp;
    private final PrintStream progress;
    private int batch;

    private AgencyRegisterBench(BenchOptions options, BenchLedger ledger, PrintStream progress) {
        this.options = options;
        this.smallHttp = new TimedHttp(ledger.port(), ledger.token(SMALL_AGENCY));
        this.largeHttp = new TimedHttp(ledger.port(), ledger.token(LARGE_AGENCY));
        this.progress = progress;
    }

    static List<ResultRow> run(BenchOptions options, PrintStream progress) {
        try (BenchLedger ledger = BenchLedger.start(options.fsync())) {
            return new AgencyRegisterBench(options, ledger, progress).measure();
        }
    }

    private List<ResultRow> measure() {
        progress.printf("agency register: %d and %d normative documents%n", SMALL, LARGE);
        register(SMALL_AGENCY, SMALL);
        register(LARGE_AGENCY, LARGE);
        for (int i = 0; i < options.warmup() / 10; i++) {
            tally(SMALL_AGENCY);
            tally(LARGE_AGENCY);
        }
        List<Double> small = new ArrayList<>();
        List<Double> large = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            List<Double> smallRound = new ArrayList<>();
            List<Double> largeRound = new ArrayList<>();
            for (int i = 0; i < options.perRound(); i++) {
                smallRound.add(tally(SMALL_AGENCY).millis());
                largeRound.add(tally(LARGE_AGENCY).millis());
            }
            small.add(Samples.of(smallRound).median());
            large.add(Samples.of(largeRound).median());
        }
        String rounds = options.rounds() + " × " + options.perRound();
        return List.of(ResultRow.perRound(
                "TallyDecisions on an agency with " + LARGE + " normative documents (200)",
                "the same on an agency with " + SMALL + ", same rounds", large, small, "ms", rounds));
    }

    private TimedHttp http(String agency) {
        return agency.equals(SMALL_AGENCY) ? smallHttp : largeHttp;
    }

    private void register(String agency, int documents) {
        TimedHttp http = http(agency);
        http.post("/api/agencies", "application/json", "{\"agencyId\":\"" + agency + "\",\"name\":\"登记簿基准局\"}")
                .expect(201);
        StringBuilder body = new StringBuilder();
        int lines = 0;
        for (int d = 1; d <= documents; d++) {
            body.append("{\"command\":\"IssueNormativeDocument\",\"agencyId\":\"").append(agency)
                    .append("\",\"documentId\":\"doc-").append(d).append("\",\"kind\":\"NORMATIVE_DOCUMENT\",")
                    .append("\"title\":\"规范性文件").append(d).append("\",\"documentNumber\":\"基准〔2024〕")
                    .append(d).append("号\",\"issuedOn\":\"2024-01-02\"}\n");
            if (++lines == IMPORT_CHUNK || d == documents) {
                Exchange answer = http.post("/api/import", "application/x-ndjson", body.toString()).expect(200);
                if (answer.json().get("accepted").asInt() != lines) {
                    throw new IllegalStateException("import accepted fewer lines: " + answer.body());
                }
                body.setLength(0);
                lines = 0;
            }
        }
    }

    private Exchange tally(String agency) {
        return http(agency).post("/api/agencies/" + agency + "/decision-tallies", "application/json",
                "{\"category\":\"LICENSING\",\"decidedOn\":\"2024-03-01\",\"count\":1,\"batchRef\":\"bench-"
                        + batch++ + "\"}").expect(200);
    }
}
