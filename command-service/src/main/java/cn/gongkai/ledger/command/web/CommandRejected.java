package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.InputViolation;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A command refused before it reaches an aggregate: malformed, incomplete or with an invalid value (HTTP 400, 413 when too large). */
public class CommandRejected extends RuntimeException {
    private final int status;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    public CommandRejected(String code, String messageZh, String messageEn) {
        this(400, code, messageZh, messageEn);
    }

    public CommandRejected(int status, String code, String messageZh, String messageEn) {
        super(code + ": " + messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
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

    /** The HTTP status of this refusal: 400, or 413 for a body or an event that is too large. */
    public int status() {
        return status;
    }

    public static CommandRejected of(InputViolation violation) {
        return new CommandRejected(violation.code(), violation.messageZh(), violation.messageEn());
    }

    static CommandRejected malformedJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String whereZh = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
        String whereEn = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String why = e.getOriginalMessage();
        if (why != null && why.contains("Duplicate field")) {
            return new CommandRejected("DUPLICATE_FIELD", "同一字段出现了两次" + whereZh,
                    "A field occurs twice" + whereEn + ": " + why);
        }
        return new CommandRejected("MALFORMED_JSON", "请求内容不是合法的 JSON 对象" + whereZh,
                "The body is not a valid JSON object" + whereEn + ": " + why);
    }

    static CommandRejected notAnObject() {
        return new CommandRejected("MALFORMED_JSON", "请求内容不是合法的 JSON 对象：应为一个 JSON 对象",
                "The body is not a valid JSON object: expected a JSON object");
    }

    /** Bytes that are not UTF-8 (a malformed or truncated sequence), optionally on a line of an import. */
    public static CommandRejected invalidEncoding(Integer line) {
        String whereZh = line == null ? "" : "（第 " + line + " 行）";
        String whereEn = line == null ? "" : " (line " + line + ")";
        return new CommandRejected("INVALID_ENCODING", "请求内容不是合法的 UTF-8 编码" + whereZh + "，未保存任何内容",
                "The body is not valid UTF-8" + whereEn + "; nothing was saved");
    }

    /** A body larger than the limit (HTTP 413). */
    public static CommandRejected tooLarge(long limitBytes) {
        return new CommandRejected(413, "PAYLOAD_TOO_LARGE", "请求内容超过 " + limitBytes + " 字节的上限，未保存任何内容",
                "The body is larger than " + limitBytes + " bytes; nothing was saved");
    }

    static CommandRejected missingField(String field) {
        return new CommandRejected("MISSING_FIELD", "缺少必填字段：" + field, "Missing required field: " + field);
    }

    static CommandRejected invalidField(String field, String detailZh, String detailEn) {
        return new CommandRejected("INVALID_FIELD", "字段 " + field + " 的值无效：" + detailZh,
                "Invalid value for field " + field + ": " + detailEn);
    }

    static CommandRejected unknownField(String field) {
        return new CommandRejected("UNKNOWN_FIELD", "未知字段：" + field, "Unknown field: " + field);
    }

    static CommandRejected fieldNotAllowed(String field, String whyZh, String whyEn) {
        return new CommandRejected("FIELD_NOT_ALLOWED", "不能提交字段 " + field + "：" + whyZh,
                "Field " + field + " must not be sent: " + whyEn);
    }
}
