package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.readmodel.agency.AgencyTreeFold;
import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.report.fold.AgencyCases;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.rollup.RollupSum;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A superior office's roll-up over {@code --agencies} agencies in a hierarchy — one province ({@code agency-00000}),
 * ten cities below it, every other agency a county below one of the cities (round robin) — each with its
 * generated agency-years ({@link AgencyYears}, {@code --agency-requests} a year for the province, a log-normal
 * multiple for the others) and so its materialised 2024 report.
 *
 * <p>The read model a roll-up reads is filled fast, in process, with the projector's own classes: each agency's
 * place in the hierarchy ({@link AgencyTreeFold} of its registration, naming its superior, recorded in
 * {@code agency_tree}) and every year's materialised report ({@link ReportMaterializer#materialized} of its
 * replayed cases, {@link AgencyCases}), exactly the documents the projector writes; the events themselves, the
 * event store and the topic are left out (a roll-up reads none of them; projecting every event through the
 * projector took about 2 s an agency at a load average of 40). Before timing, the
 * roll-up served over HTTP must equal the sum of the agencies' folds ({@link ReportFold}, summed by
 * {@link RollupSum}) cell by cell and list every agency, or the run stops.
 *
 * <p>Then {@code --rounds} rounds of {@code --per-round} × ({@code GET /api/reports/agency-00000/2024/rollup},
 * the baseline {@code GET /api/fees/quote}) on one connection: the median and the 99th percentile of each per
 * round; the province's own report ({@code GET /api/reports/agency-00000/2024}) in the same rounds; the roll-up
 * again just after one county's report was rewritten under a new version (as the projector rewrites it after
 * counting an event: the roll-up kept under the province's subtree version is stale, so it is summed afresh, and
 * still equals the sum of the folds after the rounds); and the heap
 * and resident memory the filled read model adds per million events.
 */
final class RollupBench {
    static final int CITIES = 10;
    private static final int YEAR = AgencyYears.REPORT_YEAR;
    private static final String QUOTE = "/api/fees/quote?scale=PER_VOLUME&pages=120";
    private static final String BASELINE = "GET /api/fees/quote, same connection";

    private final BenchOptions options;
    private final BenchLedger ledger;
    private final PrintStream progress;

    private RollupBench(BenchOptions options, BenchLedger ledger, PrintStream progress) {
        this.options = options;
        this.ledger = ledger;
        this.progress = progress;
    }

    static List<ResultRow> run(BenchOptions options, PrintStream progress) {
        try (BenchLedger ledger = BenchLedger.start(options.fsync())) {
            return new RollupBench(options, ledger, progress).measure();
        }
    }

    /** The superior of agency {@code index}: none for the province, the province for a city, a city for a county. */
    static AgencyId superiorOf(int index) {
        if (index == 0) {
            return null;
        }
        return index <= CITIES ? AgencyYears.agencyId(0) : AgencyYears.agencyId(1 + (index - CITIES - 1) % CITIES);
    }

