package cn.gongkai.ledger.report.projection.projector;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.LedgerYears;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Computes an agency's reports with {@link ReportFold} from the events the read model counts: for each of the
 * agency's aggregates, its events {@code 0 … lastContiguous} (a case held back by a gap contributes nothing).
 * Materialises every year the agency's history touches, since a change in one year carries over to the next.
 */
public final class ReportMaterializer {
    private final CountedEvents counted;
    private final SequenceGapRepository gaps;
    private final MaterializedReportRepository reports;

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

    /** Recomputes and stores the agency's report for every year its counted history touches; drops the others. */
    public void rematerialize(AgencyId agencyId) {
        List<EventEnvelope> counted = countedEvents(agencyId);
        List<Integer> years = years(counted);
        List<String> heldBack = gaps.heldBackOfAgency(agencyId.value());
        for (int year : years) {
            AnnualReport report = ReportFold.fold(counted, ReportRequest.of(agencyId, year));
            reports.save(new MaterializedReport(agencyId.value(), year, report.format().code(),
                    report.appealPolicy().name(), report.asOf() == null ? null : report.asOf().toString(),
                    ReportJson.write(report), heldBack, counted.size()));
        }
        reports.retainOnly(agencyId.value(), years);
    }

    /**
     * The years from the earliest year of any business date in the events' payloads to the latest year of any
     * recording time (Asia/Shanghai), from {@value LedgerYears#FIRST} on: every year in which a case may be
     * received, open, carried over or concluded. (A business date never lies after its recording date, except a
     * deadline, which decides no report.)
     */
    static List<Integer> years(List<EventEnvelope> events) {
        TreeSet<Integer> businessYears = new TreeSet<>();
        TreeSet<Integer> recordingYears = new TreeSet<>();
        for (EventEnvelope event : events) {
            LedgerEvent payload = event.payload();
            recordingYears.add(payload.recorded().at().atZone(Recorded.ZONE).getYear());
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getType() == LocalDate.class && read(component, payload) instanceof LocalDate date) {
                    businessYears.add(date.getYear());
                }
            }
        }
        if (recordingYears.isEmpty()) {
            return List.of();
        }
        businessYears.addAll(recordingYears);
        int first = Math.max(LedgerYears.FIRST, businessYears.first());
        return IntStream.rangeClosed(first, recordingYears.last()).boxed().toList();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
