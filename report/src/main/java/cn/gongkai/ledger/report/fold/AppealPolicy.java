package cn.gongkai.ledger.report.fold;

/**
 * Which reconsiderations and lawsuits belong to table 四 of year Y (annual-report.md, table 四).
 * The policy is stated in the report's metadata ({@code appealPolicy}).
 */
public enum AppealPolicy {
    /**
     * The default, the reading most published reports follow: the cases filed in Y plus the cases filed
     * earlier that were still pending on 1 January Y, so that a case is counted in every year it is open
     * and in the year it ends. A lawsuit reopened for retrial in Y is open in Y again.
     */
    OPEN_IN_YEAR,
    /** Only the cases filed in Y (for an agency whose superior office requires it); a retrial is not a new filing. */
    FILED_IN_YEAR
}
