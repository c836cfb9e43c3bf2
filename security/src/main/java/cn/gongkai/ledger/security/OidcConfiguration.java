package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * How a bearer token is read. Local mode: a token of {@link TokenStore}. OIDC mode ({@code LEDGER_SECURITY_MODE=oidc}):
 * a JWT signed by the identity provider's keys ({@code LEDGER_OIDC_JWK_SET_URI}, or found through the discovery
 * document of {@code LEDGER_OIDC_ISSUER}), its {@code iss} the issuer, its {@code aud} holding
 * {@code LEDGER_OIDC_AUDIENCE} if that is set, not expired; the officer is read from the claims
 * {@code LEDGER_OIDC_USERNAME_CLAIM} (default {@code preferred_username}, else {@code sub}),
 * {@code LEDGER_OIDC_AGENCY_CLAIM} (default {@code agency}) and {@code LEDGER_OIDC_ROLES_CLAIM} (default
 * {@code roles}: a list or a space-separated string of role names such as {@code REGISTRAR}).
 */
@Configuration(proxyBeanMethods = false)
public class OidcConfiguration {

    /** Adds the bearer-token reading of the configured mode to the filter chain. */
    public interface BearerMode {
        void configure(HttpSecurity http) throws Exception;

        boolean local();
    }

    /** OIDC mode: the decoder of the issuer's JWTs. */
    @Bean
    @ConditionalOnProperty(name = "LEDGER_SECURITY_MODE", havingValue = "oidc")
    public JwtDecoder ledgerJwtDecoder(@Value("${LEDGER_OIDC_ISSUER:}") String issuer,
                                       @Value("${LEDGER_OIDC_JWK_SET_URI:}") String jwkSetUri,
                                       @Value("${LEDGER_OIDC_AUDIENCE:}") String audience) {
        if (issuer.isBlank()) {
            throw new IllegalStateException("LEDGER_SECURITY_MODE=oidc needs LEDGER_OIDC_ISSUER");
        }
        return decoder(issuer, jwkSetUri, audience);
    }

    @Bean
    public BearerMode ledgerBearerMode(@Value(LedgerSecurityConfiguration.MODE) String mode,
                                       ObjectProvider<OpaqueTokenIntrospector> introspector,
                                       ObjectProvider<JwtDecoder> jwtDecoder,
                                       @Value("${LEDGER_OIDC_USERNAME_CLAIM:preferred_username}") String usernameClaim,
                                       @Value("${LEDGER_OIDC_AGENCY_CLAIM:agency}") String agencyClaim,
                                       @Value("${LEDGER_OIDC_ROLES_CLAIM:roles}") String rolesClaim) {
        if ("local".equals(mode)) {
            OpaqueTokenIntrospector tokens = introspector.getObject();
            return new BearerMode() {
                @Override
                public void configure(HttpSecurity http) throws Exception {
                    http.oauth2ResourceServer(o -> o.opaqueToken(t -> t.introspector(tokens))
                            .authenticationEntryPoint((request, response, failure) ->
                                    SecurityProblems.unauthorized(request, response)));
                }

                @Override
                public boolean local() {
                    return true;
                }
            };
        }
        if (!"oidc".equals(mode)) {
            throw new IllegalStateException("LEDGER_SECURITY_MODE must be local or oidc, not " + mode);
        }
        JwtDecoder decoder = jwtDecoder.getObject();
        Converter<Jwt, AbstractAuthenticationToken> officers = jwt ->
                new OfficerAuthentication(officer(jwt, usernameClaim, agencyClaim, rolesClaim));
        return new BearerMode() {
            @Override
            public void configure(HttpSecurity http) throws Exception {
                http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(officers))
                        .authenticationEntryPoint((request, response, failure) ->
                                SecurityProblems.unauthorized(request, response)));
            }

            @Override
            public boolean local() {
                return false;
            }
        };
    }

    static JwtDecoder decoder(String issuer, String jwkSetUri, String audience) {
        NimbusJwtDecoder decoder = jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(issuer).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        if (!audience.isBlank()) {
            validators.add(new JwtClaimValidator<Collection<String>>("aud",
                    aud -> aud != null && aud.contains(audience)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** The officer a JWT names; a token without a user name or an agency is refused (401). */
    static Officer officer(Jwt jwt, String usernameClaim, String agencyClaim, String rolesClaim) {
        String username = jwt.getClaimAsString(usernameClaim);
        if (username == null || username.isBlank()) {
            username = jwt.getSubject();
        }
        String agency = jwt.getClaimAsString(agencyClaim);
        if (username == null || username.isBlank() || agency == null || agency.isBlank()) {
            throw new InvalidBearerTokenException("the token names no user or no agency (claims " + usernameClaim
                    + ", " + agencyClaim + ")");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(rolesClaim);
        Collection<?> names = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? Arrays.asList(text.split("[\\s,]+")) : List.of();
        for (Object name : names) {
            try {
                roles.add(Role.parse(String.valueOf(name)));
            } catch (IllegalArgumentException notOurs) {
                // roles of other applications are not ours to interpret
            }
        }
        try {
            return new Officer(username, new AgencyId(agency), roles);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidBearerTokenException("invalid agency claim: " + invalid.getMessage());
        }
    }
}
