package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.InputViolation;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.security.AccessRefused;
import cn.gongkai.ledger.command.infrastructure.EventSizeLimit;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Why a command was refused, in Chinese and English, and how it is answered: an RFC 9457 problem detail whose
 * {@code title} and {@code detail} are in the language the client prefers (Chinese unless it asks for English),
 * with {@code code}, {@code messageZh} and {@code messageEn} always present.
 */
public record Problem(HttpStatus status, String code, String messageZh, String messageEn) {
    private static final Logger LOG = LoggerFactory.getLogger(Problem.class);
    private static final ObjectMapper WRITER = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    private static final List<Locale> LANGUAGES = List.of(Locale.CHINESE, Locale.ENGLISH);

    public static Problem of(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (BodyLimit.tooLarge(e)) {
            return of(CommandRejected.tooLarge(InputLimits.IMPORT_MAX_BYTES));
        }
        if (e instanceof InputViolation violation) {
            return of(CommandRejected.of(violation));
        }
        if (e instanceof CommandRejected rejected) {
            return new Problem(HttpStatus.valueOf(rejected.status()), rejected.code(), rejected.messageZh(),
                    rejected.messageEn());
        }
        if (e instanceof RuleViolation violation && EventSizeLimit.EVENT_TOO_LARGE.equals(violation.code())) {
            return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, violation.code(), violation.messageZh(),
                    violation.messageEn());
        }
        if (e instanceof RuleViolation violation) {
            HttpStatus status = violation.kind() == RuleViolation.Kind.CONFLICT
                    ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            return new Problem(status, violation.code(), violation.messageZh(), violation.messageEn());
        }
        if (e instanceof AccessRefused refused) {
            return new Problem(HttpStatus.FORBIDDEN, refused.code(), refused.zh(), refused.getMessage());
        }
        if (e instanceof AggregateStreamCreationException) {
            return new Problem(HttpStatus.CONFLICT, "ALREADY_EXISTS", "该编号的案件或机关已经登记，未作任何更改",
                    "A case or agency with this id is already registered; nothing was changed");
        }
        if (e instanceof ConcurrencyException || e instanceof LockAcquisitionFailedException) {
            return new Problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "该案件同时被其他操作修改，本次操作未保存，请刷新后重试",
                    "The case was changed by another command at the same time; this command was not saved, reload and retry");
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "未找到编号为 " + notFound.getAggregateIdentifier() + " 的案件或机关",
                    "No case or agency with id " + notFound.getAggregateIdentifier());
        }
        LOG.error("Command failed unexpectedly", e);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务内部错误，本次操作未保存",
                "Internal error; the command was not saved");
    }

    /** The problem of an HTTP status that Spring MVC or the servlet container decides before a command is read. */
    public static Problem ofStatus(int status, HttpServletRequest request) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        return switch (status) {
            case 404 -> new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "没有这个地址：" + path,
                    "No such resource: " + path);
            case 405 -> new Problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "地址 " + path + " 不支持 " + method + " 请求方法", "Method " + method + " is not supported by " + path);
            case 406 -> new Problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                    "只能以 JSON（application/json 或 application/problem+json）回答",
                    "The answer can only be JSON (application/json or application/problem+json)");
            case 413 -> of(CommandRejected.tooLarge(BodyLimit.limitOf(request)));
            case 415 -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "请求内容类型不受支持：命令请以 Content-Type: application/json 发送，导入请以 application/x-ndjson 发送",
                    "Unsupported content type: send commands as application/json, imports as application/x-ndjson");
            case 431 -> new Problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                    "请求头超过 " + InputLimits.HEADERS_MAX_BYTES + " 字节的上限",
                    "The request headers are larger than " + InputLimits.HEADERS_MAX_BYTES + " bytes");
            case 503 -> new Problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "服务暂时不可用，本次操作未保存，请稍后重试",
                    "The service is unavailable; the command was not saved, retry later");
            default -> status >= 400 && status < 500
                    ? new Problem(HttpStatus.valueOf(status), "BAD_REQUEST", "请求无效，未保存任何内容",
                    "Bad request; nothing was saved")
                    : new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务内部错误，本次操作未保存",
                    "Internal error; the command was not saved");
        };
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof CommandExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * Writes the problem detail straight to a servlet response as {@code application/problem+json} (for the
     * filters and the error page, which answer outside Spring MVC's content negotiation).
     */
    public void write(HttpServletRequest request, HttpServletResponse response, String instance) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        WRITER.writeValue(response.getOutputStream(), toDetail(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), instance));
    }

    /** The problem detail in the preferred language of an {@code Accept-Language} header (may be null). */
    public ProblemDetail toDetail(String acceptLanguage, String instance) {
        boolean english = Locale.ENGLISH.equals(preferred(acceptLanguage));
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, english ? messageEn : messageZh);
        detail.setTitle(english ? status.getReasonPhrase() : titleZh());
        detail.setType(URI.create("urn:gongkai-ledger:problem:" + code));
        if (instance != null) {
            detail.setInstance(URI.create(instance));
        }
        detail.setProperty("code", code);
        detail.setProperty("messageZh", messageZh);
        detail.setProperty("messageEn", messageEn);
        return detail;
    }

    private static Locale preferred(String acceptLanguage) {
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

    private String titleZh() {
        return switch (status) {
            case BAD_REQUEST -> "请求无效";
            case NOT_FOUND -> "未找到";
            case CONFLICT -> "与已登记的记录冲突";
            case FORBIDDEN -> "无权访问";
            case UNPROCESSABLE_ENTITY -> "不符合业务规则";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case NOT_ACCEPTABLE -> "无法提供所要求的格式";
            case PAYLOAD_TOO_LARGE -> "请求内容过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "请求头过大";
            case SERVICE_UNAVAILABLE -> "服务暂时不可用";
            default -> "服务内部错误";
        };
    }
}
