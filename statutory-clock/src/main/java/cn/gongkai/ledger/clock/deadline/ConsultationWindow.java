package cn.gongkai.ledger.clock.deadline;

import java.time.LocalDate;

/**
 * One consultation of a third party or another agency (第三十二条).
 *
 * @param answerDueOn the 15th working day after {@code sentOn}: the last day for the answer
 * @param answeredOn  when the answer arrived, or {@code null}
 * @param expiredOn   when the expiry was recorded, or {@code null}
 */
public record ConsultationWindow(String consultedParty, LocalDate sentOn, LocalDate answerDueOn, LocalDate answeredOn,
                                 LocalDate expiredOn) {
}
