package cn.gongkai.ledger.query.web;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import org.springframework.stereotype.Component;

/** Refuses (404 {@code AGENCY_NOT_FOUND}) an agency the read model has counted no event of. */
@Component
public class KnownAgencies {
    private final CountedEvents counted;

    public KnownAgencies(CountedEvents counted) {
        this.counted = counted;
    }

    public void require(AgencyId agency) {
        if (!counted.knows(agency)) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关 " + agency + " 的任何记录",
                    "No records of agency " + agency);
        }
    }
}
