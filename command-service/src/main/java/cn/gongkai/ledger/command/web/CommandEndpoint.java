package cn.gongkai.ledger.command.web;

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
        Recorded recorded = record(officer);
        LedgerCommand command = CommandBinder.bind(type, fields, recorded);
        commands.sendAndWait(command);
        return new CommandAccepted(type.getSimpleName(), command.targetAggregateId(), recorded.by(), recorded.at());
    }

    /**
     * Executes a command the service builds itself (from what it computed, not from a body), recorded by the
     * officer now; throws the reason it was refused.
     */
    public CommandAccepted send(String officer, java.util.function.Function<Recorded, LedgerCommand> build) {
        Recorded recorded = record(officer);
        LedgerCommand command = build.apply(recorded);
        commands.sendAndWait(command);
        return new CommandAccepted(command.getClass().getSimpleName(), command.targetAggregateId(), recorded.by(),
                recorded.at());
    }

    /** Parses a JSON object exactly (decimals never pass through a double); refuses anything else as malformed. */
    public ObjectNode parse(String json) {
        return CommandBinder.parse(json);
    }

    /** A registration: 201 Created, located at {@code collection/id}. */
    ResponseEntity<CommandAccepted> create(Class<? extends LedgerCommand> type, String officer, String body,
                                           String collection) {
        CommandAccepted accepted = execute(type, officer, parse(body));
        return ResponseEntity.created(URI.create(collection + "/" + accepted.id())).body(accepted);
    }

    /** A command on an existing case or agency, named by the ids of the URL. */
    ResponseEntity<CommandAccepted> apply(Class<? extends LedgerCommand> type, String officer, String body,
                                          Map<String, String> pathIds) {
        ObjectNode fields = parse(body);
        pathIds.forEach((field, value) -> {
            if (fields.has(field)) {
                throw CommandRejected.fieldNotAllowed(field, "编号来自网址", "the id is taken from the URL");
            }
            fields.put(field, value);
        });
        return ResponseEntity.ok(execute(type, officer, fields));
    }

    /** HTTP header values are ASCII: a name in Chinese comes percent-encoded in UTF-8 ({@code %E5%BC%A0%E4%B8%89}). */
    private Recorded record(String officer) {
        try {
            return new Recorded(UriUtils.decode(officer, StandardCharsets.UTF_8), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID_OFFICER", "请求头 " + OFFICER_HEADER + " 无效：" + e.getMessage(),
                    "Invalid header " + OFFICER_HEADER + ": " + e.getMessage());
        }
    }
}
