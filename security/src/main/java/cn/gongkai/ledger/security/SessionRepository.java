package cn.gongkai.ledger.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Browser sessions that every replica of every service accepts: the session is a random token in the
 * {@value #COOKIE} cookie (HttpOnly, SameSite=Strict, Secure over HTTPS), held in MongoDB by {@link TokenStore}
 * as its SHA-256 hash with the user and an expiry of {@link #VALIDITY}; nothing lives in a server's memory. Each
 * request re-reads the user, so a role taken away or a user removed ends their sessions at once. Log-in issues a
 * new token (no fixation); log-out revokes it. A session's token is never accepted as a bearer token.
 */
public final class SessionRepository implements SecurityContextRepository {
    public static final String COOKIE = "LEDGER_SESSION";
    public static final Duration VALIDITY = Duration.ofHours(12);

    private final TokenStore tokens;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public SessionRepository(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private Optional<Officer> officer;

            private Optional<Officer> officer() {
                if (officer == null) {
                    officer = token(request).flatMap(tokens::resolveSession);
                }
                return officer;
            }

            @Override
            public SecurityContext get() {
                SecurityContext context = holder.createEmptyContext();
                officer().ifPresent(o -> context.setAuthentication(new OfficerAuthentication(o)));
                return context;
            }

            @Override
            public boolean isGenerated() {
                return officer().isEmpty();
            }
        };
    }

    /** @deprecated as in Spring Security; {@link #loadDeferredContext} is what the filter chain uses */
    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder requestResponseHolder) {
        return loadDeferredContext(requestResponseHolder.getRequest()).get();
    }

    /**
     * Saves what a log-in or log-out decided: an officer signed in gets a new session (any earlier one of this
     * browser is revoked); an empty context revokes the session and clears the cookie.
     */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        token(request).ifPresent(tokens::revoke);
        Authentication authentication = context.getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Officer officer) {
            TokenStore.Issued issued = tokens.issueSession(officer, VALIDITY);
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(issued.token(), request, null).toString());
        } else {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie("", request, Duration.ZERO).toString());
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return token(request).flatMap(tokens::resolveSession).isPresent();
    }

    private static ResponseCookie cookie(String value, HttpServletRequest request, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(COOKIE, value).httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").path("/");
        return maxAge == null ? cookie.build() : cookie.maxAge(maxAge).build();
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).filter(v -> !v.isBlank()).findFirst();
    }
}
