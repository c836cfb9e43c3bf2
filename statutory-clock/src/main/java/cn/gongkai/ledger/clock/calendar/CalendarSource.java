package cn.gongkai.ledger.clock.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a service gets its calendars: the national data shipped in the jar, plus the directory named by
 * {@value #DIRECTORY_VARIABLE} if one is configured ({@link CalendarRegistry#load}). The directory is read
 * again whenever one of its year files is added, removed or changed, so a new notice takes effect without a
 * restart; so is an agency's {@value CalendarRegistry#RECEIPT_RULE_FILE}. Thread-safe.
 */
public final class CalendarSource {
    /** The environment variable (or Spring property) naming the calendar directory. */
    public static final String DIRECTORY_VARIABLE = "LEDGER_CALENDAR_DIR";

    private final Path directory;
    private List<String> loadedFiles;
    private CalendarRegistry registry;

    private CalendarSource(Path directory) {
        this.directory = directory;
    }

    /** The shipped national data only. */
    public static CalendarSource shipped() {
        CalendarSource source = new CalendarSource(null);
        source.registry = CalendarRegistry.of(WorkingDayCalendar.national());
        return source;
    }

    /** The shipped data and the calendar directory {@code directory}; a blank or null value means none. */
    public static CalendarSource of(String directory) {
        return directory == null || directory.isBlank() ? shipped() : new CalendarSource(Path.of(directory.strip()));
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * The calendars as the files now stand (read again only if the files changed since the last call).
     *
     * @throws CalendarConfigurationException if the directory cannot be loaded
     */
    public synchronized CalendarRegistry registry() {
        if (directory == null) {
            return registry;
        }
        List<String> files = yearFiles();
        if (!files.equals(loadedFiles)) {
            registry = CalendarRegistry.load(directory);
            loadedFiles = files;
        }
        return registry;
    }

    /** Every year file under the directory with its size and modification time. */
    private List<String> yearFiles() {
        if (!Files.isDirectory(directory)) {
            throw new CalendarConfigurationException("calendar directory " + directory + " does not exist");
        }
        try (Stream<Path> files = Files.walk(directory, 3, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(f -> (f.getFileName().toString().endsWith(".json")
                            || f.getFileName().toString().equals(CalendarRegistry.RECEIPT_RULE_FILE)) && Files.isRegularFile(f))
                    .map(this::describe).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CalendarConfigurationException("cannot list calendar directory " + directory, e);
        }
    }

    private String describe(Path file) {
        try {
            return directory.relativize(file) + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
