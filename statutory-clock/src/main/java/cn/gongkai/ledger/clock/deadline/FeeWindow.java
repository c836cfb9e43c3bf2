package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.FeeScale;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One fee notice (第四十二条; 国办函〔2020〕109号).
 *
 * @param notifiedOn the day the applicant received the notice (the ledger records one date for
 *                   sending and receipt of the notice)
 * @param payBy      the 20th working day after {@code notifiedOn}: the last day to pay
 * @param paidOn     when the fee was paid, or {@code null}
 */
public record FeeWindow(LocalDate notifiedOn, FeeScale scale, BigDecimal amountYuan, LocalDate payBy, LocalDate paidOn) {
}
