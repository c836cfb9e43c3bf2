package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.readmodel.query.PublishedReport;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import java.time.Instant;

/**
 * One published version of an agency-year's report, as the version reads need it: from its
 * {@code AnnualReportPublished} event (read from the event store) or from the read model's projection of the latest.
 */
record LastPublication(AgencyId agencyId, int year, int revision, String format, String appealPolicy,
                       Instant publishedAt, String publishedBy, Instant watermark, int eventCount, String tablesSha256,
                       String json) {

    static LastPublication of(AnnualReportPublished event) {
        return new LastPublication(event.publicationId().agencyId(), event.publicationId().year(), event.revision(),
                event.format(), event.appealPolicy(), event.recorded().at(), event.recorded().by(), event.watermark(),
                event.eventCount(), event.tablesSha256(), event.tables());
    }

    static LastPublication of(PublishedReport snapshot) {
        return new LastPublication(new AgencyId(snapshot.agencyId()), snapshot.year(), snapshot.revision(),
                snapshot.format(), snapshot.appealPolicy(), snapshot.publishedAt(), snapshot.publishedBy(),
                snapshot.watermark(), snapshot.eventCount(), snapshot.tablesSha256(), snapshot.json());
    }

    /** The tables as published. */
    AnnualReport tables() {
        return ReportJson.read(json);
    }

    /** The fold that reproduces the tables: the same format and policy, over the events recorded up to the watermark. */
    ReportRequest atWatermark() {
        return new ReportRequest(agencyId, year, ReportFormat.fromCode(format), AppealPolicy.valueOf(appealPolicy),
                watermark.atZone(Recorded.ZONE).toOffsetDateTime());
    }

    /** The same format and policy over every event: the report as corrected today, to compare with this version. */
    ReportRequest today() {
        return new ReportRequest(agencyId, year, ReportFormat.fromCode(format), AppealPolicy.valueOf(appealPolicy), null);
    }

    /** How the checks name it: {@code 2024年度已发布报告（第1版）}. */
    String name() {
        return year + "年度已发布报告（第" + revision + "版）";
    }
}
