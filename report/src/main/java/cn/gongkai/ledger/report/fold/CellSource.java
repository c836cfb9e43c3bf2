package cn.gongkai.ledger.report.fold;

/**
 * One case counted in a cell of table 三 or 四, and the event that put it there: the case's event that decided
 * the counted fact (its receipt or applicant type for 一, 二 and 四; its conclusion, or the correction of it, for
 * 三; for table 四 the filing, or the decision or judgment the case stands at on 31 Dec).
 *
 * @param sequence  the event's sequence in the case's stream
 * @param eventType the event's type, e.g. {@code RequestReplied}
 */
public record CellSource(String caseId, long sequence, String eventType) {
}
