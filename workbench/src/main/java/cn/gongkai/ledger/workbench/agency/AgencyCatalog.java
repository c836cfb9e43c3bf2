package cn.gongkai.ledger.workbench.agency;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/** The agencies the read side has counted, with their registered names (from their AgencyRegistered event). */
@Component
public class AgencyCatalog {
    static final String AGENCY = "Agency";

    private final CountedEvents events;

    public AgencyCatalog(CountedEvents events) {
        this.events = events;
    }

    public record AgencySummary(String agencyId, String name, String superiorAgencyId) {
    }

    public List<AgencySummary> all() {
        return events.aggregatesOfType(AGENCY).stream()
                .map(id -> summary(id, events.ofAggregate(id))).toList();
    }

    /** The agency's name, or its id when it has not been registered. */
    public String name(String agencyId) {
        String name = summary(agencyId, events.ofAggregate(agencyId)).name();
        return name == null ? agencyId : name;
    }

    /** The name of the agency's superior office, when one is registered. */
    public java.util.Optional<String> superiorName(String agencyId) {
        String superior = summary(agencyId, events.ofAggregate(agencyId)).superiorAgencyId();
        return superior == null ? java.util.Optional.empty() : java.util.Optional.of(name(superior));
    }

    static AgencySummary summary(String id, List<EventEnvelope> history) {
        return history.stream().map(EventEnvelope::payload).filter(AgencyRegistered.class::isInstance)
                .map(AgencyRegistered.class::cast).findFirst()
                .map(r -> new AgencySummary(id, r.name(), r.superiorAgencyId() == null ? null : r.superiorAgencyId().value()))
                .orElse(new AgencySummary(id, null, null));
    }
}
