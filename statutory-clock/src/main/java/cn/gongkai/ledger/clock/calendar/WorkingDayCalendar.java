package cn.gongkai.ledger.clock.calendar;

import cn.gongkai.ledger.api.request.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working-day calendar of mainland China (工作日): Monday to Friday, minus the holidays of the
 * State Council's annual notices, plus the weekend days those notices declare working days (调休).
 * Immutable; every method is a pure function of the data.
 *
 * <p><b>Data.</b> A calendar is built from year files ({@link HolidayYear}, the holiday-cn schema).
 * The files are merged by date; where two files list the same date, the file of the later notice
 * year wins. Adding a year needs no code change ({@link #withYears}, {@link #national(Path)}, or a
 * {@code calendar/cn/<year>.json} on the classpath).
 *
 * <p><b>Coverage.</b> The calendar covers exactly the years it has a notice file for (2019–2026 for
 * the shipped data). Asking about any other date throws {@link DateOutsideCalendarException}: a
 * deadline is never computed on a guessed Monday–Friday week. (Days that a file lists for the
 * previous December — 2018-12-29..31 in 2019.json — are used only if that year is covered too.)
 * Note that the late-December days of the last covered year can still be changed by the next
 * year's notice (as 2018-12-29 was by the 2019 notice); the new notice gives a new {@link #version()},
 * and open deadlines are recomputed.
 *
 * <p><b>Layers.</b> An agency may use its own calendar, layered over the national one
 * ({@link #overlay}): a layer's days (e.g. a regional holiday, in the same schema) replace the
 * national entry for the same date. Coverage stays that of the national data.
 *
 * <p><b>Version.</b> {@link #version()} is the calendar's name plus a SHA-256 content hash of
 * everything that decides a working day, so any change of data gives a different version.
 */
public final class WorkingDayCalendar {
    /** Resource directory of the shipped national data. */
    public static final String NATIONAL_RESOURCE_DIRECTORY = "calendar/cn/";
    /** The first year of the national data (the 2019 regulation came into force that year). */
    public static final int NATIONAL_FIRST_YEAR = 2019;

    private final List<Layer> layers;
    private final SortedSet<Integer> coveredYears;
    private final Map<LocalDate, DeclaredDay> declared;
    private final String version;

    private record Layer(String name, Map<Integer, HolidayYear> years, Set<Channel> nextWorkingDayReceipt) {
        Layer {
            nextWorkingDayReceipt = nextWorkingDayReceipt.isEmpty() ? Set.of()
                    : Collections.unmodifiableSet(EnumSet.copyOf(nextWorkingDayReceipt));
        }
    }

    private WorkingDayCalendar(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        this.coveredYears = Collections.unmodifiableSortedSet(new TreeSet<>(layers.get(0).years().keySet()));
        if (coveredYears.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one year file");
        }
        Map<LocalDate, DeclaredDay> merged = new TreeMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            for (HolidayYear year : layer.years().values()) {
                if (i > 0 && !coveredYears.contains(year.year())) {
                    throw new IllegalArgumentException("layer " + layer.name() + " has year " + year.year()
                            + " which the national data does not cover " + coveredYears);
                }
                year.days().forEach(day -> merged.put(day.date(), day));
            }
        }
        this.declared = Collections.unmodifiableMap(merged);
        this.version = name() + "@" + contentHash();
    }

    /** A calendar from year files (a later file for the same year replaces an earlier one). */
    public static WorkingDayCalendar of(String name, Collection<HolidayYear> years) {
        return new WorkingDayCalendar(List.of(new Layer(requireName(name), byYear(Map.of(), years), Set.of())));
    }

    /** Rebuilds a calendar from its {@link #layers()} (the base data first); it has the same version. */
    public static WorkingDayCalendar fromLayers(List<CalendarLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs its base layer");
        }
        return new WorkingDayCalendar(layers.stream()
                .map(layer -> new Layer(requireName(layer.name()), byYear(Map.of(), layer.years()),
                        layer.nextWorkingDayReceipt())).toList());
    }

    /** The shipped national calendar (classpath {@code calendar/cn/2019.json} onwards). */
    public static WorkingDayCalendar national() {
        return NationalHolder.NATIONAL;
    }

    /**
     * The shipped national calendar with every {@code *.json} year file of {@code directory} added;
     * a file for a year already shipped replaces it. Call again to reload.
     */
    public static WorkingDayCalendar national(Path directory) {
        return national().withYears(HolidayYear.readDirectory(directory));
    }

    /**
     * This calendar with year files added to (or, for a year it already has, replacing those of)
     * its base data; layers are kept and re-applied.
     */
    public WorkingDayCalendar withYears(Collection<HolidayYear> years) {
        List<Layer> updated = new ArrayList<>(layers);
        Layer base = layers.get(0);
        updated.set(0, new Layer(base.name(), byYear(base.years(), years), base.nextWorkingDayReceipt()));
        return new WorkingDayCalendar(updated);
    }

    /**
     * This calendar with an agency layer on top: the layer's declared days replace this calendar's
     * entry for the same date (e.g. a regional holiday, or a local 调休 working day).
     */
    public WorkingDayCalendar overlay(String layerName, Collection<HolidayYear> layerYears) {
        return overlay(layerName, layerYears, Set.of());
    }

    /**
     * This calendar with an agency layer on top that also carries the agency's receipt rule: an application that
     * arrives by one of {@code nextWorkingDayReceipt} on a non-working day is deemed received on the next working
     * day (the agency's own rule; never the default, see {@link #deemedReceipt}).
     */
    public WorkingDayCalendar overlay(String layerName, Collection<HolidayYear> layerYears,
                                      Set<Channel> nextWorkingDayReceipt) {
        List<Layer> updated = new ArrayList<>(layers);
        updated.add(new Layer(requireName(layerName), byYear(Map.of(), layerYears), nextWorkingDayReceipt));
        return new WorkingDayCalendar(updated);
    }

    /**
     * The layer whose rule deems an application arriving by {@code channel} on a non-working day received on the
     * next working day (the topmost such layer), or empty: then the recorded receipt date is the receipt date,
     * whatever day it is (the safe default of docs/deadlines.md).
     */
    public Optional<String> deemedReceipt(Channel channel) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).nextWorkingDayReceipt().contains(channel)) {
                return Optional.of(layers.get(i).name());
            }
        }
        return Optional.empty();
    }

    /** {@code national} or {@code national+xinjiang}: the names of the base data and its layers. */
    public String name() {
        return String.join("+", layers.stream().map(Layer::name).toList());
    }

    /** Name and content hash, e.g. {@code national@3f2a9c1b0d4e}; changes whenever the data changes. */
    public String version() {
        return version;
    }

    /** The data this calendar is built from: the base data first, then each layer, each with its year files in year order. */
    public List<CalendarLayer> layers() {
        return layers.stream().map(layer -> new CalendarLayer(layer.name(), List.copyOf(layer.years().values()),
                layer.nextWorkingDayReceipt())).toList();
    }

    /** The years this calendar has a notice for. */
    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    public boolean covers(LocalDate date) {
        return coveredYears.contains(date.getYear());
    }

    /**
     * What kind of day {@code date} is, and the holiday it belongs to.
     *
     * @throws DateOutsideCalendarException if the calendar has no notice for the date's year
     */
    public CalendarDay day(LocalDate date) {
        if (!covers(date)) {
            throw new DateOutsideCalendarException(date, version, coveredYears);
        }
        DeclaredDay listed = declared.get(date);
        DayOfWeek dow = date.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        if (listed != null && listed.offDay()) {
            return new CalendarDay(date, DayKind.HOLIDAY, listed.name());
        }
        if (listed != null && weekend) {
            return new CalendarDay(date, DayKind.MAKEUP_WORKDAY, listed.name());
        }
        // A listed working day Monday to Friday (2020-02-03 after the extended Spring Festival) is a plain working day.
        return new CalendarDay(date, weekend ? DayKind.WEEKEND : DayKind.WORKDAY, null);
    }

    public boolean isWorkingDay(LocalDate date) {
        return day(date).working();
    }

    /** {@code date} if it is a working day, else the next working day after it. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The {@code n}-th working day after {@code from}: {@code from} itself is not counted, day 1 is
     * the first working day after it ({@code n = 0} gives {@code from}).
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        LocalDate d = from;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingDayCalendar other && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return version.hashCode();
    }

    @Override
    public String toString() {
        return version;
    }

    private String contentHash() {
        StringBuilder content = new StringBuilder(name()).append('\n').append(coveredYears).append('\n');
        declared.values().forEach(d -> content.append(d.date()).append(d.offDay() ? " off " : " work ")
                .append(d.name()).append('\n'));
        layers.stream().filter(l -> !l.nextWorkingDayReceipt().isEmpty()).forEach(l -> content.append(l.name())
                .append(" deems next working day receipt ").append(l.nextWorkingDayReceipt()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static Map<Integer, HolidayYear> byYear(Map<Integer, HolidayYear> existing, Collection<HolidayYear> added) {
        Map<Integer, HolidayYear> years = new TreeMap<>(existing);
        added.forEach(y -> years.put(Objects.requireNonNull(y, "year file").year(), y));
        return Collections.unmodifiableMap(years);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.contains("+") || name.contains("@")) {
            throw new IllegalArgumentException("calendar name must be non-blank without '+' or '@': " + name);
        }
        return name.strip();
    }

    /** Loads the shipped data once, on first use. */
    private static final class NationalHolder {
        static final WorkingDayCalendar NATIONAL = of("national", readShippedYears());

        private static List<HolidayYear> readShippedYears() {
            ClassLoader loader = WorkingDayCalendar.class.getClassLoader();
            Map<Integer, HolidayYear> years = new LinkedHashMap<>();
            for (int year = NATIONAL_FIRST_YEAR; ; year++) {
                try (InputStream in = loader.getResourceAsStream(NATIONAL_RESOURCE_DIRECTORY + year + ".json")) {
                    if (in == null) {
                        return List.copyOf(years.values());
                    }
                    HolidayYear file = HolidayYear.read(in);
                    if (file.year() != year) {
                        throw new IllegalStateException(year + ".json declares year " + file.year());
                    }
                    years.put(year, file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read national calendar " + year, e);
                }
            }
        }
    }
}
