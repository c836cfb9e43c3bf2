package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.AppealOutcome;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of table 四 of one period under one policy, case by case: the one place a reconsideration or lawsuit
 * is counted. A case belongs to the period under the policy (filed in it, or open during it) and is counted in its
 * group under the outcome it stands at at the end of the period's last day (尚未审结 while pending); 总计 per group
 * is the sum. As {@link Table3Counts}, a case is counted in ({@code +1}) or taken out again ({@code -1}).
 */
final class Table4Counts {
    private final ReportPeriod period;
    private final AppealPolicy policy;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    Table4Counts(ReportPeriod period, AppealPolicy policy) {
        this.period = period;
        this.policy = policy;
        ReportFormat.table4Keys().forEach(k -> counts.put(k, 0));
    }

    /** See {@link Table3Counts#count}. */
    void count(AppealCase c, int sign, Map<String, List<CellSource>> sources) {
        boolean counted = policy == AppealPolicy.FILED_IN_YEAR ? period.contains(c.filedOn()) : c.openDuring(period);
        if (!counted) {
            return;
        }
        LocalDate lastDay = period.to();
        String column = c.standingAt(lastDay).map(AppealOutcome::key).orElse(AppealOutcome.PENDING_KEY);
        String cell = ReportFormat.table4Key(c.group(), column);
        String total = ReportFormat.table4Key(c.group(), AppealOutcome.TOTAL_KEY);
        counts.merge(cell, sign, Integer::sum);
        counts.merge(total, sign, Integer::sum);
        if (sources != null) {
            Table3Counts.record(sources, AnnualReport.cell("table4", cell), c.sourceAt(lastDay));
            Table3Counts.record(sources, AnnualReport.cell("table4", total), c.sourceAt(lastDay));
        }
    }

    /** The table as the report states it. */
    Map<String, Integer> table() {
        return new LinkedHashMap<>(counts);
    }
}
