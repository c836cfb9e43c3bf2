package cn.gongkai.ledger.command.importing;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.command.web.CommandAccepted;
import cn.gongkai.ledger.command.web.CommandCatalog;
import cn.gongkai.ledger.command.web.CommandEndpoint;
import cn.gongkai.ledger.command.web.CommandRejected;
import cn.gongkai.ledger.command.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs a JSON Lines import line by line through the same checks (the officer's roles and agency), binding and
 * dispatch as the REST endpoints; every line is recorded by the authenticated officer.
 */
@Component
public class CommandImporter {
    static final String COMMAND_FIELD = "command";

    private final CommandEndpoint endpoint;

    public CommandImporter(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    ImportReport run(BufferedReader lines, String acceptLanguage, String instance) throws IOException {
        List<LineResult> results = new ArrayList<>();
        int accepted = 0;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            LineResult result = runLine(lineNumber, line, acceptLanguage, instance);
            accepted += result.status() == LineResult.Status.accepted ? 1 : 0;
            results.add(result);
        }
        return new ImportReport(accepted, results.size() - accepted, results);
    }

    private LineResult runLine(int number, String line, String acceptLanguage, String instance) {
        String name = null;
        try {
            ObjectNode fields = endpoint.parse(line);
            name = commandName(fields);
            Class<? extends LedgerCommand> type = commandType(name);
            fields.remove(COMMAND_FIELD);
            CommandAccepted done = endpoint.execute(type, fields);
            return new LineResult(number, LineResult.Status.accepted, done.command(), done.id(), done.recordedAt(), null);
        } catch (RuntimeException refused) {
            return new LineResult(number, LineResult.Status.rejected, name, null, null,
                    Problem.of(refused).toDetail(acceptLanguage, instance + "#line-" + number));
        }
    }

    private static String commandName(ObjectNode fields) {
        JsonNode name = fields.get(COMMAND_FIELD);
        if (name == null || !name.isTextual()) {
            throw new CommandRejected("MISSING_FIELD", "缺少必填字段：" + COMMAND_FIELD + "（命令名称）",
                    "Missing required field: " + COMMAND_FIELD + " (the command's name)");
        }
        return name.asText();
    }

    private static Class<? extends LedgerCommand> commandType(String name) {
        return CommandCatalog.byName(name).orElseThrow(() -> new CommandRejected("UNKNOWN_COMMAND", "未知命令：" + name + "。可用命令：" + CommandCatalog.names(),
                "Unknown command: " + name + ". Known commands: " + CommandCatalog.names()));
    }
}
