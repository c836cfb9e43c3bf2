package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The authenticated user: a user name, the one agency they belong to and their roles. Whatever authenticated them
 * (a session after log-in, a bearer token of the local store, an OIDC access token), the principal is an Officer;
 * its {@link #username()} is what every event records as {@code recorded.by}.
 */
public record Officer(String username, AgencyId agencyId, Set<Role> roles)
        implements OAuth2AuthenticatedPrincipal {
    public Officer {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (agencyId == null) {
            throw new IllegalArgumentException("an officer belongs to an agency");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(AgencyId agency) {
        return agencyId.equals(agency);
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("username", username, "agencyId", agencyId.value(),
                "roles", roles.stream().map(Enum::name).sorted().toList());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(Role::authority).collect(Collectors.toList());
    }

    /** The officer of the current request; throws if nobody is authenticated (the filter chain prevents that). */
    public static Officer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Officer officer) {
            return officer;
        }
        throw new IllegalStateException("no authenticated officer");
    }
}
