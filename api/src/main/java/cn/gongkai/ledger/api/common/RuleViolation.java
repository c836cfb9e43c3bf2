package cn.gongkai.ledger.api.common;

import java.util.Objects;

/**
 * A command refused by a domain rule: a stable code, and an explanation in Chinese and English.
 * {@link Kind} tells the HTTP layer which status applies (409 for a state conflict, 422 for a
 * well-formed command the rules refuse).
 */
public class RuleViolation extends RuntimeException {
    public enum Kind { CONFLICT, UNPROCESSABLE }

    private final String code;
    private final Kind kind;
    private final String messageZh;
    private final String messageEn;

    public RuleViolation(String code, Kind kind, String messageZh, String messageEn) {
        super(code + ": " + messageEn + " / " + messageZh);
        this.code = Objects.requireNonNull(code);
        this.kind = Objects.requireNonNull(kind);
        this.messageZh = Objects.requireNonNull(messageZh);
        this.messageEn = Objects.requireNonNull(messageEn);
    }

    public static RuleViolation conflict(String code, String zh, String en) {
        return new RuleViolation(code, Kind.CONFLICT, zh, en);
    }

    public static RuleViolation unprocessable(String code, String zh, String en) {
        return new RuleViolation(code, Kind.UNPROCESSABLE, zh, en);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
