package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerCommand;
import java.util.Optional;

/**
 * The agency rules, for the handlers that learn their agency only from a body or a case id (the filter chain
 * applies them to agencies in the path): an officer writes and reads applicants' data of their own agency only; reads
 * reports and counts of their agency and every agency below it.
 */
public class AgencyGuard {
    private final AgencyDirectory directory;

    public AgencyGuard(AgencyDirectory directory) {
        this.directory = directory;
    }

    public AgencyDirectory directory() {
        return directory;
    }

    /** Refuses unless the current officer belongs to {@code agency}. */
    public Officer requireOwn(AgencyId agency) {
        Officer officer = Officer.current();
        if (!officer.belongsTo(agency)) {
            throw AccessRefused.agency(officer, agency);
        }
        return officer;
    }

    /** Refuses unless {@code agency} is the current officer's or below it. */
    public Officer requireOwnOrSubordinate(AgencyId agency) {
        Officer officer = Officer.current();
        if (!directory.isAtOrBelow(agency, officer.agencyId())) {
            throw AccessRefused.agency(officer, agency);
        }
        return officer;
    }

    /**
     * Refuses unless the case (request, reconsideration or lawsuit) is of the current officer's agency. An unknown
     * case passes: its handler answers 404 (or a registration creates it; {@link #requireOwn} checks the agency it
     * names).
     */
    public Officer requireOwnCase(String caseId) {
        Optional<AgencyId> agency = AgencyDirectory.agencyInRequestId(caseId).or(() -> directory.agencyOfCase(caseId));
        return agency.isPresent() ? requireOwn(agency.get()) : Officer.current();
    }

    /** Refuses a command the current officer's roles do not allow. */
    public Officer requireRole(Class<? extends LedgerCommand> command) {
        Officer officer = Officer.current();
        if (!CommandPolicy.may(officer, command)) {
            throw AccessRefused.role(officer);
        }
        return officer;
    }
}
