package cn.gongkai.ledger.report.projection.projector;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.RecentlyUsed;
import cn.gongkai.ledger.report.fold.AgencyCases;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an agency's reports with {@link ReportFold} from the events the read model counts: for each of the
 * agency's aggregates, its events {@code 0 … lastContiguous} (a case held back by a gap contributes nothing).
 * Materialises every year the agency's history touches, since a change in one year carries over to the next.
 * After a batch it re-replays only the cases the batch changed ({@link AgencyCases}, the incremental fold); a
 * rebuild replays every agency in memory and writes each report once ({@link #staging()}).
 */
public final class ReportMaterializer {
    static final int CACHED_AGENCIES = 1000;
    /** A rebuild writes the reports of this many agencies in one round trip. */
    static final int WRITE_CHUNK = 500;

    private final CountedEvents counted;
    private final SequenceGapRepository gaps;
    private final MaterializedReportRepository reports;
    /** The agencies' replayed cases, kept between batches; the projector applies batches one at a time. */
    private final Map<AgencyId, AgencyCases> cache = RecentlyUsed.map(CACHED_AGENCIES);

    public ReportMaterializer(CountedEvents counted, SequenceGapRepository gaps, MaterializedReportRepository reports) {
        this.counted = counted;
        this.gaps = gaps;
        this.reports = reports;
    }

    /** The agency's counted events: every aggregate's contiguous prefix. */
    public List<EventEnvelope> countedEvents(AgencyId agencyId) {
        return counted.ofAgency(agencyId);
    }

    /** The report as the read model stands, for any format and policy. */
    public AnnualReport compute(ReportRequest request) {
        return ReportFold.fold(countedEvents(request.agencyId()), request);
    }

    /**
     * Recomputes and stores the agency's report for every year its counted history touches, from all its counted
     * events (and keeps its replayed cases for {@link #rematerializeAll}); drops the other years.
     */
    public void rematerialize(AgencyId agencyId) {
        cache.remove(agencyId);
        rematerializeAll(Map.of(agencyId, List.of()));
    }

    /**
     * The same after a batch that changed only the given aggregates of each agency, each given as its whole counted
     * history: only those are re-replayed ({@link AgencyCases#replace}), the agency's other cases are kept from
     * before, so the work does not grow with the agency's history. The reports equal those of
     * {@link #rematerialize(AgencyId)} (the incremental fold equals the pure fold). An agency not replayed yet in
     * this process (or no longer: the cache keeps the {@value #CACHED_AGENCIES} agencies used last) is read whole.
     * The batch's reports are stored together: one bulk write of every agency-year, one read of the agencies'
     * held-back cases, one removal of the years gone.
     */
    public void rematerializeAll(Map<AgencyId, ? extends Collection<List<EventEnvelope>>> changedByAgency) {
        Map<AgencyId, AgencyCases> replayed = new LinkedHashMap<>();
        changedByAgency.forEach((agencyId, changed) -> {
            AgencyCases cases = cache.get(agencyId);
            if (cases == null) {
                cases = AgencyCases.of(agencyId, countedEvents(agencyId));
            } else {
                for (List<EventEnvelope> history : changed) {
                    if (!history.isEmpty()) {
                        cases.replace(history);
                    }
                }
            }
            replayed.put(agencyId, cases);
        });
        write(replayed);
        replayed.forEach(cache::put);
    }

    /**
     * A rebuild's reports: each agency's cases replayed in memory as the rebuild counts its aggregates, and every
     * report written once, at the end ({@link #writeAll()}), instead of after every batch. An agency whose part of
     * the rebuild had to be counted case by case (something in it could not be projected) is read whole from the
     * read model at the end instead.
     */
    public Staging staging() {
        return new Staging();
    }

    /** See {@link #staging()}. Not thread-safe: one rebuild fills it. */
    public final class Staging {
        private final Map<AgencyId, AgencyCases> agencies = new java.util.HashMap<>();
        private final java.util.Set<AgencyId> fromReadModel = new java.util.HashSet<>();

        private Staging() {
        }

        /** Replays the agency's changed aggregates (each its whole counted history) into its staged cases. */
        void replace(AgencyId agencyId, Collection<List<EventEnvelope>> changed) {
            if (fromReadModel.contains(agencyId)) {
                return;
            }
            AgencyCases cases = agencies.computeIfAbsent(agencyId, a -> AgencyCases.of(a, List.of()));
            for (List<EventEnvelope> history : changed) {
                if (!history.isEmpty()) {
                    cases.replace(history);
                }
            }
        }

        /** These agencies are materialised from what the read model counts, at the end. */
        void materializeFromReadModel(Collection<AgencyId> agencyIds) {
            fromReadModel.addAll(agencyIds);
            agencyIds.forEach(agencies::remove);
        }

        /** The agencies staged. */
        public int agencies() {
            return agencies.size() + fromReadModel.size();
        }

        /**
         * Writes every staged agency's reports, {@value #WRITE_CHUNK} agencies a round trip, then those to be read
         * from the read model; returns how many agencies.
         */
        public int writeAll() {
            List<AgencyId> ids = new java.util.ArrayList<>(agencies.keySet());
            ids.sort(java.util.Comparator.comparing(AgencyId::value));
            for (int from = 0; from < ids.size(); from += WRITE_CHUNK) {
                Map<AgencyId, AgencyCases> chunk = new LinkedHashMap<>();
                ids.subList(from, Math.min(ids.size(), from + WRITE_CHUNK)).forEach(a -> chunk.put(a, agencies.get(a)));
                write(chunk);
            }
            Map<AgencyId, List<List<EventEnvelope>>> whole = new LinkedHashMap<>();
            fromReadModel.stream().sorted(java.util.Comparator.comparing(AgencyId::value))
                    .forEach(a -> whole.put(a, List.of()));
            forgetReplayedCases();
            for (AgencyId agencyId : whole.keySet()) {
                rematerialize(agencyId);
            }
            return ids.size() + whole.size();
        }
    }

    /**
     * Folds the agency's reports of every year with {@code history} (one aggregate's events from sequence 0) in
     * place of what the read model counts of that aggregate, writing nothing: throws what materialising would.
     */
    public void dryRun(AgencyId agencyId, List<EventEnvelope> history) {
        String aggregateId = history.get(0).aggregateId();
        List<EventEnvelope> events = new java.util.ArrayList<>(countedEvents(agencyId).stream()
                .filter(e -> !e.aggregateId().equals(aggregateId)).toList());
        events.addAll(history);
        AgencyCases replayed = AgencyCases.of(agencyId, events);
        for (int year : replayed.years()) {
            ReportJson.write(replayed.report(ReportRequest.of(agencyId, year)));
        }
    }

    /**
     * Drops every agency's replayed cases; each is read whole on its next batch (after a new assignment of
     * partitions, or a failed batch, which may have left them half-changed).
     */
    public void forgetReplayedCases() {
        cache.clear();
    }

    /** Stores the agencies' reports of every year their cases touch, and drops their other years. */
    private void write(Map<AgencyId, AgencyCases> replayed) {
        if (replayed.isEmpty()) {
            return;
        }
        Map<String, List<String>> heldBack = gaps.heldBackOfAgencies(
                replayed.keySet().stream().map(AgencyId::value).toList());
        List<MaterializedReport> documents = new java.util.ArrayList<>();
        Map<String, List<Integer>> years = new LinkedHashMap<>();
        replayed.forEach((agencyId, cases) -> {
            String version = version(cases);
            List<String> held = heldBack.getOrDefault(agencyId.value(), List.of());
            for (int year : cases.years()) {
                documents.add(materialized(agencyId, year, cases, held, version));
            }
            years.put(agencyId.value(), cases.years());
        });
        reports.replaceAll(documents, years);
    }

    /** The version of the agency's reports materialised from {@code replayed} ({@link MaterializedReport#version}). */
    public static String version(AgencyCases replayed) {
        return Long.toHexString(replayed.fingerprint()) + "-" + replayed.events();
    }

    /** The agency's report of {@code year} from its replayed cases, as the projector stores it. */
    public static MaterializedReport materialized(AgencyId agencyId, int year, AgencyCases replayed,
                                                  List<String> heldBack, String version) {
        AnnualReport report = replayed.report(ReportRequest.of(agencyId, year));
        return new MaterializedReport(agencyId.value(), year, report.format().code(), report.appealPolicy().name(),
                report.asOf() == null ? null : report.asOf().toString(), ReportJson.write(report), heldBack,
                replayed.events(), version);
    }
}
