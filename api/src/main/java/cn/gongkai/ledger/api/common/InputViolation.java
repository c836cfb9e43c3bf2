package cn.gongkai.ledger.api.common;

import java.util.Objects;

/**
 * A value outside the ledger's input limits ({@link InputLimits}): the field it is in (a path such as
 * {@code applicant.name}), a stable code and the reason in Chinese and English. The Chinese text names only
 * the field and the limit, never an English or library message.
 */
public class InputViolation extends RuntimeException {
    private final String code;
    private final String field;
    private final String messageZh;
    private final String messageEn;

    public InputViolation(String code, String field, String messageZh, String messageEn) {
        super(code + " " + field + ": " + messageEn);
        this.code = Objects.requireNonNull(code);
        this.field = Objects.requireNonNull(field);
        this.messageZh = Objects.requireNonNull(messageZh);
        this.messageEn = Objects.requireNonNull(messageEn);
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
