package cn.gongkai.ledger.api.reconsideration;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;

/** Commands of a reconsideration in which the agency is the respondent (被申请人). */
public sealed interface ReconsiderationCommand extends LedgerCommand {
    ReconsiderationId reconsiderationId();

    @Override
    default String targetAggregateId() {
        return reconsiderationId().value();
    }

    /** {@code linkedRequestId} may be null when the case is not about a request in this ledger. */
    record FileReconsideration(ReconsiderationId reconsiderationId, AgencyId agencyId, String reviewBody,
                               String caseNumber, String applicantName, LocalDate filedOn, RequestId linkedRequestId,
                               Recorded recorded) implements ReconsiderationCommand {
    }

    record AcceptReconsideration(ReconsiderationId reconsiderationId, LocalDate acceptedOn, Recorded recorded)
            implements ReconsiderationCommand {
    }

    /** 不予受理: ends the case under 其他. */
    record RejectReconsideration(ReconsiderationId reconsiderationId, LocalDate decidedOn, String reason, Recorded recorded)
            implements ReconsiderationCommand {
    }

    record DecideReconsideration(ReconsiderationId reconsiderationId, LocalDate decidedOn, ReconsiderationResult result,
                                 String decisionNumber, Recorded recorded) implements ReconsiderationCommand {
    }

    /** The applicant withdrew; the review body terminates the case (其他). */
    record WithdrawReconsideration(ReconsiderationId reconsiderationId, LocalDate withdrawnOn, String reason,
                                   Recorded recorded) implements ReconsiderationCommand {
    }

    /** Erase the reconsideration applicant's personal data (《个人信息保护法》第四十七条). */
    record EraseReconsiderationApplicantData(ReconsiderationId reconsiderationId, ErasureGround ground,
                                             Recorded recorded) implements ReconsiderationCommand {
    }
}
