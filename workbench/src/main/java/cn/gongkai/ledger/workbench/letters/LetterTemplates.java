package cn.gongkai.ledger.workbench.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The letter templates: plain UTF-8 text files, one per letter ({@code receipt.txt}, {@code correction.txt},
 * {@code consultation.txt}, {@code fee.txt}, {@code extension.txt}, {@code reply.txt}). The first line is the
 * title, each further line a paragraph; a line starting with {@code [右]} is right-aligned (the agency and
 * the date). {@code {{名称}}} placeholders are listed in docs/letters.md. An agency edits copies in the directory
 * {@code LEDGER_LETTERS_DIR}; a file there replaces the shipped default of the same name.
 */
@Component
public class LetterTemplates {
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");

    private final Path directory;

    public LetterTemplates(@Value("${LEDGER_LETTERS_DIR:}") String directory) {
        this.directory = directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    /** The template text of a letter: the agency's copy if there is one, else the shipped default. */
    public String template(String kind) {
        try {
            if (directory != null && Files.isReadable(directory.resolve(kind + ".txt"))) {
                return Files.readString(directory.resolve(kind + ".txt"), StandardCharsets.UTF_8);
            }
            try (InputStream shipped = LetterTemplates.class.getResourceAsStream("/letters/" + kind + ".txt")) {
                if (shipped == null) {
                    throw new IllegalArgumentException("no letter template " + kind);
                }
                return new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills every placeholder; one without a value becomes {@code （未登记）} so that no placeholder is ever left in
     * a letter, and the officer sees what to complete.
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1).strip());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "（未登记）" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders a template uses, in order of first use. */
    public static Map<String, Integer> placeholders(String template) {
        Map<String, Integer> names = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.merge(m.group(1).strip(), 1, Integer::sum);
        }
        return names;
    }
}
