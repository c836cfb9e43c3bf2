package cn.gongkai.ledger.clock.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.testing.RequestHistory;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RequestClockProperties {
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    /** Late enough in the covered years that 40 working days plus pauses stay inside 2026. */
    private static final LocalDate LAST = LocalDate.of(2026, 6, 30);

    private final WorkingDayCalendar calendar = WorkingDayCalendar.national();
    private final RequestClock clock = new RequestClock(calendar);

    @Provide
    Arbitrary<LocalDate> receipts() {
        return Arbitraries.longs().between(FIRST.toEpochDay(), LAST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /** A pause: days after receipt it starts, how many calendar days it lasts, and whether it is a fee. */
    record PauseSpec(int startsAfter, int lasts, boolean fee) {
        RequestHistory addTo(RequestHistory h) {
            LocalDate stop = h.receivedOn().plusDays(startsAfter);
            LocalDate resume = stop.plusDays(lasts);
            return fee ? h.fee(stop).paid(resume) : h.consultation(stop).answered(resume);
        }
    }

    @Provide
    Arbitrary<PauseSpec> pauses() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 30),
                Arbitraries.of(true, false)).as(PauseSpec::new);
    }

    private LocalDate due(RequestHistory history) {
        return clock.read(history.events()).dueOn();
    }

    @Property
    void addingAPauseNeverShortensTheDeadline(@ForAll("receipts") LocalDate receivedOn, @ForAll("pauses") PauseSpec pause,
                                              @ForAll @IntRange(max = 20) int extension) {
        RequestHistory without = RequestHistory.received("p", receivedOn);
        RequestHistory with = pause.addTo(RequestHistory.received("p", receivedOn));
        if (extension > 0) {
            without.extension(receivedOn, extension);
            with.extension(receivedOn, extension);
        }

        assertThat(due(with)).isAfterOrEqualTo(due(without));
    }

    @Property
    void aSecondPauseNeverShortensTheDeadlineEither(@ForAll("receipts") LocalDate receivedOn,
                                                    @ForAll("pauses") PauseSpec first, @ForAll("pauses") PauseSpec second) {
        LocalDate one = due(first.addTo(RequestHistory.received("p", receivedOn)));
        LocalDate two = due(second.addTo(first.addTo(RequestHistory.received("p", receivedOn))));

        assertThat(two).isAfterOrEqualTo(one);
    }

    @Property
    void aRestartNeverEndsBeforeTheOriginalLimit(
            @ForAll("receipts") LocalDate receivedOn, @ForAll @IntRange(max = 15) int requestedAfter,
            @ForAll @IntRange(max = 30) int suppliedAfter) {
        LocalDate requestedOn = receivedOn.plusDays(requestedAfter);
        RequestHistory h = RequestHistory.received("r", receivedOn)
                .correctionRequested(requestedOn, requestedOn.plusDays(15))
                .correctionSupplied(requestedOn.plusDays(suppliedAfter));

        assertThat(due(h)).isAfterOrEqualTo(calendar.plusWorkingDays(receivedOn, Regulation.governing(receivedOn).replyDays()));
    }

    @Property
    void theDueDateIsAlwaysAWorkingDay(@ForAll("receipts") LocalDate receivedOn, @ForAll("pauses") PauseSpec pause,
                                       @ForAll @IntRange(max = 20) int extension, @ForAll boolean corrected,
                                       @ForAll @IntRange(max = 20) int correctedAfter) {
        RequestHistory h = RequestHistory.received("w", receivedOn);
        if (corrected) {
            h.correctionRequested(receivedOn, receivedOn.plusDays(20)).correctionSupplied(receivedOn.plusDays(correctedAfter));
        }
        pause.addTo(h);
        if (extension > 0) {
            h.extension(receivedOn.plusDays(10), extension);
        }

        assertThat(calendar.isWorkingDay(due(h))).isTrue();
    }

    @Property
    void countingIsMonotoneInTheReceiptDate(@ForAll("receipts") LocalDate earlier, @ForAll @IntRange(max = 60) int later) {
        LocalDate first = due(RequestHistory.received("m", earlier));
        LocalDate second = due(RequestHistory.received("m", earlier.plusDays(later)));

        assertThat(second).isAfterOrEqualTo(first);
    }

    @Property
    void theStandingReachesZeroOnTheDueDateAndOneOverdueOnTheNextCountedDay(@ForAll("receipts") LocalDate receivedOn,
                                                                             @ForAll("pauses") PauseSpec pause) {
        ClockReading reading = clock.read(pause.addTo(RequestHistory.received("s", receivedOn)).events());

        LocalDate nextCounted = calendar.plusWorkingDays(reading.dueOn(), 1);
        while (paused(reading, nextCounted)) { // a pause after the due date stops the overdue count too
            nextCounted = calendar.plusWorkingDays(nextCounted, 1);
        }

        Standing onDue = clock.standing(reading, reading.dueOn());
        Standing after = clock.standing(reading, nextCounted);

        assertThat(onDue.daysLeft()).isZero();
        assertThat(onDue.daysOverdue()).isZero();
        assertThat(after.daysOverdue()).isEqualTo(1);
    }

    private static boolean paused(ClockReading reading, LocalDate date) {
        return reading.derivation().pauses().stream().anyMatch(p -> p.excludes(date));
    }
}
