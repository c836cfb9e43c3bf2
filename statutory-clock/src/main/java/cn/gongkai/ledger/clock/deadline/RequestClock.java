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
 * The statutory reply clock of 《政府信息公开条例》 (2019), computed from a request's event history
 * with one {@link WorkingDayCalendar}. Pure: the same history and calendar always give the same
 * reading; nothing reads the system clock ("as of" dates are passed in).
 *
 * <h2>Counting rules (pinned down here)</h2>
 * <ul>
 *   <li><b>Start.</b> The start date is the receipt date, or the next working day if the receipt
 *       date is not a working day. The start date itself is never counted: day 1 is the first
 *       working day after it, and the limit ends at the end of the 20th working day.
 *       Received Saturday 2024-03-09: start Monday 03-11, day 1 Tuesday 03-12, day 17 Wednesday
 *       04-03, 04-04..04-06 Qingming skipped, Sunday 04-07 (调休) day 18, due Tuesday 04-09.</li>
 *   <li><b>Extension.</b> The first ExtensionApproved adds its working days (at most 20) after
 *       the 20: the limit becomes 20 + n working days, counted on from the same start.</li>
 *   <li><b>Correction (补正) restarts.</b> CorrectionSupplied restarts the count: the new start is
 *       {@code suppliedOn} (or the next working day), not counted, and everything counted before is
 *       dropped. While a correction is awaited the count does not run; the due date shown is
 *       provisional, as if the correction arrived on {@code supplyBy}. The agency's own limit for
 *       asking is the 7th working day after the (original) start date.</li>
 *   <li><b>Pauses.</b> A consultation or fee pause is the half-open span
 *       {@code [stoppedOn, resumesOn)}: the clock stops on the day the consultation or fee notice is
 *       sent (that day is not counted) and resumes on the day the answer arrives or the fee is paid
 *       (that day counts again if it is a working day). A consultation pause ends at the latest when
 *       the consulted party's 15 working days (counted from the day after sending) run out: it then
 *       resumes on the next day, whether or not the expiry has been recorded. Example: received
 *       Monday 2024-03-04 (start 03-04, day 1 = 03-05); consultation sent Wednesday 03-13 after
 *       6 counted days (03-05..03-08, 03-11, 03-12); answer Monday 03-18. Excluded: 03-13, 03-14,
 *       03-15 (03-16/17 are a weekend anyway); 03-18 is day 7; without the pause the due date was
 *       Monday 04-01, with it day 20 is Sunday 04-07, a 调休 working day after Qingming (04-04..06).
 *       An unpaid fee keeps the clock stopped; the due date shown is provisional, as if
 *       paid on the last day to pay.</li>
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
    /** 第三十三条: 20 working days. */
    public static final int REPLY_LIMIT_DAYS = 20;
    /** 第三十三条: at most 20 further working days, once. */
    public static final int MAX_EXTENSION_DAYS = 20;
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
        LocalDate receiptStart = calendar.workingDayOnOrAfter(facts.receivedOn);
        List<ClockFlag> flags = new ArrayList<>();
        CorrectionWindow correction = correctionWindow(facts, receiptStart, flags);
        List<Restart> restarts = restarts(facts);
        LocalDate start = startDate(facts, receiptStart, restarts);
        Extension extension = extension(facts, flags);
        int limit = REPLY_LIMIT_DAYS + (extension == null ? 0 : extension.workingDays());
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

        Derivation counted = new Derivation(facts.receivedOn, facts.channel, start, restarts, pauses, extension, limit,
                days, List.of());
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

    private CorrectionWindow correctionWindow(RequestFacts facts, LocalDate receiptStart, List<ClockFlag> flags) {
        LocalDate requestBy = calendar.plusWorkingDays(receiptStart, CORRECTION_REQUEST_DAYS);
        if (facts.correctionRequests.isEmpty()) {
            return new CorrectionWindow(requestBy, null, null, null);
        }
        CorrectionRequested first = facts.correctionRequests.get(0);
        if (first.requestedOn().isAfter(requestBy)) {
            flags.add(ClockFlag.CORRECTION_REQUESTED_LATE);
        }
        if (facts.correctionRequests.size() > 1) {
            flags.add(ClockFlag.REPEATED_CORRECTION_REQUEST);
        }
        LocalDate suppliedOn = facts.supplies.isEmpty() ? null : facts.supplies.get(0).suppliedOn();
        return new CorrectionWindow(requestBy, first.requestedOn(), first.supplyBy(), suppliedOn);
    }

    private List<Restart> restarts(RequestFacts facts) {
        List<Restart> restarts = new ArrayList<>();
        for (var supply : facts.supplies) {
            LocalDate suppliedOn = supply.suppliedOn();
            restarts.add(new Restart(suppliedOn, restartFrom(facts, suppliedOn), false));
        }
        LocalDate supplyBy = facts.pendingSupplyBy();
        if (supplyBy != null && !facts.concluded()) {
            restarts.add(new Restart(supplyBy, restartFrom(facts, supplyBy), true));
        }
        return restarts;
    }

    /** A corrected request counts from its arrival, never from before the receipt date. */
    private LocalDate restartFrom(RequestFacts facts, LocalDate suppliedOn) {
        return calendar.workingDayOnOrAfter(suppliedOn.isBefore(facts.receivedOn) ? facts.receivedOn : suppliedOn);
    }

    private static LocalDate startDate(RequestFacts facts, LocalDate receiptStart, List<Restart> restarts) {
        Restart last = restarts.isEmpty() ? null : restarts.get(restarts.size() - 1);
        if (facts.awaitingCorrection) {
            return last != null && last.provisional() ? last.startDate() : null;
        }
        return last == null ? receiptStart : last.startDate();
    }

    private static Extension extension(RequestFacts facts, List<ClockFlag> flags) {
        if (facts.extensions.isEmpty()) {
            return null;
        }
        if (facts.extensions.size() > 1) {
            flags.add(ClockFlag.REPEATED_EXTENSION);
        }
        ExtensionApproved approved = facts.extensions.get(0);
        int days = Math.max(0, Math.min(MAX_EXTENSION_DAYS, approved.workingDays()));
        if (days != approved.workingDays() || days == 0) {
            flags.add(ClockFlag.EXTENSION_OUT_OF_RANGE);
        }
        return new Extension(approved.approvedOn(), days, approved.approver(), approved.reason());
    }

    /**
     * A consultation stops the clock on {@code sentOn}; it resumes on the day the answer arrives (or the
     * expiry is recorded), at the latest the day after the 15th working day.
     */
    private static Pause consultationPause(ConsultationWindow c, RequestFacts facts) {
        LocalDate lapse = c.answerDueOn().plusDays(1);
        LocalDate closed = c.answeredOn() != null ? c.answeredOn() : c.expiredOn();
        ResumeCause cause = c.answeredOn() != null ? ResumeCause.ANSWERED : ResumeCause.EXPIRED;
        boolean provisional = false;
        if (closed == null && facts.concluded()) {
            closed = facts.concludedOn;
            cause = ResumeCause.CONCLUDED;
        } else if (closed == null) {
            closed = lapse;
            provisional = true;
        }
        if (closed.isAfter(lapse)) {
            closed = lapse;
            cause = ResumeCause.EXPIRED;
        }
        return new Pause(PauseKind.CONSULTATION, c.consultedParty(), c.sentOn(), notBefore(closed, c.sentOn()), cause,
                provisional, 0);
    }

    /** A fee stops the clock on {@code notifiedOn} until it is paid; while unpaid, assume payment on the last day. */
    private static Pause feePause(FeeWindow f, RequestFacts facts) {
        String subject = DerivationText.fee(f.scale(), f.amountYuan());
        if (f.paidOn() != null) {
            return new Pause(PauseKind.FEE, subject, f.notifiedOn(), notBefore(f.paidOn(), f.notifiedOn()),
                    ResumeCause.PAID, false, 0);
        }
        if (facts.concluded()) {
            return new Pause(PauseKind.FEE, subject, f.notifiedOn(), notBefore(facts.concludedOn, f.notifiedOn()),
                    ResumeCause.CONCLUDED, false, 0);
        }
        return new Pause(PauseKind.FEE, subject, f.notifiedOn(), f.payBy(), ResumeCause.PAID, true, 0);
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
        return new Pause(p.kind(), p.subject(), p.stoppedOn(), p.resumesOn(), p.cause(), p.provisional(), excluded);
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
