package cn.gongkai.ledger.command.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Stamps the events of a unit of work with the time they are appended, not the time each was applied. Axon stamps
 * an event when its aggregate applies it, and the tracking readers of the MongoDB event store (the Kafka
 * publisher) follow the store by that time, looking back only {@code ledger.event-store.look-back} for events that
 * became visible late: a unit that runs many commands before its one append (an import's batch) would otherwise
 * store events stamped well before the append, which a reader that had moved on could miss. Registered last on the
 * event store, so it runs right before the append, after sealing and the size check; every event of the unit gets
 * the same instant (their order in a case stays their sequence). Events published outside a unit of work — the
 * event import of an agency's history, which keeps the times they were recorded at — are left as they are.
 *
 * <p>A unit that wants to know which events it appended (to tell, when its append fails, what was stored) puts a
 * list under {@link #APPENDED} among its root's resources; the stamped events are added to it.
 */
public final class StampedAtCommit implements MessageDispatchInterceptor<EventMessage<?>> {
    /** The root unit's resource, a {@code List<EventMessage<?>>}, that receives the unit's stamped events. */
    public static final String APPENDED = StampedAtCommit.class.getName() + ".appended";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (!CurrentUnitOfWork.isStarted()) {
            return (index, message) -> message;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<EventMessage<?>> appended = root.getResource(APPENDED);
        Instant now = GenericEventMessage.clock.instant();
        return (index, message) -> {
            EventMessage<?> stamped = message;
            if (message instanceof DomainEventMessage<?> domain && now.isAfter(domain.getTimestamp())) {
                stamped = new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                        domain.getSequenceNumber(), domain.getPayload(), domain.getMetaData(), domain.getIdentifier(),
                        now);
            }
            if (appended != null) {
                appended.add(stamped);
            }
            return stamped;
        };
    }
}
