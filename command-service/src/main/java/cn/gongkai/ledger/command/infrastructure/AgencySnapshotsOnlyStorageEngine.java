package cn.gongkai.ledger.command.infrastructure;

import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

/**
 * The MongoDB event storage engine, which looks for a snapshot only where there can be one. Only the agency's
 * aggregate is ever snapshotted ({@code AgencySnapshots}); Axon's event store otherwise asks the snapshot
 * collection before every load of every aggregate, a round trip to the database that can never find anything
 * for a request. A request's id ({@code agencyId:trackingNumber}) holds a colon, which no agency id may
 * ({@code InputLimits.ID_ALPHABET}), so its snapshot is not looked for: each command on a request, and each
 * case a 台账 import creates, costs one read of the store less. And a snapshot of an older shape of the aggregate
 * (its revision is not the {@link Revision} the aggregate class carries now) is not used: the aggregate is replayed
 * from its events instead, and the next snapshot is of the current shape. Everything else is Axon's engine
 * unchanged.
 */
public class AgencySnapshotsOnlyStorageEngine extends MongoEventStorageEngine {

    public AgencySnapshotsOnlyStorageEngine(MongoEventStorageEngine.Builder builder) {
        super(builder);
    }

    /** Whether an aggregate of this id may have a snapshot: not a request. */
    static boolean maySnapshot(String aggregateIdentifier) {
        return aggregateIdentifier.indexOf(':') < 0;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return maySnapshot(aggregateIdentifier)
                ? super.readSnapshotData(aggregateIdentifier).filter(AgencySnapshotsOnlyStorageEngine::ofCurrentShape)
                : Stream.empty();
    }

    /** Whether a snapshot was taken of the aggregate's class as it is now: the same {@link Revision} (or none). */
    static boolean ofCurrentShape(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        try {
            Revision revision = Class.forName(type.getName()).getAnnotation(Revision.class);
            return Objects.equals(revision == null ? null : revision.value(), type.getRevision());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
