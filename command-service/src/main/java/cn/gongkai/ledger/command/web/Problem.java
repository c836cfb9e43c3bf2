package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.security.AccessRefused;
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
    private static final List<Locale> LANGUAGES = List.of(Locale.CHINESE, Locale.ENGLISH);

    public static Problem of(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof CommandRejected rejected) {
            return new Problem(HttpStatus.BAD_REQUEST, rejected.code(), rejected.messageZh(), rejected.messageEn());
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

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof CommandExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
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
            default -> "服务内部错误";
        };
    }
}
