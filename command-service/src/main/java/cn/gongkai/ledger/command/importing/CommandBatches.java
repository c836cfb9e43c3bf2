package cn.gongkai.ledger.command.importing;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.command.calendar.RequestHistoryReader;
import cn.gongkai.ledger.command.infrastructure.AgencySnapshotsOnlyStorageEngine;
import cn.gongkai.ledger.command.infrastructure.StampedAtCommit;
import cn.gongkai.ledger.command.references.References;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends many groups of bound commands (an import's lines, a 台账 file's cases) with few appends: the groups run in
 * order, each of its commands through its aggregate's command handler and rules exactly as a single command, in
 * units of up to {@value #MAX_COMMANDS} commands open at most {@link #MAX_OPEN}; a unit's events are appended
 * together, in one insert, when it is closed. Each group is still all or nothing, and is answered on its own:
 *
 * <ul>
 *   <li>A group refused in a unit that holds earlier groups: the unit is rolled back (nothing of it stored), its
 *       earlier groups are run again and appended, and the refused group is run again in a unit of its own, whose
 *       answer is the group's — so a refusal is always the answer the group gets on its own, in order, after the
 *       groups before it.</li>
 *   <li>A group that names (as {@link References} checks) a case or agency created by the unit's earlier groups,
 *       not yet appended, closes the unit first, so the check finds it stored.</li>
 *   <li>An append that fails: the insert is ordered, so what it stored is a prefix of the unit's events. Which of
 *       the unit's events are stored is read back (each event carries the id of its command as its
 *       {@code correlationId}); a group whose events are all stored is accepted, every other one is run again in a
 *       unit of its own. A group alone whose append fails is refused with that failure.</li>
 * </ul>
 *
 * The events are stamped when the unit is appended ({@link StampedAtCommit}), so the event store's tracking readers
 * see them as any single command's. A unit reads the histories of the cases it will load in one query when it
 * starts ({@link AgencySnapshotsOnlyStorageEngine#prefetch}); a history extended meanwhile by another writer is
 * caught at the append (a duplicate sequence), and the groups are then settled as for any failed append.
 */
@Component
public class CommandBatches {
    /** The most commands one unit runs before its append. */
    static final int MAX_COMMANDS = 250;
    /** How long a unit stays open at most (it holds the locks of its aggregates meanwhile). */
    static final Duration MAX_OPEN = Duration.ofSeconds(1);

    private final CommandGateway commands;
    private final RequestHistoryReader eventStoreIndex;
    private AgencySnapshotsOnlyStorageEngine histories;

    public CommandBatches(CommandGateway commands, RequestHistoryReader eventStoreIndex) {
        this.commands = commands;
        this.eventStoreIndex = eventStoreIndex;
    }

    /** The event store's engine, which reads a unit's histories in one query (absent where the store is another). */
    @Autowired(required = false)
    void readHistoriesWith(AgencySnapshotsOnlyStorageEngine engine) {
        this.histories = engine;
    }

    /** What became of a group. */
    public sealed interface Outcome {
    }

    /** Every command of the group was accepted and its events are stored. */
    public record Accepted() implements Outcome {
    }

    /**
     * The group was refused: nothing of it is stored. {@code command} is the command its aggregate refused, or
     * null when the append failed; {@code reason} why.
     */
    public record Refused(LedgerCommand command, RuntimeException reason) implements Outcome {
    }

    /** Sends the groups in order and answers each (the outcomes in the order of the groups). */
    public List<Outcome> send(List<List<LedgerCommand>> groups) {
        Outcome[] outcomes = new Outcome[groups.size()];
        run(groups, IntStream.range(0, groups.size()).boxed().toList(), outcomes);
        return List.of(outcomes);
    }

    private void run(List<List<LedgerCommand>> groups, List<Integer> order, Outcome[] outcomes) {
        int next = 0;
        while (next < order.size()) {
            Unit unit = new Unit(order.size() - next > 1 ? upcoming(groups, order, next) : List.of());
            boolean rolledBack = false;
            while (next < order.size() && unit.takes(groups.get(order.get(next)))) {
                int group = order.get(next);
                Refused refused = unit.add(group, groups.get(group));
                if (refused == null) {
                    next++;
                    continue;
                }
                unit.rollback(refused.reason());
                rolledBack = true;
                if (unit.groups.isEmpty()) {
                    outcomes[group] = refused;
                } else {
                    run(groups, unit.groups, outcomes);
                    run(groups, List.of(group), outcomes);
                }
                next++;
                break;
            }
            if (!rolledBack) {
                unit.commit(groups, outcomes);
            }
        }
    }

    /** The cases the groups from {@code next} on are for, as many as a unit may take. */
    private static List<String> upcoming(List<List<LedgerCommand>> groups, List<Integer> order, int next) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        int commandCount = 0;
        for (int i = next; i < order.size() && commandCount < MAX_COMMANDS; i++) {
            for (LedgerCommand command : groups.get(order.get(i))) {
                ids.add(command.targetAggregateId());
            }
            commandCount += groups.get(order.get(i)).size();
        }
        return List.copyOf(ids);
    }

    /**
     * One unit of work: the groups it ran, the cases they touched, the ids of their command messages. When it
     * starts, the histories of the cases it is likely to load are read in one query ({@code prefetch}).
     */
    private final class Unit {
        final List<String> upcoming;
        final List<Integer> groups = new ArrayList<>();
        final Set<String> touched = new HashSet<>();
        final Map<String, Integer> groupOfCommand = new HashMap<>();
        final List<EventMessage<?>> appended = new ArrayList<>();
        final long openedAt = System.nanoTime();
        int commandCount;
        UnitOfWork<?> work;

        Unit(List<String> upcoming) {
            this.upcoming = upcoming;
        }

        /** Whether the group may join this unit (an empty unit takes any group). */
        boolean takes(List<LedgerCommand> group) {
            if (groups.isEmpty()) {
                return true;
            }
            if (commandCount + group.size() > MAX_COMMANDS || System.nanoTime() - openedAt > MAX_OPEN.toNanos()) {
                return false;
            }
            return group.stream().flatMap(command -> References.named(command).stream()).noneMatch(touched::contains);
        }

        /** Runs the group's commands in this unit; the refusal, if one was refused (the unit is then to be rolled back). */
        Refused add(int group, List<LedgerCommand> commandsOfGroup) {
            if (work == null) {
                work = DefaultUnitOfWork.startAndGet(null);
                work.resources().put(StampedAtCommit.APPENDED, appended);
                if (histories != null && upcoming.size() > 1) {
                    histories.prefetch(upcoming);
                }
            }
            for (LedgerCommand command : commandsOfGroup) {
                CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
                try {
                    commands.sendAndWait(message);
                } catch (RuntimeException refused) {
                    return new Refused(command, refused);
                }
                groupOfCommand.put(message.getIdentifier(), group);
                touched.add(command.targetAggregateId());
            }
            groups.add(group);
            commandCount += commandsOfGroup.size();
            return null;
        }

        void rollback(RuntimeException cause) {
            work.rollback(cause);
        }

        void commit(List<List<LedgerCommand>> all, Outcome[] outcomes) {
            if (work == null) {
                return;
            }
            try {
                work.commit();
            } catch (RuntimeException appendFailed) {
                settleFailedAppend(all, outcomes, appendFailed);
                return;
            }
            groups.forEach(group -> outcomes[group] = new Accepted());
        }

        /**
         * The append failed, before the insert or during it (a prefix of the unit's events may be stored): each
         * group whose events are all stored is accepted, each group of which none is stored is run again on its
         * own; a group stored in part (an insert broken off inside it) is refused with the failure, as a single
         * command whose insert broke off would be.
         */
        private void settleFailedAppend(List<List<LedgerCommand>> all, Outcome[] outcomes, RuntimeException failed) {
            if (groups.size() == 1) {
                Set<String> stored = stored();
                outcomes[groups.get(0)] = !stored.isEmpty() && stored.size() == appended.size() ? new Accepted()
                        : new Refused(null, failed);
                return;
            }
            Set<String> stored = stored();
            Map<Integer, int[]> storedOfGroup = new HashMap<>();
            for (EventMessage<?> event : appended) {
                Integer group = groupOfCommand.get(String.valueOf(event.getMetaData().get("correlationId")));
                if (group != null) {
                    int[] counts = storedOfGroup.computeIfAbsent(group, g -> new int[2]);
                    counts[0]++;
                    counts[1] += stored.contains(event.getIdentifier()) ? 1 : 0;
                }
            }
            List<Integer> again = new ArrayList<>();
            for (int group : groups) {
                int[] counts = storedOfGroup.getOrDefault(group, new int[2]);
                if (counts[1] == 0) {
                    again.add(group);
                } else if (counts[1] == counts[0]) {
                    outcomes[group] = new Accepted();
                } else {
                    outcomes[group] = new Refused(null, failed);
                }
            }
            for (int group : again) {
                CommandBatches.this.run(all, List.of(group), outcomes);
            }
        }

        /** Which of the unit's events are stored. */
        private Set<String> stored() {
            if (appended.isEmpty()) {
                return Set.of();
            }
            List<String> aggregates = appended.stream().filter(DomainEventMessage.class::isInstance)
                    .map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).distinct().toList();
            return eventStoreIndex.storedEvents(aggregates, appended.stream().map(EventMessage::getIdentifier).toList());
        }
    }
}
