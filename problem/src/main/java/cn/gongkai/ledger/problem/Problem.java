package cn.gongkai.ledger.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal in Chinese and English, and how every service answers it: an RFC 9457 problem detail
 * ({@code application/problem+json}) with {@code type} {@code urn:gongkai-ledger:problem:<code>}, {@code title}
 * and {@code detail} in the language the {@code Accept-Language} header prefers (Chinese unless it asks for
 * English; a malformed header counts as none), {@code status}, {@code instance} (the path), and the extension
 * members {@code code}, {@code messageZh} and {@code messageEn}, always present. The one problem type and
 * renderer of the command service, the projector and the query service.
 */
public record Problem(HttpStatus status, String code, String messageZh, String messageEn) {
    /** The prefix of every problem {@code type}. */
    public static final String TYPE_PREFIX = "urn:gongkai-ledger:problem:";
    private static final List<Locale> LANGUAGES = List.of(Locale.CHINESE, Locale.ENGLISH);

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
            case CONFLICT -> "与已登记的记录冲突";
            case PAYLOAD_TOO_LARGE -> "请求体过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的媒体类型";
            case UNPROCESSABLE_ENTITY -> "不符合业务规则";
            case TOO_MANY_REQUESTS -> "尝试次数过多";
            default -> status.is5xxServerError() ? "服务内部错误" : status.getReasonPhrase();
        };
    }
}
