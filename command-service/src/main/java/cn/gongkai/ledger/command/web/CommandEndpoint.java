package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.command.infrastructure.StampedAtCommit;
import cn.gongkai.ledger.security.AccessRefused;
import cn.gongkai.ledger.security.AgencyGuard;
import cn.gongkai.ledger.security.Officer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every command endpoint (and every line of the import) does: check that the authenticated officer's roles
 * allow the command and that it is for their own agency, record who and when (the officer's user name and the
 * injected clock, never the handler, never a header), bind the JSON to the command, send it and wait for the
 * aggregate. One command is one atomic append of its events; a refused command appends nothing.
 */
@Component
public class CommandEndpoint {
    /** The fields that name what a command is for, in the order they are looked at. */
    private static final List<String> TARGET_FIELDS = List.of("requestId", "reconsiderationId", "lawsuitId");

    private final CommandGateway commands;
    private final Clock clock;
    private final AgencyGuard guard;
    private EventStore eventStore;

    public CommandEndpoint(CommandGateway commands, @Qualifier(WebConfiguration.RECORDING_CLOCK) Clock clock,
                           AgencyGuard guard) {
        this.commands = commands;
        this.clock = clock;
        this.guard = guard;
    }

    /** The event store the answers read their stream position from (absent in unit tests: no position). */
    @Autowired(required = false)
    void readPositionsFrom(EventStore store) {
        this.eventStore = store;
    }

    /**
     * Checks, binds and executes one command from its JSON (a REST body with the URL's ids, or an import line less
     * its {@code command} name); throws the reason it was refused.
     */
    public CommandAccepted execute(Class<? extends LedgerCommand> type, ObjectNode fields) {
        return send(bind(type, fields));
    }

    /**
     * Checks the officer's right to the command, binds it and checks every limit on its values; nothing is sent.
     */
    public LedgerCommand bind(Class<? extends LedgerCommand> type, ObjectNode fields) {
        Officer officer = guard.requireRole(type);
        requireOwnTarget(type, officer, fields);
        Recorded recorded = new Recorded(officer.username(), clock.instant());
        return CommandBinder.bind(type, fields, recorded);
    }

    /**
     * Sends a bound command and waits for the aggregate: the last step, so nothing that can fail runs after the
     * append. The answer is built from the command alone, with its stream position: the sequence of the last event
     * the command appended to its case (the unit of work hands over what it appended, {@link StampedAtCommit}), or,
     * for a command that appended nothing, the case's last one if that can be read.
     */
    public CommandAccepted send(LedgerCommand command) {
        List<EventMessage<?>> appended = new ArrayList<>(2);
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.resources().put(StampedAtCommit.APPENDED, appended);
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException refused) {
            unit.rollback(refused);
            throw refused;
        }
        unit.commit();
        CommandAccepted accepted = new CommandAccepted(command.getClass().getSimpleName(), command.targetAggregateId(),
                command.recorded().by(), command.recorded().at());
        for (int i = appended.size() - 1; i >= 0; i--) {
            if (appended.get(i) instanceof DomainEventMessage<?> event
                    && event.getAggregateIdentifier().equals(accepted.id())) {
                return accepted.at(event.getSequenceNumber());
            }
        }
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

    /**
     * Checks and executes a command of the agency that the service builds itself (from what it computed, not from
     * a body), recorded by the authenticated officer now; throws the reason it was refused.
     */
    public CommandAccepted send(Class<? extends LedgerCommand> type, AgencyId agency,
                                java.util.function.Function<Recorded, LedgerCommand> build) {
        Officer officer = guard.requireRole(type);
        if (!officer.belongsTo(agency)) {
            throw AccessRefused.agency(officer, agency);
        }
        Recorded recorded = new Recorded(officer.username(), clock.instant());
        LedgerCommand command = build.apply(recorded);
        commands.sendAndWait(command);
        return new CommandAccepted(command.getClass().getSimpleName(), command.targetAggregateId(), recorded.by(),
                recorded.at());
    }

    /** Parses a JSON object exactly (decimals never pass through a double); refuses anything else as malformed. */
    public ObjectNode parse(String json) {
        return CommandBinder.parse(json);
    }

    /** A registration: 201 Created, located at {@code collection/id} (the location is built before the append). */
    ResponseEntity<CommandAccepted> create(Class<? extends LedgerCommand> type, byte[] body, String collection) {
        LedgerCommand command = bind(type, CommandBinder.parse(body));
        URI location = UriComponentsBuilder.fromPath(collection).pathSegment(command.targetAggregateId())
                .encode().build().toUri();
        return ResponseEntity.created(location).body(send(command));
    }

    /** A command on an existing case or agency, named by the ids of the URL. */
    ResponseEntity<CommandAccepted> apply(Class<? extends LedgerCommand> type, byte[] body,
                                          Map<String, String> pathIds) {
        ObjectNode fields = CommandBinder.parse(body);
        pathIds.forEach((field, value) -> {
            if (fields.has(field)) {
                throw CommandRejected.fieldNotAllowed(field, "编号来自网址", "the id is taken from the URL");
            }
            fields.put(field, value);
        });
        return ResponseEntity.ok(execute(type, fields));
    }

    /**
     * The command's case or agency must be the officer's: a request's id names its agency, a reconsideration's or
     * lawsuit's was named when it was filed, a registration names it in {@code agencyId}. An administrator may
     * also register an agency below their own ({@code superiorAgencyId}). Missing or malformed ids are left to the
     * binding, which answers 400.
     */
    private void requireOwnTarget(Class<? extends LedgerCommand> type, Officer officer, ObjectNode fields) {
        for (String field : TARGET_FIELDS) {
            JsonNode id = fields.get(field);
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                guard.requireOwnCase(id.asText());
            }
        }
        AgencyId agency = agencyField(fields, "agencyId");
        if (agency == null || officer.belongsTo(agency)) {
            return;
        }
        AgencyId superior = agencyField(fields, "superiorAgencyId");
        if (type == RegisterAgency.class && superior != null
                && guard.directory().isAtOrBelow(superior, officer.agencyId())) {
            return;
        }
        throw AccessRefused.agency(officer, agency);
    }

    private static AgencyId agencyField(ObjectNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return new AgencyId(value.asText());
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }
}
