package cn.gongkai.ledger.readmodel.query;

import java.time.Instant;

/**
 * The report of an agency-year as it was published: an immutable snapshot of the canonical JSON.
 *
 * @param json the canonical report JSON at publication, exactly as served then
 */
public record PublishedReport(String agencyId, int year, String format, String appealPolicy, Instant publishedAt,
                              String publishedBy, String json) {
}
