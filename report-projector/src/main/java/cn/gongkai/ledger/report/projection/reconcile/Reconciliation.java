package cn.gongkai.ledger.report.projection.reconcile;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.readmodel.eventstore.EventStoreReader;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.projection.reconcile.ReconciliationResult.AggregateLag;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The reconciliation command: recomputes an agency-year straight from the event store and compares it, cell by
 * cell, with the Kafka-fed read model (the materialised report, or the read model's counted events for a year
 * not materialised). Reads only; changes nothing. Beside the differences it lists why the read model is short, as
 * far as the projector knows: the agency's cases held back (a gap, or a quarantined event) and what it quarantined
 * of the agency, so that a difference is never silent.
 */
public final class Reconciliation {
    private final EventStoreReader eventStore;
    private final ReportMaterializer readModel;
    private final MaterializedReportRepository reports;
    private final SequenceGapRepository gaps;
    private final QuarantineRepository quarantine;

    public Reconciliation(EventStoreReader eventStore, ReportMaterializer readModel, MaterializedReportRepository reports,
                          SequenceGapRepository gaps, QuarantineRepository quarantine) {
        this.eventStore = eventStore;
        this.readModel = readModel;
        this.reports = reports;
        this.gaps = gaps;
        this.quarantine = quarantine;
    }

    public ReconciliationResult reconcile(AgencyId agencyId, int year) {
        ReportRequest request = ReportRequest.of(agencyId, year);
        List<EventEnvelope> stored = eventStore.readAgency(agencyId);
        List<EventEnvelope> counted = readModel.countedEvents(agencyId);
        AnnualReport expected = ReportFold.fold(stored, request);
        AnnualReport actual = reports.find(agencyId.value(), year).map(r -> ReportJson.read(r.json()))
                .orElseGet(() -> ReportFold.fold(counted, request));
        List<CellChange> differences = ReportDiff.diff(expected, actual);
        return new ReconciliationResult(agencyId.value(), year, request.format().code(), expected.appealPolicy().name(),
                differences.isEmpty(), differences, lagging(stored, counted), asOf(expected), asOf(actual),
                stored.size(), counted.size(),
                gaps.all().stream().filter(g -> agencyId.value().equals(g.agencyId())).toList(),
                quarantine.ofAgency(agencyId.value()));
    }

    private static List<AggregateLag> lagging(List<EventEnvelope> stored, List<EventEnvelope> counted) {
        Map<String, Long> inStore = lastSequences(stored);
        Map<String, Long> inReadModel = lastSequences(counted);
        List<AggregateLag> lags = new ArrayList<>();
        inStore.forEach((id, last) -> {
            long readModelLast = inReadModel.getOrDefault(id, -1L);
            if (readModelLast != last) {
                lags.add(new AggregateLag(id, last, readModelLast));
            }
        });
        return lags;
    }

    private static Map<String, Long> lastSequences(List<EventEnvelope> events) {
        Map<String, Long> last = new TreeMap<>();
        BinaryOperator<Long> max = Math::max;
        events.forEach(e -> last.merge(e.aggregateId(), e.sequence(), max));
        return last;
    }

    private static String asOf(AnnualReport report) {
        return report.asOf() == null ? null : report.asOf().toString();
    }
}
