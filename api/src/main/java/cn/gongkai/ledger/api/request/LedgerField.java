package cn.gongkai.ledger.api.request;

import java.util.List;

/**
 * The columns of an agency's 台账 (request register) that the import understands, each with its usual header
 * and the other headers found in real registers. A mapping (remembered per agency) says which header of a
 * file holds which field; without one, a header equal to a field's label or one of its synonyms is suggested.
 */
public enum LedgerField {
    TRACKING_NUMBER("编号", false, List.of("登记编号", "收文编号", "申请编号", "受理编号", "流水号")),
    RECEIVED_ON("收文日期", true, List.of("收到日期", "收到申请日期", "申请日期", "受理日期", "登记日期")),
    CHANNEL("申请方式", true, List.of("申请渠道", "提交方式", "收文方式", "申请形式")),
    APPLICANT("申请人", true, List.of("申请人姓名", "申请人名称", "申请人姓名或名称")),
    APPLICANT_TYPE("申请人类型", true, List.of("申请人类别", "申请人性质", "申请主体类型")),
    SUBJECT("申请内容", true, List.of("申请公开内容", "申请公开的信息", "所需信息", "申请事项")),
    OUTCOME("办理结果", false, List.of("答复结果", "处理结果", "答复类型", "办理情况")),
    REPLIED_ON("答复日期", false, List.of("办结日期", "回复日期", "答复时间", "办结时间")),
    EXTENSION_DAYS("延期", false, List.of("延期天数", "延期工作日", "延长期限")),
    EXTENSION_ON("延期日期", false, List.of("延期批准日期", "延期告知日期")),
    CORRECTION_REQUESTED_ON("补正", false, List.of("补正日期", "告知补正日期", "补正告知日期")),
    CORRECTION_SUPPLIED_ON("补正提交日期", false, List.of("补正完成日期", "补正答复日期", "收到补正日期"));

    private final String label;
    private final boolean required;
    private final List<String> synonyms;

    LedgerField(String label, boolean required, List<String> synonyms) {
        this.label = label;
        this.required = required;
        this.synonyms = synonyms;
    }

    /** The usual header, as in the list (收文日期, 申请人, …). */
    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    /** Whether a file's header names this field (its label or a synonym, ignoring spaces). */
    public boolean matches(String header) {
        String h = header.replaceAll("\\s", "");
        return h.equals(label) || synonyms.contains(h);
    }
}
