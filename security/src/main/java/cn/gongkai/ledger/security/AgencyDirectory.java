package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which agency a case belongs to and which agency is above which: a request's id starts with its agency; a
 * reconsideration or lawsuit names it when filed, and an agency its superior when registered ({@link AgencyFacts},
 * answered beside the one event-store reader). These facts never change once recorded, so what was found is kept.
 */
public class AgencyDirectory {
    private static final int MAX_DEPTH = 16;

    private final Supplier<AgencyFacts> facts;
    private final Map<String, AgencyId> filedAgencies = new ConcurrentHashMap<>();
    private final Map<AgencyId, Optional<AgencyId>> superiors = new ConcurrentHashMap<>();

    public AgencyDirectory(AgencyFacts facts) {
        this(() -> facts);
    }

    /** With the facts looked up on first use (the service that answers them may start after this directory). */
    public AgencyDirectory(Supplier<AgencyFacts> facts) {
        this.facts = facts;
    }

    /** The agency of a request ({@code agency:number}), a reconsideration or a lawsuit; empty if it is unknown. */
    public Optional<AgencyId> agencyOfCase(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return Optional.empty();
        }
        Optional<AgencyId> inId = agencyInRequestId(caseId);
        if (inId.isPresent()) {
            return inId;
        }
        AgencyId known = filedAgencies.get(caseId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<AgencyId> filed = facts.get().agencyNamedAtFiling(caseId);
        filed.ifPresent(agency -> filedAgencies.put(caseId, agency));
        return filed;
    }

    /** The agency a request id ({@code agency:number}) names; empty for any other id. */
    public static Optional<AgencyId> agencyInRequestId(String caseId) {
        int colon = caseId == null ? -1 : caseId.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AgencyId(caseId.substring(0, colon)));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The superior agency; an agency not (yet) registered is asked again next time. */
    public Optional<AgencyId> superiorOf(AgencyId agency) {
        Optional<AgencyId> known = superiors.get(agency);
        if (known != null) {
            return known;
        }
        Optional<AgencyId> superior = facts.get().superiorOf(agency);
        if (superior.isPresent()) {
            superiors.put(agency, superior);
        }
        return superior;
    }

    /** Whether {@code agency} is {@code officerAgency} itself or below it (directly or further down). */
    public boolean isAtOrBelow(AgencyId agency, AgencyId officerAgency) {
        AgencyId current = agency;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.equals(officerAgency)) {
                return true;
            }
            current = superiorOf(current).orElse(null);
        }
        return false;
    }
}
