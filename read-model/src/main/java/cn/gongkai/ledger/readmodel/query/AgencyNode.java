package cn.gongkai.ledger.readmodel.query;

import java.util.List;

/**
 * An agency in the hierarchy: its registered name, the superior office it named, and the agencies that named it as
 * theirs (its direct subordinates, by id).
 */
public record AgencyNode(String agencyId, String name, String superiorAgencyId, List<String> subordinates) {
    public AgencyNode {
        subordinates = subordinates == null ? List.of() : List.copyOf(subordinates);
    }
}
