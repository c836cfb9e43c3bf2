package cn.gongkai.ledger.security;

import java.util.Comparator;
import java.util.List;

/** An officer as the API shows it: user name, agency, and the roles with their Chinese labels. */
public record OfficerView(String username, String agencyId, List<RoleView> roles) {
    public record RoleView(String name, String label) {
    }

    public static OfficerView of(Officer officer) {
        return new OfficerView(officer.username(), officer.agencyId().value(), officer.roles().stream()
                .sorted(Comparator.naturalOrder()).map(r -> new RoleView(r.name(), r.label())).toList());
    }
}
