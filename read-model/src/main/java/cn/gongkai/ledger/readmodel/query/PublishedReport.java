package cn.gongkai.ledger.readmodel.query;

import java.time.Instant;

/**
 * The report of an agency-year as last published ({@code AnnualReportPublished}, projected like any event): the
 * tables exactly as published, folded from the agency's events recorded up to {@code watermark}.
 *
 * @param revision     1 for the first publication, then 2, 3 … for each revision
 * @param publishedAt  when the publication was recorded
 * @param publishedBy  the officer who published it
 * @param watermark    the recording time of the latest event the tables were folded from
 * @param eventCount   how many events they were folded from
 * @param tablesSha256 the SHA-256 of {@code json}
 * @param json         the canonical report JSON as published
 */
public record PublishedReport(String agencyId, int year, int revision, String format, String appealPolicy,
                              Instant publishedAt, String publishedBy, Instant watermark, int eventCount,
                              String tablesSha256, String json) {
}
