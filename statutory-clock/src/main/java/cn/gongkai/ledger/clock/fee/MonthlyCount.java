package cn.gongkai.ledger.clock.fee;

import cn.gongkai.ledger.api.common.AgencyId;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One applicant's requests to one agency in one calendar month, in receipt order, with the
 * per-request fee each implies and their total.
 */
public record MonthlyCount(AgencyId agencyId, ApplicantKey applicant, YearMonth month, List<RequestCharge> requests,
                           BigDecimal totalYuan) {
    public MonthlyCount {
        requests = List.copyOf(requests);
    }
}
