package cn.gongkai.ledger.clock.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.testing.RequestHistory;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Due dates counted by hand from the holiday data, one per line of {@code hand-computed-due-dates.csv}
 * (each line's comment says how it was counted): every holiday season of 2019–2026, requests received
 * on weekends, holidays and 调休 days, extensions, correction restarts, consultation and fee pauses.
 */
class HandComputedDueDatesTest {
    private final RequestClock clock = new RequestClock(WorkingDayCalendar.national());

    @ParameterizedTest(name = "{0}: received {1}, {2} -> due {3}")
    @CsvFileSource(resources = "/hand-computed-due-dates.csv", numLinesToSkip = 1)
    void dueDateMatchesTheHandCount(String caseName, LocalDate receivedOn, String events, LocalDate expectedDue) {
        RequestHistory history = RequestHistory.received(caseName, receivedOn);
        if (events != null) {
            for (String event : events.split(";")) {
                apply(history, event.trim().split(" "));
            }
        }

        ClockReading reading = clock.read(history.events());

        assertThat(reading.dueOn()).isEqualTo(expectedDue);
        assertThat(reading.provisional()).isFalse();
        Derivation derivation = reading.derivation();
        assertThat(derivation.days()).last().extracting(Derivation.DayEntry::date).isEqualTo(expectedDue);
        assertThat(derivation.days()).filteredOn(d -> d.disposition() == Disposition.COUNTED)
                .hasSize(derivation.limitDays());
        assertThat(derivation.lines()).last().asString().contains(expectedDue.toString());
    }

    private static void apply(RequestHistory h, String[] token) {
        switch (token[0]) {
            case "EXT" -> h.extension(LocalDate.parse(token[1]), Integer.parseInt(token[2]));
            case "CORR" -> h.correctionRequested(LocalDate.parse(token[1]), LocalDate.parse(token[2]))
                    .correctionSupplied(LocalDate.parse(token[3]));
            case "CONS" -> {
                h.consultation(LocalDate.parse(token[1]));
                LocalDate closed = LocalDate.parse(token[3]);
                if (token[2].equals("ANS")) {
                    h.answered(closed);
                } else {
                    h.expired(closed);
                }
            }
            case "FEE" -> h.fee(LocalDate.parse(token[1])).paid(LocalDate.parse(token[2]));
            default -> throw new IllegalArgumentException("unknown event token " + token[0]);
        }
    }
}
