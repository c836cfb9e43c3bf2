package cn.gongkai.ledger.report.diff;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.fold.TracedReport;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * One version of an agency-year's report, for comparing versions: the tables it states, the cases each cell of
 * tables 三 and 四 counted (the fold traced over the events recorded up to {@code knownAt}), and that instant
 * (null: every event, the report as corrected today). A published version states the published tables and is
 * traced at its watermark; the two agree unless events recorded before the watermark arrived after the
 * publication (an import) — {@link #reproducible()} says whether they do.
 */
public record ReportVersion(AnnualReport tables, TracedReport trace, Instant knownAt) {
    public ReportVersion {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(trace, "trace");
    }

    /**
     * The report as the ledger knew it: folded (traced) from the events recorded up to {@code request.asOf()}
     * (every event when null).
     */
    public static ReportVersion known(Collection<EventEnvelope> events, ReportRequest request) {
        TracedReport trace = ReportFold.trace(events, request);
        return new ReportVersion(trace.report(), trace, request.asOf() == null ? null : request.asOf().toInstant());
    }

    /**
     * A published version: the {@code published} tables, with the cases of the fold over the events recorded up to
     * the publication's watermark ({@code atWatermark.asOf()}).
     */
    public static ReportVersion published(AnnualReport published, Collection<EventEnvelope> events,
                                          ReportRequest atWatermark) {
        Objects.requireNonNull(atWatermark.asOf(), "a publication is traced at its watermark");
        TracedReport trace = ReportFold.trace(events, atWatermark);
        return new ReportVersion(published, trace, atWatermark.asOf().toInstant());
    }

    /** Whether the fold at {@link #knownAt} gives exactly the stated tables. */
    public boolean reproducible() {
        return ReportDiff.diff(tables, trace.report()).isEmpty();
    }
}
