package cn.gongkai.ledger.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * A refusal in Chinese and English, and how every service answers it: an RFC 9457 problem detail
 * ({@code application/problem+json}) with {@code type} {@code urn:gongkai-ledger:problem:<code>}, {@code title}
 * and {@code detail} in the language the {@code Accept-Language} header prefers (Chinese unless it asks for
 * English; a malformed header counts as none), {@code status}, {@code instance} (the path), and the extension
 * members {@code code}, {@code messageZh} and {@code messageEn}, always present. The one problem type and
 * renderer of the command service, the projector, the query service, the workbench and the security layer.
 */
public record Problem(HttpStatus status, String code, String messageZh, String messageEn) {
    /** The prefix of every problem {@code type}. */
    public static final String TYPE_PREFIX = "urn:gongkai-ledger:problem:";
    private static final List<Locale> LANGUAGES = List.of(Locale.CHINESE, Locale.ENGLISH);
    private static final ObjectMapper WRITER = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    public Problem {
        Objects.requireNonNull(status);
        Objects.requireNonNull(code);
        Objects.requireNonNull(messageZh);
        Objects.requireNonNull(messageEn);
    }

    /** The problem detail in the preferred language of an {@code Accept-Language} header (which may be null). */
    public ProblemDetail toDetail(String acceptLanguage, String instance) {
        boolean english = Locale.ENGLISH.equals(preferred(acceptLanguage));
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, english ? messageEn : messageZh);
        detail.setTitle(english ? status.getReasonPhrase() : titleZh(status));
        detail.setType(URI.create(TYPE_PREFIX + code));
        if (instance != null) {
            detail.setInstance(URI.create(instance));
        }
        detail.setProperty("code", code);
        detail.setProperty("messageZh", messageZh);
        detail.setProperty("messageEn", messageEn);
        return detail;
    }

    /** The response: the status, {@code application/problem+json}, and {@link #toDetail}. */
    public ResponseEntity<ProblemDetail> toResponse(String acceptLanguage, String instance) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(toDetail(acceptLanguage, instance));
    }

    /**
     * Writes the problem detail straight to a servlet response as {@code application/problem+json}: for the
     * filters and the error page, which answer outside Spring MVC's content negotiation.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, String instance) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        WRITER.writeValue(response.getOutputStream(), toDetail(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), instance));
    }

    /**
     * The problem of an HTTP status that Spring MVC or the servlet container decides before any handler runs (no
     * such path, method, media type; headers too large; unavailable), for {@code method} on {@code path}.
     */
    public static Problem ofStatus(int status, String path, String method) {
        return switch (status) {
            case 404 -> new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "没有这个地址：" + path,
                    "No such resource: " + path);
            case 405 -> new Problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "地址 " + path + " 不支持 " + method + " 请求方法", "Method " + method + " is not supported by " + path);
            case 406 -> new Problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                    "无法以所要求的格式（Accept 请求头）回答", "The answer cannot be given in the format the Accept header asks for");
            case 413 -> new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", "请求内容过大，未保存任何内容",
                    "The request body is too large; nothing was saved");
            case 415 -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "请求内容类型不受支持：命令请以 Content-Type: application/json 发送，导入请以 application/x-ndjson 发送",
                    "Unsupported content type: send commands as application/json, imports as application/x-ndjson");
            case 431 -> new Problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                    "请求头过大", "The request headers are too large");
            case 503 -> new Problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "服务暂时不可用，本次操作未保存，请稍后重试", "The service is unavailable; nothing was saved, retry later");
            default -> status >= 400 && status < 500
                    ? new Problem(HttpStatus.valueOf(status), "BAD_REQUEST", "请求无效，未保存任何内容",
                    "Bad request; nothing was saved")
                    : new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务内部错误，本次操作未保存",
                    "Internal error; nothing was saved");
        };
    }

    /** Chinese unless the header prefers English; a malformed header is treated as absent. */
    static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.CHINESE;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return match == null ? Locale.CHINESE : match;
        } catch (IllegalArgumentException malformedHeader) {
            return Locale.CHINESE;
        }
    }

    /** The one set of Chinese titles, by status. */
    static String titleZh(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求无效";
            case UNAUTHORIZED -> "未登录";
            case FORBIDDEN -> "无权访问";
            case NOT_FOUND -> "未找到";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case NOT_ACCEPTABLE -> "无法提供所要求的格式";
            case CONFLICT -> "与已登记的记录冲突";
            case PAYLOAD_TOO_LARGE -> "请求内容过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
            case UNPROCESSABLE_ENTITY -> "不符合业务规则";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "请求头过大";
            case TOO_MANY_REQUESTS -> "尝试次数过多";
            case SERVICE_UNAVAILABLE -> "服务暂时不可用";
            default -> status.is5xxServerError() ? "服务内部错误" : "请求无效";
        };
    }
}
