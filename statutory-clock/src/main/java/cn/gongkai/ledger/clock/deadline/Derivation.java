package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.clock.calendar.DayKind;
import java.time.LocalDate;
import java.util.List;

/**
 * How a reply due date was derived, as data and as readable Chinese lines.
 *
 * @param receivedOn    the receipt date (after any ReceiptDateCorrected)
 * @param channel       how the request arrived; it explains the receipt date
 * @param regulation    the regulation whose time limit applies (by the receipt date: 2008 before 2019-05-15)
 * @param deemedBy      the calendar layer whose receipt rule deemed an application arriving on a non-working day
 *                      received on the next working day; {@code null} when the recorded date counts as it is
 *                      (the default)
 * @param startDate     the day the current count starts from (not itself counted): the receipt date,
 *                      whatever day it is (the next working day only where {@code deemedBy} says so), or
 *                      the day the corrected application arrived; {@code null} while a correction is
 *                      awaited without a supply-by date
 * @param restarts      each 补正 restart, in order (the last may be provisional)
 * @param pauses        each consultation and fee pause
 * @param extension     the approved extension, or {@code null}
 * @param limitDays     the regulation's reply days (20, or 15) plus the extension
 * @param days          every calendar day after {@code startDate} up to the due date, and how it counted
 * @param lines         the same, in Chinese, one step a line
 */
public record Derivation(LocalDate receivedOn, Channel channel, Regulation regulation, String deemedBy,
                         LocalDate startDate, List<Restart> restarts,
                         List<Pause> pauses, Extension extension, int limitDays, List<DayEntry> days,
                         List<String> lines) {
    public Derivation {
        restarts = List.copyOf(restarts);
        pauses = List.copyOf(pauses);
        days = List.copyOf(days);
        lines = List.copyOf(lines);
    }

    Derivation withLines(List<String> text) {
        return new Derivation(receivedOn, channel, regulation, deemedBy, startDate, restarts, pauses, extension, limitDays,
                days, text);
    }

    /**
     * The count restarts because the corrected request arrived (第三十条): everything counted before is dropped.
     *
     * @param suppliedOn  the day the corrected request was received (provisional: the supply-by date)
     * @param startDate   the day the new count starts from (not itself counted)
     * @param provisional no correction has arrived yet; assumed on the last day allowed
     */
    public record Restart(LocalDate suppliedOn, LocalDate startDate, boolean provisional) {
    }

    /**
     * A span the clock does not run: the working days {@code stoppedOn <= d < resumesOn} are not counted;
     * {@code resumesOn} counts again if it is a working day. A consultation is sent on {@code startedOn} and
     * answered (or lapses) on {@code endedOn}: the sending day still counts, the answer day does not
     * ({@code stoppedOn = startedOn + 1}, {@code resumesOn = endedOn + 1}; an answer on a holiday then never moves
     * the due date later than a strict count). A fee is notified on {@code startedOn} and paid on {@code endedOn}:
     * the notice day does not count, the payment day does ({@code stoppedOn = startedOn}, {@code resumesOn = endedOn}).
     *
     * @param subject             the consulted party, or the fee amount and scale
     * @param startedOn           the day the consultation was sent or the fee notice given
     * @param endedOn             the day the answer arrived, the consultation lapsed (its 15th working day), the fee
     *                            was paid or the request concluded; while open, the latest it can be
     * @param provisional         still open: {@code endedOn} is the latest it can be (consultation: the 15th
     *                            working day; fee: the last day to pay)
     * @param workingDaysExcluded working days of the span that fell inside the count
     */
    public record Pause(PauseKind kind, String subject, LocalDate startedOn, LocalDate endedOn, LocalDate stoppedOn,
                        LocalDate resumesOn, ResumeCause cause, boolean provisional, int workingDaysExcluded) {
        boolean excludes(LocalDate date) {
            return !date.isBefore(stoppedOn) && date.isBefore(resumesOn);
        }
    }

    /**
     * The one approved extension (第三十三条; 2008: 第二十四条), added after the reply days.
     *
     * @param reason the reason recorded with it, or {@code null} if none was
     */
    public record Extension(LocalDate approvedOn, int workingDays, String approver, String reason) {
    }

    /**
     * One calendar day of the count.
     *
     * @param holiday    the holiday (or 调休) name, if any
     * @param workingDay the ordinal of a counted day (1..limit), else {@code null}
     * @param pausedBy   the pause that excluded a working day, else {@code null}
     */
    public record DayEntry(LocalDate date, DayKind dayKind, String holiday, Disposition disposition, Integer workingDay,
                           PauseKind pausedBy) {
    }
}
