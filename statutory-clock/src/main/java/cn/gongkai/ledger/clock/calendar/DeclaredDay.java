package cn.gongkai.ledger.clock.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A date listed in a notice: a holiday ({@code isOffDay=true}) or a working day even on a weekend
 * ({@code isOffDay=false}). Dates a notice does not list are working days Monday to Friday.
 *
 * @param name    the holiday the day belongs to, e.g. {@code 春节}
 * @param date    the date
 * @param offDay  {@code true} for a day off, {@code false} for a declared working day (调休)
 */
public record DeclaredDay(@JsonProperty("name") String name, @JsonProperty("date") LocalDate date,
                          @JsonProperty("isOffDay") boolean offDay) {
    @JsonCreator
    public DeclaredDay {
        Objects.requireNonNull(date, "date");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("declared day " + date + " has no name");
        }
    }
}
