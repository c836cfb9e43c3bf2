package cn.gongkai.ledger.report.fold;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one agency for a period (a quarter, a month, any range of days), folded exactly as the annual
 * report: the same tables under the same keys, "本年" read as "本期". The figures of a calendar year are that
 * year's report. A period that begins before the agency's ledger was opened is not {@code covered}: every cell
 * is blank.
 */
public record PeriodReport(AnnualReport.Agency agency, ReportPeriod period, ReportFormat format, OffsetDateTime asOf,
                           AppealPolicy appealPolicy, boolean covered, Map<String, Map<String, BigDecimal>> table2,
                           Map<String, Map<String, Integer>> table3, Map<String, Integer> table4,
                           AppealPolicy.Basis appealPolicyBasis) {
    /** Without saying why the policy applies ({@code appealPolicyBasis} null). */
    public PeriodReport(AnnualReport.Agency agency, ReportPeriod period, ReportFormat format, OffsetDateTime asOf,
                        AppealPolicy appealPolicy, boolean covered, Map<String, Map<String, BigDecimal>> table2,
                        Map<String, Map<String, Integer>> table3, Map<String, Integer> table4) {
        this(agency, period, format, asOf, appealPolicy, covered, table2, table3, table4, null);
    }

    public PeriodReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(format, "format");
        table2 = Collections.unmodifiableMap(table2);
        table3 = Collections.unmodifiableMap(table3);
        table4 = Collections.unmodifiableMap(table4);
    }
}
