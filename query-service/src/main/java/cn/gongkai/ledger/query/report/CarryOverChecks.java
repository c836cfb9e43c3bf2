package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.checker.CarryOver;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.fold.TracedReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The served report's 二 = last year's 四 ({@link CarryOver}, the one rule): this year's report against last year's
 * latest published version, naming the cases counted in one and not the other — this year's from the fold traced
 * over the events, last year's from the fold traced at the publication's watermark.
 */
final class CarryOverChecks {
    private CarryOverChecks() {
    }

    /** The differences, naming the cases (two traced folds). */
    static List<CarryOver.Difference> differences(Collection<EventEnvelope> events, ReportRequest thisYear,
                                                  LastPublication lastYear) {
        TracedReport here = ReportFold.trace(events, thisYear);
        TracedReport there = ReportFold.trace(events, lastYear.atWatermark());
        return CarryOver.differences(here, lastYear.tables(), there);
    }

    /** The report with the checks the differences break after its own. */
    static AnnualReport withChecks(AnnualReport report, List<CarryOver.Difference> differences, LastPublication lastYear) {
        if (differences.isEmpty()) {
            return report;
        }
        List<AnnualReport.Check> checks = new ArrayList<>(report.checks());
        checks.addAll(CarryOver.checks(differences, lastYear.name()));
        return report.withChecks(checks);
    }
}
