package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.clock.calendar.CalendarDay;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.Derivation.DayEntry;
import cn.gongkai.ledger.clock.deadline.Derivation.Extension;
import cn.gongkai.ledger.clock.deadline.Derivation.Pause;
import cn.gongkai.ledger.clock.deadline.Derivation.Restart;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The statutory reply clock of 《政府信息公开条例》, computed from a request's event history with one
 * {@link WorkingDayCalendar}. Pure: the same history and calendar always give the same reading; nothing reads
 * the system clock ("as of" dates are passed in). The convention and its legal reasoning: docs/deadlines.md.
 *
 * <h2>Counting rules (pinned down here)</h2>
 * <ul>
 *   <li><b>Regulation.</b> {@link Regulation#governing}: a request received before 2019-05-15 has 15 working
 *       days, extendable by at most 15 (国务院令第492号 第二十四条); from that day 20 + 20 (第三十三条).</li>
 *   <li><b>Start (the safe due date).</b> The start date is the recorded receipt date, whatever day it is,
 *       and it is never counted: day 1 is the first working day after it, and the limit ends at the end of
 *       the last working day. Received Saturday 2024-03-16: day 1 Monday 03-18, day 13 Wednesday 04-03,
 *       04-04..04-06 Qingming skipped, Sunday 04-07 (调休) day 14, day 20 Monday 04-15. Only where the
 *       agency's calendar layer deems a non-working-day arrival by the request's channel received on the next
 *       working day ({@link WorkingDayCalendar#deemedReceipt}) is the start that next working day (then
 *       2024-03-18, due 04-16); the derivation names the layer.</li>
 *   <li><b>Extension.</b> The first ExtensionApproved adds its working days (at most the regulation's
 *       maximum) after the reply days, counted on from the same start.</li>
 *   <li><b>Correction (补正) restarts.</b> CorrectionSupplied restarts the count: the new start is
 *       {@code suppliedOn}, whatever day it is (the next working day only under the agency's receipt rule),
 *       not counted, and everything counted before is dropped. While a correction is awaited the count does
 *       not run; the due date shown is provisional, as if the correction arrived on {@code supplyBy}. The
 *       agency's own limit for asking is the 7th working day after the receipt date.</li>
 *   <li><b>Consultation pause.</b> The days after the day the consultation is sent, up to and including the
 *       day the answer arrives, are excluded; counting resumes the day after. The sending day counts (if a
 *       working day), the answer day does not: when both are working days this gives the same date as
 *       excluding the sending day and counting the answer day, and when the answer arrives on a non-working
 *       day it gives the earlier, strict date (sent 2023-09-27, answered 2023-10-03 during National Day:
 *       due 10-25, not 10-26). The pause ends at the latest with the consulted party's 15th working day
 *       (counted from the day after sending), whether or not the expiry has been recorded.</li>
 *   <li><b>Fee pause.</b> The half-open span {@code [notifiedOn, paidOn)}: the clock stops on the day the fee
 *       notice is given (not counted) and resumes on the day of payment (counted if a working day). An unpaid
 *       fee keeps the clock stopped; the due date shown is provisional, as if paid on the last day to pay.</li>
 *   <li><b>Windows of other parties.</b> Consultation answer due: 15th working day after
 *       {@code sentOn}; fee payable by: 20th working day after {@code notifiedOn} (the notice's day
 *       of receipt; counting starts the day after).</li>
 *   <li><b>Proposals.</b> When a correction is still awaited after {@code supplyBy}, or a fee is
 *       unpaid after its last day, the clock proposes {@code 三.六.1} or {@code 三.六.2} from the next
 *       working day. It never closes a request.</li>
 *   <li><b>Corrections of facts</b> (ReceiptDateCorrected, ConclusionDateCorrected, OfficerAssigned)
 *       are applied; the latest wins.</li>
 * </ul>
 * A date the calendar does not cover raises {@code DateOutsideCalendarException}.
 */
public final class RequestClock {
    /** 第三十三条 (2019): 20 working days; {@link Regulation} has the limits of every regulation. */
    public static final int REPLY_LIMIT_DAYS = Regulation.ORDINANCE_2019.replyDays();
    /** 第三十三条 (2019): at most 20 further working days, once. */
    public static final int MAX_EXTENSION_DAYS = Regulation.ORDINANCE_2019.maxExtensionDays();
    /** 第三十条: a correction is asked for within 7 working days of receipt. */
    public static final int CORRECTION_REQUEST_DAYS = 7;
    /** 第三十二条: the consulted party has 15 working days. */
    public static final int CONSULTATION_DAYS = 15;
    /** 国办函〔2020〕109号: the applicant pays within 20 working days. */
    public static final int FEE_PAYMENT_DAYS = 20;

    private final WorkingDayCalendar calendar;

    public RequestClock(WorkingDayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Reads the clock of one request.
     *
     * @param history the request's events in sequence order, starting with RequestReceived
     */
    public ClockReading read(List<? extends DisclosureRequestEvent> history) {
        RequestFacts facts = RequestFacts.fold(history);
        Regulation regulation = Regulation.governing(facts.receivedOn);
        String deemedBy = calendar.deemedReceipt(facts.channel).orElse(null);
        LocalDate receiptStart = countsFrom(facts.receivedOn, deemedBy);
        List<ClockFlag> flags = new ArrayList<>();
        CorrectionWindow correction = correctionWindow(facts, receiptStart, regulation, flags);
        List<Restart> restarts = restarts(facts, deemedBy);
        LocalDate start = startDate(facts, receiptStart, restarts);
        Extension extension = extension(facts, regulation, flags);
        int limit = regulation.replyDays() + (extension == null ? 0 : extension.workingDays());
        List<ConsultationWindow> consultations = facts.consultations.stream().map(c -> new ConsultationWindow(
                c.started.consultedParty(), c.started.sentOn(),
                calendar.plusWorkingDays(c.started.sentOn(), CONSULTATION_DAYS), c.answeredOn, c.expiredOn)).toList();
        List<FeeWindow> fees = facts.fees.stream().map(f -> new FeeWindow(f.notified.notifiedOn(), f.notified.scale(),
                f.notified.amountYuan(), calendar.plusWorkingDays(f.notified.notifiedOn(), FEE_PAYMENT_DAYS), f.paidOn))
                .toList();
        List<Pause> spans = Stream.concat(consultations.stream().map(c -> consultationPause(c, facts)),
                fees.stream().map(f -> feePause(f, facts))).toList();

        List<DayEntry> days = start == null ? List.of() : count(start, limit, spans);
        LocalDate dueOn = days.isEmpty() ? null : days.get(days.size() - 1).date();
        List<Pause> pauses = spans.stream().map(p -> withExcludedDays(p, days)).toList();
        boolean open = !facts.concluded();
        boolean provisional = open && (facts.awaitingCorrection || pauses.stream().anyMatch(Pause::provisional));
        if (!open && dueOn != null && facts.concludedOn.isAfter(dueOn) && facts.status() != RequestStatus.WITHDRAWN) {
            flags.add(ClockFlag.CONCLUDED_AFTER_DUE);
        }
        List<Proposal> proposals = open ? proposals(facts, fees) : List.of();

        Derivation counted = new Derivation(facts.receivedOn, facts.channel, regulation,
                deemedBy != null && !calendar.isWorkingDay(facts.receivedOn) ? deemedBy : null, start, restarts, pauses,
                extension, limit, days, List.of());
        Derivation derivation = counted.withLines(DerivationText.lines(counted, receiptStart,
                calendar.day(facts.receivedOn), correction, flags, facts.awaitingCorrection, dueOn, provisional));
        return new ClockReading(facts.requestId, calendar.version(), facts.channel, facts.receivedOn, facts.officer,
                facts.status(), dueOn, provisional, derivation, correction, consultations, fees, proposals,
                List.copyOf(flags), facts.concludedOn);
    }

    /**
     * Where a request stands on {@code asOf}: working days left or overdue, whether the clock runs,
     * and the proposals that have come due (see {@link Standing}).
     *
     * @throws IllegalArgumentException if the reading was computed with another calendar
     */
    public Standing standing(ClockReading reading, LocalDate asOf) {
        if (!reading.calendarVersion().equals(calendar.version())) {
            throw new IllegalArgumentException("reading of " + reading.requestId() + " was computed with calendar "
                    + reading.calendarVersion() + ", not " + calendar.version());
        }
        Derivation derivation = reading.derivation();
        boolean waitingForCorrection = derivation.startDate() == null
                || derivation.restarts().stream().anyMatch(Restart::provisional);
        LocalDate end = reading.concludedOn() != null && reading.concludedOn().isBefore(asOf) ? reading.concludedOn() : asOf;
        int consumed = 0;
        if (!waitingForCorrection) {
            for (LocalDate d = derivation.startDate().plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d) && !stoppedOn(derivation, d)) {
                    consumed++;
                }
            }
        }
        int balance = derivation.limitDays() - consumed;
        boolean open = reading.status().open();
        boolean running = open && !waitingForCorrection && !stoppedOn(derivation, asOf);
        List<Proposal> due = open
                ? reading.proposals().stream().filter(p -> !p.proposedFrom().isAfter(asOf)).toList()
                : List.of();
        return new Standing(reading.requestId(), reading.officer(), reading.status(), asOf, reading.dueOn(),
                reading.provisional(), running, Math.max(balance, 0), Math.max(-balance, 0), due);
    }

    /** An unpaid fee stops the clock until it is paid, however long that takes. */
    private static boolean stoppedOn(Derivation derivation, LocalDate date) {
        return derivation.pauses().stream().anyMatch(p -> p.excludes(date)
                || (p.kind() == PauseKind.FEE && p.provisional() && !date.isBefore(p.stoppedOn())));
    }

    /**
     * The day a count starts from: the recorded date itself (the safe default), or, where the agency's receipt
     * rule ({@code deemedBy}) applies, the next working day if it is not one.
     */
    private LocalDate countsFrom(LocalDate arrivedOn, String deemedBy) {
        return deemedBy == null ? arrivedOn : calendar.workingDayOnOrAfter(arrivedOn);
    }

    private CorrectionWindow correctionWindow(RequestFacts facts, LocalDate receiptStart, Regulation regulation,
                                              List<ClockFlag> flags) {
        LocalDate requestBy = calendar.plusWorkingDays(receiptStart, CORRECTION_REQUEST_DAYS);
        if (facts.correctionRequests.isEmpty()) {
            return new CorrectionWindow(requestBy, null, null, null);
        }
        CorrectionRequested first = facts.correctionRequests.get(0);
        // The 7 working days are the 2019 条例's (第三十条); the 2008 条例 set no limit for asking.
        if (regulation == Regulation.ORDINANCE_2019 && first.requestedOn().isAfter(requestBy)) {
            flags.add(ClockFlag.CORRECTION_REQUESTED_LATE);
        }
        if (facts.correctionRequests.size() > 1) {
            flags.add(ClockFlag.REPEATED_CORRECTION_REQUEST);
        }
        LocalDate suppliedOn = facts.supplies.isEmpty() ? null : facts.supplies.get(0).suppliedOn();
        return new CorrectionWindow(requestBy, first.requestedOn(), first.supplyBy(), suppliedOn);
    }

    private List<Restart> restarts(RequestFacts facts, String deemedBy) {
        List<Restart> restarts = new ArrayList<>();
        for (var supply : facts.supplies) {
            LocalDate suppliedOn = supply.suppliedOn();
            restarts.add(new Restart(suppliedOn, restartFrom(facts, suppliedOn, deemedBy), false));
        }
        LocalDate supplyBy = facts.pendingSupplyBy();
        if (supplyBy != null && !facts.concluded()) {
            restarts.add(new Restart(supplyBy, restartFrom(facts, supplyBy, deemedBy), true));
        }
        return restarts;
    }

    /** A corrected request counts from its arrival (as the receipt rule has it), never from before the receipt date. */
    private LocalDate restartFrom(RequestFacts facts, LocalDate suppliedOn, String deemedBy) {
        return countsFrom(suppliedOn.isBefore(facts.receivedOn) ? facts.receivedOn : suppliedOn, deemedBy);
    }

    private static LocalDate startDate(RequestFacts facts, LocalDate receiptStart, List<Restart> restarts) {
        Restart last = restarts.isEmpty() ? null : restarts.get(restarts.size() - 1);
        if (facts.awaitingCorrection) {
            return last != null && last.provisional() ? last.startDate() : null;
        }
        return last == null ? receiptStart : last.startDate();
    }

    private static Extension extension(RequestFacts facts, Regulation regulation, List<ClockFlag> flags) {
        if (facts.extensions.isEmpty()) {
            return null;
        }
        if (facts.extensions.size() > 1) {
            flags.add(ClockFlag.REPEATED_EXTENSION);
        }
        ExtensionApproved approved = facts.extensions.get(0);
        int days = Math.max(0, Math.min(regulation.maxExtensionDays(), approved.workingDays()));
        if (!regulation.allowsExtension(approved.workingDays())) {
            flags.add(ClockFlag.EXTENSION_OUT_OF_RANGE);
        }
        return new Extension(approved.approvedOn(), days, approved.approver(), approved.reason());
    }

    /**
     * A consultation excludes the days after {@code sentOn} up to and including the day it ends: the answer, a
     * recorded expiry or the conclusion, at the latest the 15th working day (also while it is still open).
     */
    private static Pause consultationPause(ConsultationWindow c, RequestFacts facts) {
        LocalDate lapse = c.answerDueOn();
        LocalDate ended = c.answeredOn() != null ? c.answeredOn() : c.expiredOn();
        ResumeCause cause = c.answeredOn() != null ? ResumeCause.ANSWERED : ResumeCause.EXPIRED;
        boolean provisional = false;
        if (ended == null && facts.concluded()) {
            ended = facts.concludedOn;
            cause = ResumeCause.CONCLUDED;
        } else if (ended == null) {
            ended = lapse;
            provisional = true;
        }
        if (ended.isAfter(lapse)) {
            ended = lapse;
            cause = ResumeCause.EXPIRED;
        }
        ended = notBefore(ended, c.sentOn());
        return new Pause(PauseKind.CONSULTATION, c.consultedParty(), c.sentOn(), ended, c.sentOn().plusDays(1),
                ended.plusDays(1), cause, provisional, 0);
    }

    /** A fee stops the clock on {@code notifiedOn} until it is paid; while unpaid, assume payment on the last day. */
    private static Pause feePause(FeeWindow f, RequestFacts facts) {
        String subject = DerivationText.fee(f.scale(), f.amountYuan());
        if (f.paidOn() != null) {
            return feePause(subject, f.notifiedOn(), notBefore(f.paidOn(), f.notifiedOn()), ResumeCause.PAID, false);
        }
        if (facts.concluded()) {
            return feePause(subject, f.notifiedOn(), notBefore(facts.concludedOn, f.notifiedOn()), ResumeCause.CONCLUDED,
                    false);
        }
        return feePause(subject, f.notifiedOn(), f.payBy(), ResumeCause.PAID, true);
    }

    private static Pause feePause(String subject, LocalDate notifiedOn, LocalDate ended, ResumeCause cause,
                                  boolean provisional) {
        return new Pause(PauseKind.FEE, subject, notifiedOn, ended, notifiedOn, ended, cause, provisional, 0);
    }

    private static LocalDate notBefore(LocalDate date, LocalDate floor) {
        return date.isBefore(floor) ? floor : date;
    }

    /** Every day after {@code start} until the {@code limit}-th counted working day. */
    private List<DayEntry> count(LocalDate start, int limit, List<Pause> pauses) {
        List<DayEntry> days = new ArrayList<>();
        LocalDate d = start;
        for (int counted = 0; counted < limit; ) {
            d = d.plusDays(1);
            CalendarDay day = calendar.day(d);
            LocalDate date = d;
            Pause pause = pauses.stream().filter(p -> p.excludes(date)).findFirst().orElse(null);
            if (!day.working()) {
                days.add(new DayEntry(d, day.kind(), day.name(), Disposition.NOT_WORKING, null, null));
            } else if (pause != null) {
                days.add(new DayEntry(d, day.kind(), day.name(), Disposition.PAUSED, null, pause.kind()));
            } else {
                counted++;
                days.add(new DayEntry(d, day.kind(), day.name(), Disposition.COUNTED, counted, null));
            }
        }
        return days;
    }

    private static Pause withExcludedDays(Pause p, List<DayEntry> days) {
        int excluded = (int) days.stream()
                .filter(d -> d.disposition() == Disposition.PAUSED && p.excludes(d.date())).count();
        return new Pause(p.kind(), p.subject(), p.startedOn(), p.endedOn(), p.stoppedOn(), p.resumesOn(), p.cause(),
                p.provisional(), excluded);
    }

    private List<Proposal> proposals(RequestFacts facts, List<FeeWindow> fees) {
        List<Proposal> proposals = new ArrayList<>();
        LocalDate supplyBy = facts.pendingSupplyBy();
        if (supplyBy != null) {
            LocalDate from = calendar.plusWorkingDays(supplyBy, 1);
            proposals.add(new Proposal(Outcome.OTHER_CORRECTION_NOT_SUPPLIED, from,
                    "申请人未在补正期限" + DerivationText.day(supplyBy) + "内补正（第三十条），自"
                            + DerivationText.day(from) + "起可视为放弃申请，按“"
                            + Outcome.OTHER_CORRECTION_NOT_SUPPLIED.key() + "”办结；须由承办人确认并记录，系统不自动办结。"));
        }
        for (FeeWindow fee : fees) {
            if (fee.paidOn() == null) {
                LocalDate from = calendar.plusWorkingDays(fee.payBy(), 1);
                proposals.add(new Proposal(Outcome.OTHER_FEE_NOT_PAID, from,
                        "申请人未在缴费期限" + DerivationText.day(fee.payBy()) + "内缴纳信息处理费（国办函〔2020〕109号），自"
                                + DerivationText.day(from) + "起可不再处理，按“" + Outcome.OTHER_FEE_NOT_PAID.key()
                                + "”办结；须由承办人确认并记录，系统不自动办结。"));
            }
        }
        return proposals;
    }
}
