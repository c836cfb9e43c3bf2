package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.AgencyId;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What to fold for a period other than a calendar year: as {@link ReportRequest}, with {@code period} in place
 * of the year; {@code format} by default the one in force on the period's last day, {@code appealPolicy} (when null)
 * the agency's policy for the year of that day.
 */
public record PeriodRequest(AgencyId agencyId, ReportPeriod period, ReportFormat format, AppealPolicy appealPolicy,
                            OffsetDateTime asOf) {
    public PeriodRequest {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(period, "period");
        if (format == null) {
            format = ReportFormat.forYear(period.to().getYear());
        }
    }
}
