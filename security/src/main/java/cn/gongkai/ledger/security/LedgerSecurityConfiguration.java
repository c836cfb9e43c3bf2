package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The security of every service, in one place (each service and the one-process run get it by depending on this
 * module). Who may call what comes from {@link EndpointPolicy}; anything it does not list is refused.
 *
 * <ul>
 *   <li>{@code LEDGER_SECURITY_MODE=local} (default): users in MongoDB ({@link UserStore}, bcrypt), browser sessions
 *       after {@code POST /api/auth/login} with CSRF protection (cookie {@code XSRF-TOKEN}, header
 *       {@code X-XSRF-TOKEN}), bearer tokens from {@code POST /api/auth/tokens} ({@link TokenStore}) for scripts
 *       and the import, log-in throttling ({@link LoginThrottle}).</li>
 *   <li>{@code LEDGER_SECURITY_MODE=oidc}: an OAuth2 resource server; bearer JWTs of the issuer
 *       {@code LEDGER_OIDC_ISSUER} ({@link OidcConfiguration}).</li>
 * </ul>
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
@Import({OidcConfiguration.class, AuthController.class, HealthController.class, AuditController.class, UserAdminController.class, SecurityAdvice.class,
        FirstRunSetup.class})
public class LedgerSecurityConfiguration {
    public static final String MODE = "${LEDGER_SECURITY_MODE:local}";

    @Bean
    public MongoDatabase ledgerSecurityDatabase(MongoClient client,
                                                @Value("${spring.data.mongodb.database:${MONGODB_DATABASE:gongkai-ledger}}") String name) {
        return client.getDatabase(name);
    }

