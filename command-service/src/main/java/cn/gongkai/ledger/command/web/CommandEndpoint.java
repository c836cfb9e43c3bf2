package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.InputViolation;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What every command endpoint does: record who and when (the officer of {@value #OFFICER_HEADER} and the
 * injected clock, never the handler), bind the JSON to the command, send it and wait for the aggregate. One
 * command is one atomic append of its events; a refused command appends nothing.
 */
@Component
public class CommandEndpoint {
    public static final String OFFICER_HEADER = "X-Officer";

    private final CommandGateway commands;
    private final Clock clock;

    public CommandEndpoint(CommandGateway commands, @Qualifier(WebConfiguration.RECORDING_CLOCK) Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Binds and executes one command from its JSON (a REST body with the URL's ids, or an import line less its
     * {@code command} name); throws the reason it was refused.
     */
    public CommandAccepted execute(Class<? extends LedgerCommand> type, String officer, ObjectNode fields) {
        return send(bind(type, officer, fields));
    }

    /** Binds a command and checks every limit on its values; nothing is sent. */
    public LedgerCommand bind(Class<? extends LedgerCommand> type, String officer, ObjectNode fields) {
        return CommandBinder.bind(type, fields, record(officer));
    }

    /**
     * Sends a bound command and waits for the aggregate: the last step, so nothing that can fail runs after the
     * append. The answer is built from the command alone.
     */
    public CommandAccepted send(LedgerCommand command) {
        commands.sendAndWait(command);
        return accepted(command);
    }

    private static CommandAccepted accepted(LedgerCommand command) {
        return new CommandAccepted(command.getClass().getSimpleName(), command.targetAggregateId(),
                command.recorded().by(), command.recorded().at());
    }

    /** Parses a JSON object exactly (decimals never pass through a double); refuses anything else as malformed. */
    public ObjectNode parse(String json) {
        return CommandBinder.parse(json);
    }

    /** A registration: 201 Created, located at {@code collection/id} (the location is built before the append). */
    ResponseEntity<CommandAccepted> create(Class<? extends LedgerCommand> type, String officer, byte[] body,
                                           String collection) {
        LedgerCommand command = bind(type, officer, CommandBinder.parse(body));
        URI location = UriComponentsBuilder.fromPath(collection).pathSegment(command.targetAggregateId())
                .encode().build().toUri();
        return ResponseEntity.created(location).body(send(command));
    }

    /** A command on an existing case or agency, named by the ids of the URL. */
    ResponseEntity<CommandAccepted> apply(Class<? extends LedgerCommand> type, String officer, byte[] body,
                                          Map<String, String> pathIds) {
        ObjectNode fields = CommandBinder.parse(body);
        pathIds.forEach((field, value) -> {
            if (fields.has(field)) {
                throw CommandRejected.fieldNotAllowed(field, "编号来自网址", "the id is taken from the URL");
            }
            fields.put(field, value);
        });
        return ResponseEntity.ok(execute(type, officer, fields));
    }

    /**
     * HTTP header values are ASCII: a name in Chinese comes percent-encoded in UTF-8 ({@code %E5%BC%A0%E4%B8%89}).
     * The decoded name is a name of {@link InputLimits}: printable, one line, no control characters.
     */
    private Recorded record(String officer) {
        String name;
        try {
            name = UriUtils.decode(officer, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidOfficer("百分号编码无效", "invalid percent-encoding");
        }
        if (name.indexOf('\uFFFD') >= 0) {
            throw invalidOfficer("不是合法的 UTF-8 百分号编码", "not percent-encoded UTF-8");
        }
        try {
            InputLimits.text(OFFICER_HEADER, InputLimits.normalise(name), InputLimits.TextKind.NAME);
        } catch (InputViolation violation) {
            throw new CommandRejected("INVALID_OFFICER", "请求头 " + OFFICER_HEADER + " 无效：" + violation.messageZh(),
                    "Invalid header " + OFFICER_HEADER + ": " + violation.messageEn());
        }
        return new Recorded(InputLimits.normalise(name), clock.instant());
    }

    private static CommandRejected invalidOfficer(String whyZh, String whyEn) {
        return new CommandRejected("INVALID_OFFICER", "请求头 " + OFFICER_HEADER + " 无效：" + whyZh,
                "Invalid header " + OFFICER_HEADER + ": " + whyEn);
    }
}
