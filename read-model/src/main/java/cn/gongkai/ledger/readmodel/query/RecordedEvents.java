package cn.gongkai.ledger.readmodel.query;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import java.util.List;

/**
 * The agency's events as the event store holds them — the source of truth, not the read model's counted copy —
 * for the reports as the ledger knew them at a past instant and the versions of a published year: the events
 * recorded up to an instant are folded as the report is. Read only; answered by the one event-store reader
 * ({@code readmodel.eventstore.EventStoreRecordedEvents}), so the query service never knows the store's schema.
 */
public interface RecordedEvents {
    /**
     * Every event of the agency's aggregates: its own (the register, the opening), its requests and its reports'
     * publications (by their id prefix), and the reconsiderations and lawsuits filed against it; by aggregate and
     * sequence. Bounded by the agency's own history, whatever the size of the store.
     */
    List<EventEnvelope> ofAgency(AgencyId agencyId);
}
