package cn.gongkai.ledger.clock.calendar;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.Channel;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which calendar each agency counts with: the national one, or the national one with the
 * agency's layer on top (regional holidays). Immutable: every change returns a new registry, so a
 * caller can compare the calendars before and after (see {@code DueDateRecomputation}).
 */
public final class CalendarRegistry {
    /** The file of an agency directory that holds its receipt rule. */
    public static final String RECEIPT_RULE_FILE = "receipt-rule.properties";
    private static final String NEXT_WORKING_DAY_RECEIPT = "nextWorkingDayReceipt";

    private final WorkingDayCalendar national;
    private final Map<AgencyId, AgencyLayer> layers;
    private final Map<AgencyId, WorkingDayCalendar> agencyCalendars = new HashMap<>();

    private record AgencyLayer(String name, List<HolidayYear> years, Set<Channel> nextWorkingDayReceipt) {
    }

    private CalendarRegistry(WorkingDayCalendar national, Map<AgencyId, AgencyLayer> layers) {
        this.national = Objects.requireNonNull(national, "national");
        this.layers = Map.copyOf(layers);
        layers.forEach((agency, layer) -> agencyCalendars.put(agency,
                national.overlay(layer.name(), layer.years(), layer.nextWorkingDayReceipt())));
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
     *       data does not cover are refused;</li>
     *   <li>{@code agencies/<agencyId>/}{@value #RECEIPT_RULE_FILE} — the agency's receipt rule, one line
     *       {@code nextWorkingDayReceipt=INTERNET,EMAIL}: applications arriving by those channels on a non-working day
     *       are deemed received on the next working day (docs/deadlines.md); without the file, none is.</li>
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
                    Set<Channel> receiptRule = receiptRule(agencyDir.resolve(RECEIPT_RULE_FILE));
                    if (!years.isEmpty() || !receiptRule.isEmpty()) {
                        String name = agencyDir.getFileName().toString();
                        registry = registry.withAgencyLayer(new AgencyId(name), name, years, receiptRule);
                    }
                }
            }
            return registry;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CalendarConfigurationException("cannot load the calendars of " + configDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code nextWorkingDayReceipt=INTERNET,EMAIL}; {@code #} starts a comment; no file: no channel. */
    static Set<Channel> receiptRule(Path file) {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> keys = properties.stringPropertyNames();
        if (!keys.isEmpty() && !keys.equals(Set.of(NEXT_WORKING_DAY_RECEIPT))) {
            throw new IllegalArgumentException(file + " may only set " + NEXT_WORKING_DAY_RECEIPT + ", not " + keys);
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String value : properties.getProperty(NEXT_WORKING_DAY_RECEIPT, "").split(",")) {
            if (!value.isBlank()) {
                try {
                    channels.add(Channel.valueOf(value.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": unknown channel " + value.strip() + " (one of "
                            + List.of(Channel.values()) + ")", e);
                }
            }
        }
        return channels;
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
        return withAgencyLayer(agency, layerName, years, Set.of());
    }

    /**
     * The same, with the agency's receipt rule: applications arriving by {@code nextWorkingDayReceipt} on a
     * non-working day are deemed received on the next working day.
     */
    public CalendarRegistry withAgencyLayer(AgencyId agency, String layerName, Collection<HolidayYear> years,
                                            Set<Channel> nextWorkingDayReceipt) {
        Map<AgencyId, AgencyLayer> updated = new HashMap<>(layers);
        updated.put(Objects.requireNonNull(agency, "agency"),
                new AgencyLayer(layerName, List.copyOf(years), Set.copyOf(nextWorkingDayReceipt)));
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
