package cn.gongkai.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.InputLimits;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/import-format.md states every input limit with the figure {@link InputLimits} enforces. */
class InputLimitsDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "import-format.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `?([^|`]+)`? \\| .+ \\|$");

    @Test
    void everyLimitIsDocumentedWithItsEnforcedValue() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.put(row.group(1), row.group(2).strip());
            }
        }
        assertThat(documented).isEqualTo(enforced());
    }

    private static Map<String, String> enforced() {
        Map<String, String> limits = new TreeMap<>();
        for (Field field : InputLimits.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                try {
                    Object value = field.get(null);
                    limits.put(field.getName(), value instanceof BigDecimal d ? d.toPlainString() : value.toString());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return limits;
    }
}