    private List<ResultRow> measure() {
        AgencyId root = AgencyYears.agencyId(0);
        Memory before = Memory.now();
        AgencyYears years = new AgencyYears(options.agencyRequests(), options.years(), options.seed());
        ReadModelDatabase database = ledger.context().getBean(ReadModelDatabase.class);
        AgencyTreeRepository tree = new AgencyTreeRepository(database);
        MaterializedReportRepository materialized = new MaterializedReportRepository(database);
        RollupSum expected = new RollupSum(YEAR, ReportFormat.forYear(YEAR));
        long events = 0;
        long start = System.nanoTime();
        for (int i = 0; i < options.agencies(); i++) {
            AgencyYears.AgencyLedger agency = years.agency(i, superiorOf(i));
            List<EventEnvelope> history = agency.events();
            AgencyTreeFold.of(history.stream().filter(e -> e.aggregateId().equals(agency.agencyId().value())).toList())
                    .ifPresent(tree::record);
            AgencyCases cases = AgencyCases.of(agency.agencyId(), history);
            String version = ReportMaterializer.version(cases);
            for (int year : cases.years()) {
                materialized.save(ReportMaterializer.materialized(agency.agencyId(), year, cases, List.of(), version));
            }
            expected.add(ReportFold.fold(history, ReportRequest.of(agency.agencyId(), YEAR)));
            events += history.size();
            if ((i + 1) % 100 == 0) {
                progress.printf("rollup: %,d agencies, %,d events projected in %.1f s%n", i + 1, events,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        Memory filled = Memory.now();

        TimedHttp http = new TimedHttp(ledger.port(), ledger.token(root.value()));
        String rollup = "/api/reports/" + root.value() + "/" + YEAR + "/rollup";
        String report = "/api/reports/" + root.value() + "/" + YEAR;
        requireSumOfFolds(http.get(rollup).expect(200).json(), expected.result(new AnnualReport.Agency(root.value(),
                "sum of the folds")));
        progress.printf("rollup: the roll-up of %,d agencies equals the sum of their folds; timing%n",
                options.agencies());
        for (int i = 0; i < Math.max(10, options.warmup() / 10); i++) {
            http.get(rollup).expect(200);
            http.get(report).expect(200);
            http.get(QUOTE).expect(200);
        }
        List<Double> rollupMedian = new ArrayList<>();
        List<Double> rollupP99 = new ArrayList<>();
        List<Double> reportMedian = new ArrayList<>();
        List<Double> reportP99 = new ArrayList<>();
        List<Double> quoteMedian = new ArrayList<>();
        List<Double> quoteP99 = new ArrayList<>();
        List<Double> changedMedian = new ArrayList<>();
        List<Double> changedP99 = new ArrayList<>();
        List<MaterializedReport> counties = new ArrayList<>(materialized.findById(
                java.util.stream.IntStream.range(CITIES + 1, options.agencies()).mapToObj(i -> MaterializedReport.id(
                        AgencyYears.agencyId(i).value(), YEAR)).toList()).values());
        counties.sort(java.util.Comparator.comparing(MaterializedReport::agencyId));
        int rewrites = 0;
        for (int r = 0; r < options.rounds(); r++) {
            List<Double> rollups = new ArrayList<>();
            List<Double> reports = new ArrayList<>();
            List<Double> quotes = new ArrayList<>();
            List<Double> changed = new ArrayList<>();
            for (int i = 0; i < options.perRound(); i++) {
                rollups.add(http.get(rollup).expect(200).millis());
                quotes.add(http.get(QUOTE).expect(200).millis());
                reports.add(http.get(report).expect(200).millis());
                // One county's report rewritten under a new version, as the projector does after counting an event
                // of it: the next roll-up is summed afresh (the other 999 reports as kept read).
                MaterializedReport county = counties.get(rewrites++ % counties.size());
                materialized.save(new MaterializedReport(county.agencyId(), county.year(), county.format(),
                        county.appealPolicy(), county.asOf(), county.json(), county.heldBack(), county.eventCount(),
                        county.version() + "-" + rewrites));
                changed.add(http.get(rollup).expect(200).millis());
            }
            changedMedian.add(Samples.of(changed).median());
            changedP99.add(Samples.of(changed).percentile(99));
            rollupMedian.add(Samples.of(rollups).median());
            rollupP99.add(Samples.of(rollups).percentile(99));
            reportMedian.add(Samples.of(reports).median());
            reportP99.add(Samples.of(reports).percentile(99));
            quoteMedian.add(Samples.of(quotes).median());
            quoteP99.add(Samples.of(quotes).percentile(99));
        }
        requireSumOfFolds(http.get(rollup).expect(200).json(), expected.result(new AnnualReport.Agency(root.value(),
                "sum of the folds")));
        Memory after = Memory.now();
        String shape = options.rounds() + " × " + options.perRound();
        String what = String.format("%,d agencies (1 + %d + %,d), %,d events", options.agencies(), CITIES,
                Math.max(0, options.agencies() - CITIES - 1), events);
        List<ResultRow> rows = new ArrayList<>();
        rows.add(ResultRow.note(String.format(java.util.Locale.ROOT,
                "filled in process: %s projected in %.1f s (%,.0f events/s)", what, fillSeconds, events / fillSeconds)));
        rows.add(ResultRow.perRound("GET /api/reports/{province}/2024/rollup (" + what + "), median",
                BASELINE + ", median", rollupMedian, quoteMedian, "ms", shape));
        rows.add(ResultRow.perRound("GET /api/reports/{province}/2024/rollup, p99", BASELINE + ", p99", rollupP99,
                quoteP99, "ms", shape));
        rows.add(ResultRow.perRound("the same roll-up just after one county's report was rewritten (summed afresh), median",
                BASELINE + ", median", changedMedian, quoteMedian, "ms", shape));
        rows.add(ResultRow.perRound("the same roll-up just after one county's report was rewritten, p99", BASELINE + ", p99",
                changedP99, quoteP99, "ms", shape));
        rows.add(ResultRow.perRound("GET /api/reports/{province}/2024 (its own report), median", BASELINE + ", median",
                reportMedian, quoteMedian, "ms", shape));
        rows.add(ResultRow.perRound("GET /api/reports/{province}/2024 (its own report), p99", BASELINE + ", p99",
                reportP99, quoteP99, "ms", shape));
        rows.add(filled.perMillionSince(before, events, "events projected (whole process: harness and ledger)"));
        rows.add(after.row("after the rounds (whole process)"));
        return rows;
    }

    /** The roll-up lists every agency, covers them all, and its report equals the sum of their folds, cell by cell. */
    private void requireSumOfFolds(JsonNode view, AnnualReport expected) {
        int listed = view.path("agencies").size();
        if (listed != options.agencies()) {
            throw new IllegalStateException("the roll-up lists " + listed + " agencies, not " + options.agencies());
        }
        if (!view.path("notCovered").isEmpty()) {
            throw new IllegalStateException("the roll-up leaves out " + view.path("notCovered"));
        }
        AnnualReport served = ReportJson.read(view.path("report").toString());
        List<CellChange> differences = ReportDiff.diff(expected, served);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the roll-up differs from the sum of the folds: " + differences);
        }
    }
}
