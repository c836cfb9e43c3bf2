package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerYears;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What to fold: the report of {@code agencyId} on calendar year {@code year}, in {@code format}, with table 四
 * under {@code appealPolicy} (when null, the policy the agency set for the year, else
 * {@link AppealPolicy#OPEN_IN_YEAR}; a policy named here is a what-if view), from the events recorded up to
 * {@code asOf}: each aggregate's history up to its first event recorded later (every event when null; then the
 * report's {@code asOf} is the latest recording time folded).
 * Folding the same events with an earlier {@code asOf} reproduces the report as it stood then, which is what a
 * revision of a published year is compared against.
 */
public record ReportRequest(AgencyId agencyId, int year, ReportFormat format, AppealPolicy appealPolicy,
                            OffsetDateTime asOf) {
    public ReportRequest {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(format, "format");
        LedgerYears.require(year, "year");
    }

    /** The report of {@code year} in the format in force for it, the agency's policy for it, every event. */
    public static ReportRequest of(AgencyId agencyId, int year) {
        return new ReportRequest(agencyId, year, ReportFormat.forYear(year), null, null);
    }
}
