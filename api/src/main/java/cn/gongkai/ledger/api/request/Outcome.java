package cn.gongkai.ledger.api.request;

import cn.gongkai.ledger.api.common.Labelled;
import java.util.Arrays;

/**
 * The 21 official outcome rows of table 三 (三.一 … 三.六.3), each with its canonical key and its
 * verbatim label (as printed in the 2021 format; the group heading precedes the item label).
 * 三.七 is the total, not an outcome.
 */
public enum Outcome implements Labelled {
    DISCLOSED("三.一", "（一）予以公开"),
    PARTIALLY_DISCLOSED("三.二", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    WITHHELD_STATE_SECRET("三.三.1", "1.属于国家秘密"),
    WITHHELD_PROHIBITED_BY_LAW("三.三.2", "2.其他法律行政法规禁止公开"),
    WITHHELD_ENDANGERS_SECURITY_STABILITY("三.三.3", "3.危及“三安全一稳定”"),
    WITHHELD_THIRD_PARTY_RIGHTS("三.三.4", "4.保护第三方合法权益"),
    WITHHELD_INTERNAL_AFFAIRS("三.三.5", "5.属于三类内部事务信息"),
    WITHHELD_PROCESS_INFORMATION("三.三.6", "6.属于四类过程性信息"),
    WITHHELD_ENFORCEMENT_FILE("三.三.7", "7.属于行政执法案卷"),
    WITHHELD_ADMINISTRATIVE_INQUIRY("三.三.8", "8.属于行政查询事项"),
    UNAVAILABLE_NOT_HELD("三.四.1", "1.本机关不掌握相关政府信息"),
    UNAVAILABLE_WOULD_NEED_CREATION("三.四.2", "2.没有现成信息需要另行制作"),
    UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION("三.四.3", "3.补正后申请内容仍不明确"),
    NOT_PROCESSED_PETITION_OR_COMPLAINT("三.五.1", "1.信访举报投诉类申请"),
    NOT_PROCESSED_REPEATED("三.五.2", "2.重复申请"),
    NOT_PROCESSED_PUBLICATION("三.五.3", "3.要求提供公开出版物"),
    NOT_PROCESSED_MASS_REPEATED("三.五.4", "4.无正当理由大量反复申请"),
    NOT_PROCESSED_CONFIRMATION("三.五.5", "5.要求行政机关确认或重新出具已获取信息"),
    OTHER_CORRECTION_NOT_SUPPLIED("三.六.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    OTHER_FEE_NOT_PAID("三.六.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    OTHER("三.六.3", "3.其他");

    private final String key;
    private final String label;

    Outcome(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    /** The group heading key: {@code 三.三} for {@code 三.三.4}; the key itself for 三.一 and 三.二. */
    public String groupKey() {
        int last = key.lastIndexOf('.');
        return key.chars().filter(c -> c == '.').count() == 2 ? key.substring(0, last) : key;
    }

    /** Whether this outcome discloses information (wholly or partly); such an outcome is never a secondary reason. */
    public boolean discloses() {
        return this == DISCLOSED || this == PARTIALLY_DISCLOSED;
    }

    public static Outcome fromKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome key: " + key));
    }
}
