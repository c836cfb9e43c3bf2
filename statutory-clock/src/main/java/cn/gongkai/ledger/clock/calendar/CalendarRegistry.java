package cn.gongkai.ledger.clock.calendar;

import cn.gongkai.ledger.api.common.AgencyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which calendar each agency counts with: the national one, or the national one with the
 * agency's layer on top (regional holidays). Immutable: every change returns a new registry, so a
 * caller can compare the calendars before and after (see {@code DueDateRecomputation}).
 */
public final class CalendarRegistry {
    private final WorkingDayCalendar national;
    private final Map<AgencyId, AgencyLayer> layers;
    private final Map<AgencyId, WorkingDayCalendar> agencyCalendars = new HashMap<>();

    private record AgencyLayer(String name, List<HolidayYear> years) {
    }

    private CalendarRegistry(WorkingDayCalendar national, Map<AgencyId, AgencyLayer> layers) {
        this.national = Objects.requireNonNull(national, "national");
        this.layers = Map.copyOf(layers);
        layers.forEach((agency, layer) -> agencyCalendars.put(agency, national.overlay(layer.name(), layer.years())));
    }

    /** A registry in which every agency uses {@code national}. */
    public static CalendarRegistry of(WorkingDayCalendar national) {
        return new CalendarRegistry(national, Map.of());
    }

    /**
     * The calendars configured in a directory, on top of the national data shipped in the jar:
     * <ul>
     *   <li>{@code national/*.json} — year files in the holiday-cn schema: a year the jar does not have is
     *       added (e.g. next year's notice), a year it has is replaced (a revised notice);</li>
     *   <li>{@code agencies/<agencyId>/*.json} — the agency's layer (e.g. a regional holiday), same schema,
     *       layered over the national calendar under the layer name {@code <agencyId>}; years the national
     *       data does not cover are refused.</li>
     * </ul>
     * Both subdirectories are optional; other files are ignored. Pure: the same files give the same
     * registry, with the same versions.
     *
     * @throws CalendarConfigurationException if {@code configDir} is not a directory or a file cannot be used
     */
    public static CalendarRegistry load(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            throw new CalendarConfigurationException("calendar directory " + configDir + " does not exist");
        }
        try {
            Path nationalDir = configDir.resolve("national");
            WorkingDayCalendar national = Files.isDirectory(nationalDir)
                    ? WorkingDayCalendar.national(nationalDir) : WorkingDayCalendar.national();
            CalendarRegistry registry = of(national);
            Path agenciesDir = configDir.resolve("agencies");
            if (Files.isDirectory(agenciesDir)) {
                for (Path agencyDir : subdirectories(agenciesDir)) {
                    List<HolidayYear> years = HolidayYear.readDirectory(agencyDir);
                    if (!years.isEmpty()) {
                        String name = agencyDir.getFileName().toString();
                        registry = registry.withAgencyLayer(new AgencyId(name), name, years);
                    }
                }
            }
            return registry;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CalendarConfigurationException("cannot load the calendars of " + configDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Path> subdirectories(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** This registry with {@code agency} counting on the national calendar plus the given layer (replacing any earlier layer). */
    public CalendarRegistry withAgencyLayer(AgencyId agency, String layerName, Collection<HolidayYear> years) {
        Map<AgencyId, AgencyLayer> updated = new HashMap<>(layers);
        updated.put(Objects.requireNonNull(agency, "agency"), new AgencyLayer(layerName, List.copyOf(years)));
        return new CalendarRegistry(national, updated);
    }

    /** This registry with new national year files (a new notice); agency layers are re-applied on top. */
    public CalendarRegistry withNationalYears(Collection<HolidayYear> years) {
        return new CalendarRegistry(national.withYears(years), layers);
    }

    /** The agencies that count with a layer of their own. */
    public Set<AgencyId> agenciesWithLayers() {
        return layers.keySet();
    }

    public WorkingDayCalendar national() {
        return national;
    }

    /** The calendar {@code agency} counts its deadlines with. */
    public WorkingDayCalendar calendarFor(AgencyId agency) {
        return agencyCalendars.getOrDefault(agency, national);
    }
}
