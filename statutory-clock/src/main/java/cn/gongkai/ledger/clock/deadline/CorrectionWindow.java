package cn.gongkai.ledger.clock.deadline;

import java.time.LocalDate;

/**
 * The 补正 step (第三十条).
 *
 * @param requestBy   the last day the agency may ask for a correction: the 7th working day after
 *                    the start date (counted like the reply limit)
 * @param requestedOn when the (first) correction was asked for, or {@code null}
 * @param supplyBy    the period the agency gave the applicant, or {@code null}
 * @param suppliedOn  when the corrected request arrived, or {@code null}
 */
public record CorrectionWindow(LocalDate requestBy, LocalDate requestedOn, LocalDate supplyBy, LocalDate suppliedOn) {
}
