package cn.gongkai.ledger.command.web;

/** A command refused before it reaches an aggregate: malformed, incomplete or with an invalid value (HTTP 400). */
public class CommandRejected extends RuntimeException {
    private final String code;
    private final String messageZh;
    private final String messageEn;

    public CommandRejected(String code, String messageZh, String messageEn) {
        super(code + ": " + messageEn);
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

    static CommandRejected malformedJson(String detail) {
        return new CommandRejected("MALFORMED_JSON", "请求内容不是合法的 JSON 对象：" + detail,
                "The body is not a valid JSON object: " + detail);
    }

    static CommandRejected missingField(String field) {
        return new CommandRejected("MISSING_FIELD", "缺少必填字段：" + field, "Missing required field: " + field);
    }

    static CommandRejected invalidField(String field, String detail) {
        return new CommandRejected("INVALID_FIELD", "字段 " + field + " 的值无效：" + detail,
                "Invalid value for field " + field + ": " + detail);
    }

    static CommandRejected unknownField(String field) {
        return new CommandRejected("UNKNOWN_FIELD", "未知字段：" + field, "Unknown field: " + field);
    }

    static CommandRejected fieldNotAllowed(String field, String whyZh, String whyEn) {
        return new CommandRejected("FIELD_NOT_ALLOWED", "不能提交字段 " + field + "：" + whyZh,
                "Field " + field + " must not be sent: " + whyEn);
    }
}
