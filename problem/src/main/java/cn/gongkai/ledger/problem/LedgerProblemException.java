package cn.gongkai.ledger.problem;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/** A request the read side refuses, with a stable code and a Chinese and an English explanation. */
public class LedgerProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    public LedgerProblemException(HttpStatus status, String code, String messageZh, String messageEn) {
        super(code + ": " + messageEn);
        this.status = Objects.requireNonNull(status);
        this.code = Objects.requireNonNull(code);
        this.messageZh = Objects.requireNonNull(messageZh);
        this.messageEn = Objects.requireNonNull(messageEn);
    }

    public static LedgerProblemException badRequest(String code, String zh, String en) {
        return new LedgerProblemException(HttpStatus.BAD_REQUEST, code, zh, en);
    }

    public static LedgerProblemException notFound(String code, String zh, String en) {
        return new LedgerProblemException(HttpStatus.NOT_FOUND, code, zh, en);
    }

    public static LedgerProblemException conflict(String code, String zh, String en) {
        return new LedgerProblemException(HttpStatus.CONFLICT, code, zh, en);
    }

    /** What the service answers. */
    public Problem problem() {
        return new Problem(status, code, messageZh, messageEn);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
