package cn.gongkai.ledger.clock.fee;

import cn.gongkai.ledger.api.request.RequestId;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One request's place in its applicant's month and the per-request fee it implies.
 *
 * @param ordinal    1 for the applicant's first request that month at that agency
 * @param chargeYuan {@link FeeSchedule#perRequestCharge(int)} of the ordinal
 */
public record RequestCharge(RequestId requestId, LocalDate receivedOn, int ordinal, BigDecimal chargeYuan) {
}
