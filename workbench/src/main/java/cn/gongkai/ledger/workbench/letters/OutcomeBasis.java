package cn.gongkai.ledger.workbench.letters;

import cn.gongkai.ledger.api.request.Outcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * For each outcome of a reply, what the 答复书 tells the applicant and the article of the 条例 (《中华人民共和国政府信息公开
 * 条例》, 2019) it rests on. One place for the letters' legal wording.
 */
public final class OutcomeBasis {
    /** The reply's wording and the articles of the 条例 it rests on (separated by 、). */
    public record Basis(String answer, String article) {
    }

    private static final String ACT = "《中华人民共和国政府信息公开条例》";
    private static final Map<Outcome, Basis> BASES = new EnumMap<>(Outcome.class);

    static {
        put(Outcome.DISCLOSED, "您申请公开的政府信息属于公开范围，本机关予以公开，现向您提供（或告知获取该政府信息的方式、途径和时间）。", "第三十六条第（一）项、第（二）项");
        put(Outcome.PARTIALLY_DISCLOSED, "您申请公开的政府信息中含有不应当公开的内容，本机关作区分处理，对可以公开的部分予以提供，对不予公开的部分说明理由。", "第三十七条、第三十六条第（三）项");
        put(Outcome.WITHHELD_STATE_SECRET, "您申请公开的政府信息依法确定为国家秘密，本机关不予公开。", "第十四条、第三十六条第（三）项");
        put(Outcome.WITHHELD_PROHIBITED_BY_LAW, "您申请公开的政府信息属于法律、行政法规禁止公开的政府信息，本机关不予公开。", "第十四条、第三十六条第（三）项");
        put(Outcome.WITHHELD_ENDANGERS_SECURITY_STABILITY, "您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关不予公开。", "第十四条、第三十六条第（三）项");
        put(Outcome.WITHHELD_THIRD_PARTY_RIGHTS, "您申请公开的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害，本机关不予公开。", "第十五条、第三十二条、第三十六条第（三）项");
        put(Outcome.WITHHELD_INTERNAL_AFFAIRS, "您申请公开的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关不予公开。", "第十六条第一款、第三十六条第（三）项");
        put(Outcome.WITHHELD_PROCESS_INFORMATION, "您申请公开的政府信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关不予公开。", "第十六条第二款、第三十六条第（三）项");
        put(Outcome.WITHHELD_ENFORCEMENT_FILE, "您申请公开的政府信息属于行政执法案卷信息，本机关不予公开。", "第十六条第二款、第三十六条第（三）项");
        put(Outcome.WITHHELD_ADMINISTRATIVE_INQUIRY, "您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的行政查询事项，请依照有关法律、行政法规的规定办理。", "第三十六条第（七）项");
        put(Outcome.UNAVAILABLE_NOT_HELD, "经检索，本机关没有您申请公开的政府信息（或该信息不属于本机关负责公开）。", "第三十六条第（四）项、第（五）项");
        put(Outcome.UNAVAILABLE_WOULD_NEED_CREATION, "本机关没有现成的您申请公开的政府信息，提供该信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。", "第三十八条");
        put(Outcome.UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION, "经补正，您的申请内容仍不明确，本机关无法提供。", "第二十九条第二款、第三十条");
        put(Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT, "您以政府信息公开申请的形式进行信访、投诉、举报等活动，请通过相应渠道提出，本机关不作为政府信息公开申请处理。", "第三十九条第一款");
        put(Outcome.NOT_PROCESSED_REPEATED, "您申请公开的政府信息与本机关已答复的申请相同，属于重复申请，本机关不予重复处理。", "第三十六条第（六）项");
        put(Outcome.NOT_PROCESSED_PUBLICATION, "您要求提供的是公开出版物，请通过公开出版物的获取途径取得，本机关不作为政府信息公开申请处理。", "第三十九条第二款");
        put(Outcome.NOT_PROCESSED_MASS_REPEATED, "您申请公开政府信息的数量、频次明显超过合理范围，且未能说明理由或理由不合理，本机关不予处理。", "第三十五条");
        put(Outcome.NOT_PROCESSED_CONFIRMATION, "您要求本机关确认或者重新出具已获取的信息，本机关不作为政府信息公开申请处理。", "第三十九条第二款");
        put(Outcome.OTHER_CORRECTION_NOT_SUPPLIED, "本机关已告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。", "第三十条");
        put(Outcome.OTHER_FEE_NOT_PAID, "本机关已向您发出收费通知，您逾期未按收费通知要求缴纳费用，视为放弃申请，本机关依据《政府信息公开信息处理费管理办法》不再处理该政府信息公开申请。", "第四十二条");
        put(Outcome.OTHER, "本机关依法对您的申请作出处理。", "第三十六条");
    }

    private static void put(Outcome outcome, String answer, String article) {
        BASES.put(outcome, new Basis(answer, article));
    }

    /** The citation of several outcomes' articles: 《中华人民共和国政府信息公开条例》第三十七条、第十五条…, each article once. */
    public static String citation(java.util.List<Outcome> outcomes) {
        return ACT + outcomes.stream().flatMap(o -> java.util.Arrays.stream(of(o).article().split("、")))
                .distinct().collect(java.util.stream.Collectors.joining("、"));
    }

    private OutcomeBasis() {
    }

    public static Basis of(Outcome outcome) {
        return BASES.get(outcome);
    }
}
