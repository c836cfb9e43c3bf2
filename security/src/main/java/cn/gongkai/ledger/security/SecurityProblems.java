package cn.gongkai.ledger.security;

import cn.gongkai.ledger.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the security layer as RFC 9457 problem details, rendered by the ledger's one {@link Problem}
 * (also where no controller advice reaches: in the filter chain, written straight to the response).
 */
public final class SecurityProblems {
    private SecurityProblems() {
    }

    public static ProblemDetail detail(HttpStatus status, String code, String zh, String en,
                                       HttpServletRequest request) {
        return new Problem(status, code, zh, en).toDetail(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
                request.getRequestURI());
    }

    public static ResponseEntity<ProblemDetail> entity(HttpStatus status, String code, String zh, String en,
                                                       HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, code, zh, en, request));
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String zh, String en,
                             HttpServletRequest request) throws IOException {
        new Problem(status, code, zh, en).write(request, response, request.getRequestURI());
    }

    public static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "需要登录：请先登录（POST /api/auth/login）或携带有效的令牌（Authorization: Bearer …）",
                "Authentication required: log in (POST /api/auth/login) or send a valid token (Authorization: Bearer …)",
                request);
    }

    public static void forbidden(HttpServletRequest request, HttpServletResponse response, Exception denied)
            throws IOException {
        if (denied instanceof AccessRefused refused) {
            write(response, HttpStatus.FORBIDDEN, refused.code(), refused.zh(), refused.getMessage(), request);
        } else if (denied instanceof org.springframework.security.web.csrf.CsrfException && !signedIn()
                && !request.getRequestURI().equals("/api/auth/login")) {
            unauthorized(request, response); // nobody signed in: that is what the caller has to fix first
        } else if (denied instanceof org.springframework.security.web.csrf.CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                    "缺少或无效的 CSRF 令牌（请求头 X-XSRF-TOKEN 须等于 Cookie XSRF-TOKEN）",
                    "Missing or invalid CSRF token (header X-XSRF-TOKEN must equal the XSRF-TOKEN cookie)", request);
        } else {
            write(response, HttpStatus.FORBIDDEN, "ACCESS_DENIED", "无权执行此操作", "Not permitted", request);
        }
    }

    private static boolean signedIn() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Officer;
    }
}
