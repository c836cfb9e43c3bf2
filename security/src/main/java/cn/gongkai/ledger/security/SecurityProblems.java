package cn.gongkai.ledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the security layer as RFC 9457 problem details, shaped like every other problem of the ledger:
 * {@code type} {@code urn:gongkai-ledger:problem:CODE}, {@code code}, {@code messageZh}, {@code messageEn}, the
 * title and detail in the language of {@code Accept-Language} (Chinese unless English is preferred).
 */
public final class SecurityProblems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityProblems() {
    }

    public static ProblemDetail detail(HttpStatus status, String code, String zh, String en,
                                       HttpServletRequest request) {
        boolean english = english(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, english ? en : zh);
        detail.setTitle(english ? status.getReasonPhrase() : titleZh(status));
        detail.setType(URI.create("urn:gongkai-ledger:problem:" + code));
        detail.setInstance(URI.create(request.getRequestURI()));
        detail.setProperty("code", code);
        detail.setProperty("messageZh", zh);
        detail.setProperty("messageEn", en);
        return detail;
    }

    public static ResponseEntity<ProblemDetail> entity(HttpStatus status, String code, String zh, String en,
                                                       HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, code, zh, en, request));
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String zh, String en,
                             HttpServletRequest request) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ProblemDetail detail = detail(status, code, zh, en, request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        body.put("instance", detail.getInstance() == null ? null : detail.getInstance().toString());
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        JSON.writeValue(response.getOutputStream(), body);
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

    private static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
                    List.of(Locale.CHINESE, Locale.ENGLISH));
            return Locale.ENGLISH.equals(match);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String titleZh(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "未登录";
            case FORBIDDEN -> "无权访问";
            case TOO_MANY_REQUESTS -> "尝试次数过多";
            case BAD_REQUEST -> "请求无效";
            case NOT_FOUND -> "未找到";
            default -> "服务内部错误";
        };
    }
}
