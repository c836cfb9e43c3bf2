package cn.gongkai.ledger.query.yearend;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/** The events the read model counts for an agency (every aggregate's contiguous prefix), as the reports fold them. */
@Component
class AgencyEvents {
    private final CountedEvents counted;

    AgencyEvents(CountedEvents counted) {
        this.counted = counted;
    }

    /** @throws LedgerProblemException 404 when the read model has no record of the agency */
    List<EventEnvelope> of(AgencyId agencyId) {
        if (!counted.knows(agencyId)) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关 " + agencyId + " 的任何记录",
                    "No records of agency " + agencyId);
        }
        return counted.ofAgency(agencyId);
    }
}
