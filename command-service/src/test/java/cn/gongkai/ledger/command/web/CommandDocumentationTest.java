package cn.gongkai.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileLawsuit;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.FileReconsideration;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** docs/import-format.md lists exactly the commands, fields and endpoints the service has. */
class CommandDocumentationTest extends CommandServiceTestBase {
    private static final Path DOC = Path.of("..", "docs", "import-format.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| `POST ([^`]+)` \\| (.+) \\|$");
    private static final Pattern FIELD = Pattern.compile("`(\\w+)(\\??)` ");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyCommandIsDocumentedWithItsFieldsAndWhichOfThemAreOptional() throws IOException {
        Map<String, String> documented = rows().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(1)));

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(CommandCatalog.names());
        documented.forEach((name, fields) -> assertThat(fields(fields)).as(name)
                .containsExactlyElementsOf(expectedFields(CommandCatalog.byName(name).orElseThrow())));
    }

    @Test
    void everyDocumentedEndpointIsACommandEndpointOfTheService() throws IOException {
        Set<String> documented = rows().values().stream().map(r -> r.get(0)).collect(Collectors.toSet());
        Set<String> served = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().startsWith("cn.gongkai.ledger.command.web"))
                .filter(e -> e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST))
                .flatMap(e -> e.getKey().getPatternValues().stream())
                .collect(Collectors.toSet());

        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }

    private static Map<String, List<String>> rows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), List.of(row.group(2), row.group(3)));
            }
        }
        return rows;
    }

    private static List<String> fields(String documented) {
        List<String> fields = new ArrayList<>();
        Matcher field = FIELD.matcher(documented);
        while (field.find()) {
            fields.add(field.group(1) + field.group(2));
        }
        return fields;
    }

    /** The record's fields less {@code recorded}, {@code ?} on the optional ones, with the registrations' ids. */
    private static List<String> expectedFields(Class<? extends LedgerCommand> type) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (name.equals(CommandBinder.RECORDED)) {
                continue;
            }
            if (type == ReceiveRequest.class && name.equals("requestId")) {
                fields.add("agencyId");
                fields.add(CommandBinder.TRACKING_NUMBER);
            } else if ((type == FileReconsideration.class || type == FileLawsuit.class) && fields.isEmpty()) {
                fields.add(name + "?");
            } else {
                fields.add(name + (CommandCatalog.isOptional(type, name) ? "?" : ""));
            }
        }
        return fields;
    }
}
