package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
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
    private EventStore eventStore;

    public CommandEndpoint(CommandGateway commands, @Qualifier(WebConfiguration.RECORDING_CLOCK) Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** The event store the answers read their stream position from (absent in unit tests: no position). */
    @Autowired(required = false)
    void readPositionsFrom(EventStore store) {
        this.eventStore = store;
    }

    /**
     * Binds and executes one command from its JSON (a REST body with the URL's ids, or an import line less its
     * {@code command} name); throws the reason it was refused.
     */
    public CommandAccepted execute(Class<? extends LedgerCommand> type, String officer, ObjectNode fields) {
        Recorded recorded = record(officer);
        LedgerCommand command = CommandBinder.bind(type, fields, recorded);
        commands.sendAndWait(command);
        CommandAccepted accepted = new CommandAccepted(type.getSimpleName(), command.targetAggregateId(), recorded.by(),
                recorded.at());
        return withPosition(accepted);
    }

    /**
     * The answer with its stream position. This runs after the append, so it must not fail the command: if the
     * position cannot be read, the answer goes without it (the client then reads without waiting).
     */
    private CommandAccepted withPosition(CommandAccepted accepted) {
        if (eventStore == null) {
            return accepted;
        }
        try {
            return eventStore.lastSequenceNumberFor(accepted.id()).map(accepted::at).orElse(accepted);
        } catch (RuntimeException unreadable) {
            return accepted;
        }
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
