package cn.gongkai.ledger.command.agency;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An agency's stream grows with its Article-20 register (every normative document, every tally batch), and every
 * agency command loads it: so the {@link Agency} is snapshotted every {@value #EVENTS_PER_SNAPSHOT} events
 * ({@code snapshotevents}, the aggregate's fields as JSON through the ledger's serializer), and a command loads the
 * latest snapshot and at most that many events after it. The events, the rules and the fold are unchanged; a
 * snapshot that cannot be read (the aggregate's fields changed) is skipped by Axon and the stream replayed in full.
 * {@code bin/bench --sections=agency} measures a command at 1,000 documents against one at 10.
 */
@Configuration(proxyBeanMethods = false)
class AgencySnapshots {
    static final String TRIGGER = "agencySnapshotTrigger";
    static final int EVENTS_PER_SNAPSHOT = 100;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition agencySnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_PER_SNAPSHOT);
    }
}
