package cn.gongkai.ledger.command.agency;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An agency's stream grows with its Article-20 register (every normative document, every tally batch), and every
 * agency command loads it: so the {@link Agency} is snapshotted every {@value #EVENTS_PER_SNAPSHOT} events
 * ({@code snapshotevents}, the aggregate's fields — its id and its {@code AgencyLifecycle.State} — as JSON through
 * the ledger's serializer, with the aggregate's {@value #REVISION}), and a command loads the latest snapshot and at
 * most that many events after it. The events, the rules and the fold are unchanged. A snapshot of another revision
 * (taken before the aggregate's fields changed; revision 1 had no revision and its own maps of documents and
 * batches) is not used ({@code AgencySnapshotsOnlyStorageEngine}): the stream is replayed in full, and the next
 * snapshot has the current revision. Change {@value #REVISION} whenever the state's JSON shape changes.
 * {@code bin/bench --sections=agency} measures a command at 1,000 documents against one at 10.
 */
@Configuration(proxyBeanMethods = false)
class AgencySnapshots {
    static final String TRIGGER = "agencySnapshotTrigger";
    static final int EVENTS_PER_SNAPSHOT = 100;
    /** The shape of the aggregate's snapshot: 2 since its state is the {@code AgencyLifecycle.State}. */
    static final String REVISION = "2";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition agencySnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_PER_SNAPSHOT);
    }
}
