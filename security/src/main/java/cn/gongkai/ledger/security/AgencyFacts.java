package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import java.util.Optional;

/**
 * A port: the recorded facts the security checks need about cases and agencies, as the first event of each states
 * them. The security module reads no event store itself; the implementations live with the one event-store reader
 * (the read model's {@code readmodel.eventstore}) and with the command service's event store, each answering from
 * an indexed lookup of one aggregate's first event.
 */
public interface AgencyFacts {
    /** No facts at all (a service without an event store or its reader): every lookup is empty. */
    AgencyFacts NONE = new AgencyFacts() {
        @Override
        public Optional<AgencyId> agencyNamedAtFiling(String caseId) {
            return Optional.empty();
        }

        @Override
        public Optional<AgencyId> superiorOf(AgencyId agency) {
            return Optional.empty();
        }
    };

    /** The agency a reconsideration or lawsuit named when it was filed; empty if no such case is recorded. */
    Optional<AgencyId> agencyNamedAtFiling(String caseId);

    /** The superior agency named when the agency was registered; empty for a top agency or an unknown one. */
    Optional<AgencyId> superiorOf(AgencyId agency);
}
