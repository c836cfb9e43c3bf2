package cn.gongkai.ledger.workbench.vocabulary;

import cn.gongkai.ledger.api.request.LedgerField;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.Labelled;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word the pages show for a code: the official categories of the api enums (their verbatim labels), and
 * the workbench's own Chinese names for case statuses and event types. The pages read it from
 * {@code GET /api/vocabulary}; the exports and letters call it directly, so each label lives here once.
 */
public final class Vocabulary {
    /** A code as sent in a command, with its label, and for an outcome its report key. */
    public record Term(String code, String key, String label, String hint) {
    }

    private static final Map<String, String> EVENT_LABELS = new LinkedHashMap<>();
    private static final Map<CaseStatus, String> STATUS_LABELS = new LinkedHashMap<>();
    private static final Map<String, String> FEE_SCALES = new LinkedHashMap<>();

    static {
        String[][] events = {
                {"RequestReceived", "登记申请"}, {"OfficerAssigned", "更换承办人"}, {"CorrectionRequested", "告知补正"},
                {"CorrectionSupplied", "申请人补正"}, {"ClosedForMissingCorrection", "逾期未补正，不再处理"},
                {"ConsultationStarted", "征求意见"}, {"ConsultationAnswered", "收到征求意见答复"},
                {"ConsultationExpired", "征求意见期满未答复"}, {"FeeNotified", "收费通知"}, {"FeePaid", "缴纳费用"},
                {"ClosedForUnpaidFee", "逾期未缴费，不再处理"}, {"ExtensionApproved", "延期答复"},
                {"RequestReplied", "作出答复"}, {"RequestWithdrawn", "申请人撤回申请"},
                {"ApplicantTypeCorrected", "更正申请人类型"}, {"ReceiptDateCorrected", "更正收到申请之日"},
                {"OutcomeCorrected", "更正办理结果"}, {"ConclusionDateCorrected", "更正办结日期"},
                {"DueDateRecomputed", "日历调整后重算期限"}, {"ApplicantDataErased", "删除申请人个人信息"},
                {"ReconsiderationFiled", "申请行政复议"}, {"ReconsiderationAccepted", "复议机关受理"},
                {"ReconsiderationRejected", "复议机关不予受理"}, {"ReconsiderationDecided", "作出复议决定"},
                {"ReconsiderationWithdrawn", "复议申请人撤回"}, {"ReconsiderationApplicantDataErased", "删除复议申请人个人信息"},
                {"LawsuitFiled", "提起行政诉讼"}, {"JudgmentRendered", "作出判决/裁定"}, {"AppealFiled", "提起上诉"},
                {"JudgmentTookEffect", "判决/裁定生效"}, {"RetrialOpened", "再审立案"}, {"PlaintiffDataErased", "删除原告个人信息"},
                {"AgencyRegistered", "登记机关"}, {"NormativeDocumentIssued", "制发规范性文件"},
                {"NormativeDocumentRepealed", "废止规范性文件"}, {"NormativeDocumentExpired", "规范性文件失效"},
                {"DecisionsTallied", "登记处理决定数量"}, {"FeesCollected", "登记收费金额"},
                {"ServiceItemsCounted", "登记事项数量"}, {"ProcurementRecorded", "登记政府集中采购"},
                {"LedgerOpened", "开账"}, {"OpeningRegisterCounted", "登记期初现行有效件数"},
                {"AppealCountingPolicySet", "设定表四统计口径"}};
        for (String[] e : events) {
            EVENT_LABELS.put(e[0], e[1]);
        }
        STATUS_LABELS.put(CaseStatus.OPEN, "办理中");
        STATUS_LABELS.put(CaseStatus.AWAITING_CORRECTION, "待补正");
        STATUS_LABELS.put(CaseStatus.IN_CONSULTATION, "征求意见中");
        STATUS_LABELS.put(CaseStatus.AWAITING_FEE, "待缴费");
        STATUS_LABELS.put(CaseStatus.FILED, "已立案/已申请");
        STATUS_LABELS.put(CaseStatus.ACCEPTED, "已受理");
        STATUS_LABELS.put(CaseStatus.JUDGMENT_RENDERED, "已判决未生效");
        STATUS_LABELS.put(CaseStatus.APPEALED, "上诉中");
        STATUS_LABELS.put(CaseStatus.RETRIAL, "再审中");
        STATUS_LABELS.put(CaseStatus.CONCLUDED, "已办结");
        FEE_SCALES.put("PER_REQUEST", "按件计收");
        FEE_SCALES.put("PER_VOLUME", "按量计收");
    }

    private Vocabulary() {
    }

    public static String eventLabel(String type) {
        return EVENT_LABELS.getOrDefault(type, type);
    }

    public static String statusLabel(CaseStatus status) {
        return status == null ? "" : STATUS_LABELS.get(status);
    }

    /** The whole vocabulary, as the pages read it. */
    public static Map<String, Object> all() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("channels", Arrays.stream(Channel.values())
                .map(c -> new Term(c.name(), c.key(), c.label(), c.receiptRule())).toList());
        all.put("applicantTypes", terms(ApplicantType.values()));
        all.put("outcomes", Arrays.stream(Outcome.values())
                .map(o -> new Term(o.name(), o.key(), o.label(), groupLabel(o.groupKey()))).toList());
        all.put("reconsiderationResults", terms(ReconsiderationResult.values()));
        all.put("judgmentResults", terms(JudgmentResult.values()));
        all.put("instances", terms(Instance.values()));
        all.put("routes", Arrays.stream(Route.values())
                .map(r -> new Term(r.name(), r.key(), r.label(), null)).toList());
        all.put("feeScales", FEE_SCALES.entrySet().stream()
                .map(e -> new Term(e.getKey(), e.getKey(), e.getValue(), null)).toList());
        Map<String, String> statuses = new LinkedHashMap<>();
        STATUS_LABELS.forEach((s, l) -> statuses.put(s.name(), l));
        all.put("statuses", statuses);
        all.put("events", EVENT_LABELS);
        all.put("appealPolicies", Arrays.stream(AppealPolicy.values())
                .map(p -> new Term(p.name(), p.name(), p.label(), null)).toList());
        // The 台账 import's columns: the hint says whether a file must have it (必填).
        all.put("ledgerFields", Arrays.stream(LedgerField.values())
                .map(f -> new Term(f.name(), f.name(), f.label(), f.required() ? "必填" : null)).toList());
        return all;
    }

    /** The heading of an outcome group of table 三 ({@code 三.三} → （三）不予公开); null for a row without one. */
    public static String groupLabel(String groupKey) {
        return switch (groupKey) {
            case "三.三" -> "（三）不予公开";
            case "三.四" -> "（四）无法提供";
            case "三.五" -> "（五）不予处理";
            case "三.六" -> "（六）其他处理";
            default -> null;
        };
    }

    private static List<Term> terms(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> {
            Labelled l = (Labelled) v;
            return new Term(v.name(), l.key(), l.label(), null);
        }).toList();
    }
}
