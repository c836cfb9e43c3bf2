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
 * @param startDate     the day the current count starts from (not itself counted): the receipt date,
 *                      moved to the next working day if it is not one, or the (re)start after a
 *                      correction; {@code null} while a correction is awaited without a supply-by date
 * @param restarts      each 补正 restart, in order (the last may be provisional)
 * @param pauses        each consultation and fee pause
 * @param extension     the approved extension, or {@code null}
 * @param limitDays     20 plus the extension
 * @param days          every calendar day after {@code startDate} up to the due date, and how it counted
 * @param lines         the same, in Chinese, one step a line
 */
public record Derivation(LocalDate receivedOn, Channel channel, LocalDate startDate, List<Restart> restarts,
                         List<Pause> pauses, Extension extension, int limitDays, List<DayEntry> days,
                         List<String> lines) {
    public Derivation {
        restarts = List.copyOf(restarts);
        pauses = List.copyOf(pauses);
        days = List.copyOf(days);
        lines = List.copyOf(lines);
    }

    Derivation withLines(List<String> text) {
        return new Derivation(receivedOn, channel, startDate, restarts, pauses, extension, limitDays, days, text);
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
     * The clock stops on {@code stoppedOn} and resumes on {@code resumesOn}: the working days
     * {@code stoppedOn <= d < resumesOn} are not counted; {@code resumesOn} counts again if it is a working day.
     *
     * @param subject             the consulted party, or the fee amount and scale
     * @param provisional         still open: {@code resumesOn} is the latest it can be (consultation: the
     *                            day after the 15th working day; fee: the last day to pay)
     * @param workingDaysExcluded working days of the span that fell inside the count
     */
    public record Pause(PauseKind kind, String subject, LocalDate stoppedOn, LocalDate resumesOn, ResumeCause cause,
                        boolean provisional, int workingDaysExcluded) {
        boolean excludes(LocalDate date) {
            return !date.isBefore(stoppedOn) && date.isBefore(resumesOn);
        }
    }

    /** The one approved extension (第三十三条), added after the 20 working days. */
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
