package cn.gongkai.ledger.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated {@link Officer}: after a log-in (kept in the session) or from an OIDC access token. */
public class OfficerAuthentication extends AbstractAuthenticationToken {
    private final Officer officer;

    public OfficerAuthentication(Officer officer) {
        super(officer.getAuthorities());
        this.officer = officer;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Officer getPrincipal() {
        return officer;
    }

    @Override
    public String getName() {
        return officer.username();
    }
}
