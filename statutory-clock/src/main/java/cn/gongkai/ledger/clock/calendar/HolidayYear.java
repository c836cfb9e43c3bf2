package cn.gongkai.ledger.clock.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One year file in the holiday-cn schema {@code {year, papers[], days[{name, date, isOffDay}]}}:
 * the days declared by the notice for {@code year}. A file may list days of the previous December
 * (2019.json holds 2018-12-29..31); files are merged by date.
 *
 * @param year   the year of the notice; a calendar built from the file covers every date of that year
 * @param papers where the notice was published
 * @param days   the declared days, each date at most once
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HolidayYear(@JsonProperty("year") int year, @JsonProperty("papers") List<String> papers,
                          @JsonProperty("days") List<DeclaredDay> days) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @JsonCreator
    public HolidayYear {
        if (year < 1949 || year > 9999) {
            throw new IllegalArgumentException("implausible notice year " + year);
        }
        papers = papers == null ? List.of() : List.copyOf(papers);
        days = days == null ? List.of() : List.copyOf(days);
        Map<LocalDate, DeclaredDay> seen = new HashMap<>();
        for (DeclaredDay day : days) {
            DeclaredDay previous = seen.put(day.date(), day);
            if (previous != null) {
                throw new IllegalArgumentException("year " + year + " lists " + day.date() + " twice");
            }
        }
    }

    /** Parses one year file (UTF-8 JSON). */
    public static HolidayYear read(InputStream json) {
        try {
            return JSON.readValue(json, HolidayYear.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a holiday year file", e);
        }
    }

    /**
     * Parses every {@code *.json} file of a directory, in file-name order.
     *
     * @throws UncheckedIOException     naming the file, if one cannot be read or is not a year file
     * @throws IllegalArgumentException if two files are for the same year (which one counts would be a guess)
     */
    public static List<HolidayYear> readDirectory(Path directory) {
        List<Path> paths;
        try (Stream<Path> files = Files.list(directory)) {
            paths = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        Map<Integer, Path> fileOfYear = new HashMap<>();
        List<HolidayYear> years = paths.stream().map(HolidayYear::readFile).toList();
        for (int i = 0; i < years.size(); i++) {
            Path other = fileOfYear.put(years.get(i).year(), paths.get(i));
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + paths.get(i) + " are both for year "
                        + years.get(i).year());
            }
        }
        return years;
    }

    private static HolidayYear readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, HolidayYear.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as a holiday year file", e);
        }
    }
}
