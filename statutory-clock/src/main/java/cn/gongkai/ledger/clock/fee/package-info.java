/**
 * The information-processing fee of 国办函〔2020〕109号: {@link cn.gongkai.ledger.clock.fee.FeeSchedule}
 * (both scales, progressive on the excess as article 3 requires) and
 * {@link cn.gongkai.ledger.clock.fee.MonthlyRequestCounter} (each applicant's requests per agency and
 * calendar month, and the per-request fee each implies).
 */
package cn.gongkai.ledger.clock.fee;
