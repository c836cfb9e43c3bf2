package cn.gongkai.ledger.readmodel.query;

import cn.gongkai.ledger.readmodel.store.MaterializedReport;
import cn.gongkai.ledger.readmodel.store.MaterializedReportRepository;
import cn.gongkai.ledger.readmodel.store.PublishedReportRepository;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.util.List;
import java.util.Optional;

/** The annual reports in the read model, read only: materialised, held back, published. */
public final class ReportQueries {
    private final MaterializedReportRepository materialized;
    private final SequenceGapRepository gaps;
    private final PublishedReportRepository published;

    public ReportQueries(MaterializedReportRepository materialized, SequenceGapRepository gaps,
                         PublishedReportRepository published) {
        this.materialized = materialized;
        this.gaps = gaps;
        this.published = published;
    }

    /**
     * The canonical JSON of the agency-year's report as the projector materialised it: in the format in force for
     * the year, under the default appeal policy.
     */
    public Optional<String> materializedJson(String agencyId, int year) {
        return materialized.find(agencyId, year).map(MaterializedReport::json);
    }

    /** The agency's cases held back by a sequence gap: not counted in its reports until the gap is filled. */
    public List<String> heldBack(String agencyId) {
        return gaps.heldBackOfAgency(agencyId);
    }

    public Optional<PublishedReport> published(String agencyId, int year) {
        return published.find(agencyId, year);
    }
}
