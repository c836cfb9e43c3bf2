package cn.gongkai.ledger.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in and out. A browser logs in with {@code POST /api/auth/login} (JSON user name and password, and the
 * CSRF token from {@code GET /api/auth/csrf} in header {@code X-XSRF-TOKEN}) and gets a session cookie; a script
 * gets a bearer token from {@code POST /api/auth/tokens}. Both are throttled by {@link LoginThrottle}. In OIDC mode
 * the identity provider signs users in, and both answer 404.
 */
@RestController
@RequestMapping("/api/auth")
public class AuthController {
    static final Duration DEFAULT_TOKEN_VALIDITY = Duration.ofDays(1);
    static final int MAX_TOKEN_DAYS = 90;

    private final UserStore users;
    private final TokenStore tokens;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts;
    private final CsrfAuthenticationStrategy csrfRotation;
    private final boolean local;

    public AuthController(UserStore users, TokenStore tokens, LoginThrottle throttle,
                          SecurityContextRepository contexts, CookieCsrfTokenRepository csrf,
                          @Value(LedgerSecurityConfiguration.MODE) String mode) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.contexts = contexts;
        this.csrfRotation = new CsrfAuthenticationStrategy(csrf);
        this.local = "local".equals(mode);
    }

    /** {@code validityDays} only for tokens: 1 to {@value #MAX_TOKEN_DAYS}, default 1. */
    public record Credentials(String username, String password, Integer validityDays) {
    }

    public record IssuedToken(String token, String tokenType, Instant expiresAt, OfficerView officer) {
    }

    @PostMapping("/login")
    public ResponseEntity<?> login(@RequestBody Credentials credentials, HttpServletRequest request,
                                   HttpServletResponse response) {
        ResponseEntity<ProblemDetail> refused = check(credentials, request);
        if (refused != null) {
            return refused;
        }
        Officer officer = authenticate(credentials, request).orElse(null);
        if (officer == null) {
            return wrongCredentials(request);
        }
        Authentication authentication = new OfficerAuthentication(officer);
        csrfRotation.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.ok(OfficerView.of(officer));
    }

    @PostMapping("/tokens")
    public ResponseEntity<?> token(@RequestBody Credentials credentials, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = check(credentials, request);
        if (refused != null) {
            return refused;
        }
        int days = credentials.validityDays() == null ? 1 : credentials.validityDays();
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            return SecurityProblems.entity(HttpStatus.BAD_REQUEST, "INVALID_VALIDITY",
                    "validityDays 须在 1 至 " + MAX_TOKEN_DAYS + " 之间", "validityDays must be 1 to " + MAX_TOKEN_DAYS,
                    request);
        }
        Officer officer = authenticate(credentials, request).orElse(null);
        if (officer == null) {
            return wrongCredentials(request);
        }
        TokenStore.Issued issued = tokens.issue(officer, Duration.ofDays(days));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedToken(issued.token(), "Bearer", issued.expiresAt(), OfficerView.of(officer)));
    }

    /** The CSRF token a browser sends back in header {@code X-XSRF-TOKEN} (also set as cookie {@code XSRF-TOKEN}). */
    @GetMapping("/csrf")
    public Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(),
                "token", token.getToken());
    }

    @GetMapping("/me")
    public OfficerView me() {
        return OfficerView.of(Officer.current());
    }

    /** Ends the session; a bearer token of the local store used for this request is revoked. */
    @PostMapping("/logout")
    public ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response,
                                       Authentication authentication) {
        if (authentication instanceof BearerTokenAuthentication bearer && local) {
            tokens.revoke(bearer.getToken().getTokenValue());
        }
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response); // revokes the session
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        return SecurityProblems.entity(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                "请求体须为 JSON：{\"username\": …, \"password\": …}",
                "The body must be JSON: {\"username\": …, \"password\": …}", request);
    }

    /** Refuses before any password is checked: not in local mode, no credentials, or throttled. */
    private ResponseEntity<ProblemDetail> check(Credentials credentials, HttpServletRequest request) {
        if (!local) {
            return SecurityProblems.entity(HttpStatus.NOT_FOUND, "LOCAL_LOGIN_DISABLED",
                    "本系统由统一身份认证（OIDC）登录", "Users sign in through the OIDC identity provider", request);
        }
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            return SecurityProblems.entity(HttpStatus.BAD_REQUEST, "MISSING_CREDENTIALS",
                    "缺少用户名或密码", "Missing username or password", request);
        }
        Optional<Duration> wait = throttle.locked(credentials.username(), request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            ResponseEntity<ProblemDetail> answer = SecurityProblems.entity(HttpStatus.TOO_MANY_REQUESTS,
                    "LOGIN_THROTTLED", "登录失败次数过多，请 " + seconds + " 秒后再试",
                    "Too many failed log-ins; try again in " + seconds + " s", request);
            return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "" + seconds)
                    .contentType(answer.getHeaders().getContentType()).body(answer.getBody());
        }
        return null;
    }

    private Optional<Officer> authenticate(Credentials credentials, HttpServletRequest request) {
        Optional<Officer> officer = users.authenticate(credentials.username(), credentials.password());
        if (officer.isPresent()) {
            throttle.succeeded(credentials.username());
        } else {
            throttle.failed(credentials.username(), request.getRemoteAddr());
        }
        return officer;
    }

    private static ResponseEntity<?> wrongCredentials(HttpServletRequest request) {
        return SecurityProblems.entity(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "用户名或密码错误",
                "Wrong username or password", request);
    }
}
