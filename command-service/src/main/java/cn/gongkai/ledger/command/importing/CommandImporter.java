package cn.gongkai.ledger.command.importing;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.command.web.CommandCatalog;
import cn.gongkai.ledger.command.web.CommandEndpoint;
import cn.gongkai.ledger.command.web.CommandRejected;
import cn.gongkai.ledger.command.web.CommandProblems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.gongkai.ledger.api.common.InputLimits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Runs a JSON Lines import line by line through the same binding and dispatch as the REST endpoints. */
@Component
public class CommandImporter {
    static final String COMMAND_FIELD = "command";

    private final CommandEndpoint endpoint;
    private final CommandBatches batches;

    public CommandImporter(CommandEndpoint endpoint, CommandBatches batches) {
        this.endpoint = endpoint;
        this.batches = batches;
    }

    /**
     * Decodes and validates the whole body first (strict UTF-8, a leading byte-order mark allowed, at most
     * {@value InputLimits#IMPORT_MAX_LINES} lines), refusing it as a whole before anything is stored when it is not
     * UTF-8; then binds every line (a line that cannot be bound is answered with its problem); only then are the
     * bound lines sent, in order, each through its aggregate and answered on its own, all of a line's events
     * stored or none; their events are appended a batch of lines at a time ({@link CommandBatches}).
     */
    ImportReport run(byte[] body, String acceptLanguage, String instance) {
        List<String> lines = decode(body);
        List<Object> bound = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            bound.add(lines.get(i).isBlank() ? null : bindLine(lines.get(i)));
        }
        List<List<LedgerCommand>> toSend = new ArrayList<>();
        for (Object line : bound) {
            if (line instanceof LedgerCommand command) {
                toSend.add(List.of(command));
            }
        }
        Iterator<CommandBatches.Outcome> outcomes = batches.send(toSend).iterator();
        List<LineResult> results = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < bound.size(); i++) {
            Object line = bound.get(i);
            if (line == null) {
                continue;
            }
            int number = i + 1;
            LineResult result = line instanceof LedgerCommand command
                    ? answer(number, command, outcomes.next(), acceptLanguage, instance)
                    : refused(number, (Refused) line, acceptLanguage, instance);
            accepted += result.status() == LineResult.Status.accepted ? 1 : 0;
            results.add(result);
        }
        return new ImportReport(accepted, results.size() - accepted, results);
    }

    /** A line that could not be bound: its command's name, when it had one, and why. */
    private record Refused(String name, RuntimeException reason) {
    }

    private static List<String> decode(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        List<String> lines = new ArrayList<>();
        int lineStart = start;
        for (int i = start; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > lineStart && body[i - 1] == '\r' ? i - 1 : i;
                if (i == body.length && lineStart == body.length) {
                    break;
                }
                if (lines.size() == InputLimits.IMPORT_MAX_LINES) {
                    throw new CommandRejected(413, "IMPORT_TOO_MANY_LINES",
                            "导入内容超过 " + InputLimits.IMPORT_MAX_LINES + " 行的上限，未保存任何内容",
                            "The import has more than " + InputLimits.IMPORT_MAX_LINES + " lines; nothing was saved");
                }
                lines.add(utf8Line(body, lineStart, end, lines.size() + 1));
                lineStart = i + 1;
            }
        }
        return lines;
    }

    private static String utf8Line(byte[] body, int from, int to, int number) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw CommandRejected.invalidEncoding(number);
        }
    }

    private Object bindLine(String line) {
        String name = null;
        try {
            if (line.length() > InputLimits.BODY_MAX_BYTES) {
                throw new CommandRejected(413, "LINE_TOO_LONG", "该行超过 " + InputLimits.BODY_MAX_BYTES + " 字节的上限",
                        "The line is longer than " + InputLimits.BODY_MAX_BYTES + " bytes");
            }
            ObjectNode fields = endpoint.parse(line);
            name = commandName(fields);
            Class<? extends LedgerCommand> type = commandType(name);
            fields.remove(COMMAND_FIELD);
            return endpoint.bind(type, fields);
        } catch (RuntimeException refused) {
            return new Refused(name, refused);
        }
    }

    private static LineResult answer(int number, LedgerCommand command, CommandBatches.Outcome outcome,
                                     String acceptLanguage, String instance) {
        String name = command.getClass().getSimpleName();
        if (outcome instanceof CommandBatches.Refused refused) {
            return refused(number, new Refused(name, refused.reason()), acceptLanguage, instance);
        }
        return new LineResult(number, LineResult.Status.accepted, name, command.targetAggregateId(),
                command.recorded().at(), null);
    }

    private static LineResult refused(int number, Refused line, String acceptLanguage, String instance) {
        return new LineResult(number, LineResult.Status.rejected, line.name(), null, null,
                CommandProblems.of(line.reason()).toDetail(acceptLanguage, instance + "#line-" + number));
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
