package cn.gongkai.ledger.query.yearend;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.projection.web.LedgerProblemException;
import java.util.List;
import org.springframework.stereotype.Component;

/** The events the read model counts for an agency (every aggregate's contiguous prefix), as the reports fold them. */
@Component
class AgencyEvents {
    private final ReportMaterializer readModel;

    AgencyEvents(ReportMaterializer readModel) {
        this.readModel = readModel;
    }

    /** @throws LedgerProblemException 404 when the read model has no record of the agency */
    List<EventEnvelope> of(AgencyId agencyId) {
        if (!readModel.knows(agencyId)) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关 " + agencyId + " 的任何记录",
                    "No records of agency " + agencyId);
        }
        return readModel.countedEvents(agencyId);
    }
}
