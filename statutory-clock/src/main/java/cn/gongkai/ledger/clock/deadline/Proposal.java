package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.Outcome;
import java.time.LocalDate;

/**
 * An outcome the clock proposes because a period lapsed; it is never applied automatically. An
 * officer decides and records the closing event (ClosedForMissingCorrection, ClosedForUnpaidFee).
 *
 * @param outcome      {@code 三.六.1} (correction not supplied) or {@code 三.六.2} (fee not paid)
 * @param proposedFrom the first working day after the lapsed period: the earliest day to close
 * @param reason       why, in Chinese
 */
public record Proposal(Outcome outcome, LocalDate proposedFrom, String reason) {
}
