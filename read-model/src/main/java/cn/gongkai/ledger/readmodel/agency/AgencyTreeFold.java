package cn.gongkai.ledger.readmodel.agency;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.query.AgencyNode;
import java.util.List;
import java.util.Optional;

/**
 * The read model of the agency hierarchy (区政府 ← its departments, 市 ← 区): an agency's place in it, from its
 * counted events — its name and the superior office it named when registered ({@code AgencyRegistered}).
 */
public final class AgencyTreeFold {
    private AgencyTreeFold() {
    }

    /** The agency's node (without its subordinates, which their own registrations add); empty for other aggregates. */
    public static Optional<AgencyNode> of(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            if (event.payload() instanceof AgencyRegistered registered) {
                return Optional.of(new AgencyNode(registered.agencyId().value(), registered.name(),
                        registered.superiorAgencyId() == null ? null : registered.superiorAgencyId().value(), List.of()));
            }
        }
        return Optional.empty();
    }
}
