package cn.gongkai.ledger.report.projection.projector;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an agency's reports with {@link ReportFold} from the events the read model counts: for each of the
 * agency's aggregates, its events {@code 0 … lastContiguous} (a case held back by a gap contributes nothing).
 * Materialises every year the agency's history touches, since a change in one year carries over to the next.
 * After a batch it re-replays only the cases the batch changed ({@link AgencyCases}, the incremental fold).
 */
public final class ReportMaterializer {
    static final int CACHED_AGENCIES = 1000;

    private final CountedEvents counted;
    private final SequenceGapRepository gaps;
    private final MaterializedReportRepository reports;
    /** The agencies' replayed cases, kept between batches; the projector applies batches one at a time. */
    private final Map<AgencyId, AgencyCases> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<AgencyId, AgencyCases> eldest) {
                    return size() > CACHED_AGENCIES;
                }
            });

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
     * events (and keeps its replayed cases for {@link #rematerialize(AgencyId, Collection)}); drops the other years.
     */
    public void rematerialize(AgencyId agencyId) {
        AgencyCases replayed = AgencyCases.of(agencyId, countedEvents(agencyId));
        cache.put(agencyId, replayed);
        write(agencyId, replayed);
    }

    /**
     * The same after a batch that changed only the given aggregates of the agency, each given as its whole counted
     * history: only those are re-replayed ({@link AgencyCases#replace}), the agency's other cases are kept from
     * before, so the work does not grow with the agency's history. The reports equal those of
     * {@link #rematerialize(AgencyId)} (the incremental fold equals the pure fold). An agency not replayed yet in
     * this process (or no longer: the cache keeps the {@value #CACHED_AGENCIES} agencies used last) is read whole.
     */
    public void rematerialize(AgencyId agencyId, Collection<List<EventEnvelope>> changed) {
        AgencyCases replayed = cache.get(agencyId);
        if (replayed == null) {
            rematerialize(agencyId);
            return;
        }
        for (List<EventEnvelope> history : changed) {
            if (!history.isEmpty()) {
                replayed.replace(history);
            }
        }
        write(agencyId, replayed);
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

    private void write(AgencyId agencyId, AgencyCases replayed) {
        List<Integer> years = replayed.years();
        List<String> heldBack = gaps.heldBackOfAgency(agencyId.value());
        int events = replayed.events();
        String version = Long.toHexString(replayed.fingerprint()) + "-" + events;
        for (int year : years) {
            AnnualReport report = replayed.report(ReportRequest.of(agencyId, year));
            reports.save(new MaterializedReport(agencyId.value(), year, report.format().code(),
                    report.appealPolicy().name(), report.asOf() == null ? null : report.asOf().toString(),
                    ReportJson.write(report), heldBack, events, version));
        }
        reports.retainOnly(agencyId.value(), years);
    }
}
