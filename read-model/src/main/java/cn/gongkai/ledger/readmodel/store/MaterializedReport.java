package cn.gongkai.ledger.readmodel.store;

import java.util.List;

/**
 * The report of one agency-year as the projector last computed it, in the format in force for the year and under
 * the default appeal policy.
 *
 * @param json       the canonical report JSON, exactly as served
 * @param heldBack   ids of the agency's cases held back by a gap (not counted in {@code json})
 * @param eventCount how many counted events of the agency the report was folded from
 * @param version    names the counted events the agency's reports were folded from (every year of one agency
 *                   materialised together carries the same): it changes whenever they change, so anything derived
 *                   from the report and the agency's events may be kept under it; null in a document stored before
 *                   versions were
 */
public record MaterializedReport(String agencyId, int year, String format, String appealPolicy, String asOf,
                                 String json, List<String> heldBack, int eventCount, String version) {
    public MaterializedReport {
        heldBack = List.copyOf(heldBack);
    }

    public static String id(String agencyId, int year) {
        return agencyId + "|" + year;
    }
}