    @Bean
    public PasswordEncoder ledgerPasswordEncoder(@Value("${ledger.security.bcrypt-strength:12}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    public UserStore ledgerUserStore(MongoDatabase ledgerSecurityDatabase, PasswordEncoder ledgerPasswordEncoder) {
        return new UserStore(ledgerSecurityDatabase, ledgerPasswordEncoder, Clock.systemUTC());
    }

    @Bean
    public TokenStore ledgerTokenStore(MongoDatabase ledgerSecurityDatabase, UserStore ledgerUserStore) {
        return new TokenStore(ledgerSecurityDatabase, ledgerUserStore, Clock.systemUTC());
    }

    @Bean
    public LoginThrottle ledgerLoginThrottle(MongoDatabase ledgerSecurityDatabase,
                                             @Value("${ledger.security.login.max-failures:5}") int maxFailures,
                                             @Value("${ledger.security.login.lockout:PT1M}") Duration lockout) {
        return new LoginThrottle(ledgerSecurityDatabase, maxFailures, lockout, Clock.systemUTC());
    }

    @Bean
    public PersonalDataAudit ledgerPersonalDataAudit(MongoDatabase ledgerSecurityDatabase) {
        return new PersonalDataAudit(ledgerSecurityDatabase, Clock.systemUTC());
    }

    /** The commands' history comes from the service's event-store reader (the query side has it). */
    @Bean
    public AuditTrail ledgerAuditTrail(ObjectProvider<CommandHistory> commandHistory,
                                       PersonalDataAudit ledgerPersonalDataAudit) {
        return new AuditTrail(() -> commandHistory.orderedStream().findFirst(), ledgerPersonalDataAudit);
    }

    /**
     * The facts come from the service's event store: the command service's own, or the read model's one reader
     * (in the one-process run both are there and agree; the first in order answers). A service with neither knows
     * no reconsideration's or lawsuit's agency and no superior: it refuses what needs them (fails closed).
     */
    @Bean
    public AgencyDirectory ledgerAgencyDirectory(ObjectProvider<AgencyFacts> agencyFacts) {
        return new AgencyDirectory(() -> agencyFacts.orderedStream().findFirst().orElse(AgencyFacts.NONE));
    }

    @Bean
    public AgencyGuard ledgerAgencyGuard(AgencyDirectory ledgerAgencyDirectory) {
        return new AgencyGuard(ledgerAgencyDirectory);
    }

    /**
     * No Micrometer observations of the filter chain, the authentications and the authorizations: nothing reads
     * them (only the health endpoint is exposed), and wrapping each of the chain's filters in an observation cost
     * about a tenth of a command's time on its request thread (JFR, docs/benchmarks.md).
     */
    @Bean
    public SecurityObservationSettings ledgerSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public CookieCsrfTokenRepository ledgerCsrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    @Bean
    public SecurityContextRepository ledgerSecurityContextRepository(TokenStore ledgerTokenStore) {
        return new SessionRepository(ledgerTokenStore);
    }

    /** Local mode: the bearer token is one of {@link TokenStore}'s. */
    @Bean
    @ConditionalOnProperty(name = "LEDGER_SECURITY_MODE", havingValue = "local", matchIfMissing = true)
    public OpaqueTokenIntrospector ledgerTokenIntrospector(TokenStore ledgerTokenStore) {
        return token -> ledgerTokenStore.resolve(token)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown or expired token"));
    }

    @Bean
    public SecurityFilterChain ledgerSecurityFilterChain(HttpSecurity http, AgencyDirectory directory,
                                                         CookieCsrfTokenRepository csrf,
                                                         SecurityContextRepository contexts,
                                                         OidcConfiguration.BearerMode bearer) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // the token is loaded for every request, the cookie set
        http.csrf(c -> c.csrfTokenRepository(csrf).csrfTokenRequestHandler(csrfHandler)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/api/auth/tokens")))
                .securityContext(c -> c.securityContextRepository(contexts))
                // No SessionManagementFilter: it would save the context of every request authenticated by a bearer
                // token, which would start (and store) a browser session per request. Nothing uses an HttpSession:
                // sessions are the repository's cookie, CSRF a cookie, the request cache off.
                .sessionManagement(s -> s.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> { })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) ->
                                SecurityProblems.unauthorized(request, response))
                        .accessDeniedHandler((request, response, denied) ->
                                SecurityProblems.forbidden(request, response, denied)))
                .authorizeHttpRequests(a -> {
                    // An error page rendered for a request that was already let through (or refused) says nothing more.
                    a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    for (EndpointPolicy.Rule rule : EndpointPolicy.rules()) {
                        a.requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(rule.method(), rule.pattern())).access(authorization(rule, directory));
                    }
                    a.anyRequest().denyAll();
                });
        bearer.configure(http);
        return http.build();
    }

    /** One rule as an authorization: signed in, a permitted role, and the agency named in the path. */
    static AuthorizationManager<RequestAuthorizationContext> authorization(EndpointPolicy.Rule rule,
                                                                            AgencyDirectory directory) {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            if (rule.access() == EndpointPolicy.Access.ANONYMOUS) {
                return new AuthorizationDecision(true);
            }
            Authentication who = authentication.get();
            if (who == null || !who.isAuthenticated() || !(who.getPrincipal() instanceof Officer officer)) {
                return new AuthorizationDecision(false);
            }
            if (!rule.allows(officer)) {
                throw AccessRefused.role(officer);
            }
            AgencyId named = agencyInPath(context.getVariables());
            boolean allowed = switch (rule.scope()) {
                case NONE, IN_HANDLER -> true;
                case OWN -> named == null || officer.belongsTo(named);
                case OWN_OR_SUBORDINATE -> named == null || directory.isAtOrBelow(named, officer.agencyId());
            };
            if (!allowed) {
                throw AccessRefused.agency(officer, named);
            }
            return new AuthorizationDecision(true);
        };
    }

    /** The agency of {@code {agencyId}}, or of a request id {@code {requestId}} ({@code agency:number}). */
    static AgencyId agencyInPath(Map<String, String> variables) {
        String agency = variables.get("agencyId");
        if (agency == null) {
            return AgencyDirectory.agencyInRequestId(variables.get("requestId")).orElse(null);
        }
        try {
            return new AgencyId(agency);
        } catch (IllegalArgumentException invalid) {
            return null; // the handler answers 400
        }
    }
}
