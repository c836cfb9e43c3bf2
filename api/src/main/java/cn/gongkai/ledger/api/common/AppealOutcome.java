package cn.gongkai.ledger.api.common;

/** The three ending columns of table 四 (尚未审结 is a state, not an ending). */
public enum AppealOutcome implements Labelled {
    /** 结果维持: the agency's act was upheld (复议维持; 驳回诉讼请求). */
    UPHELD("维持", "结果维持"),
    /** 结果纠正: changed, revoked, confirmed unlawful, or ordered to act again. */
    CORRECTED("纠正", "结果纠正"),
    /** 其他结果: any other ending (驳回复议申请, 终止, 撤回, 调解, 不予受理, 裁定驳回起诉 …). */
    OTHER("其他", "其他结果");

    /** Key and label of the fourth column, cases not concluded at 31 Dec. */
    public static final String PENDING_KEY = "未审结";
    public static final String PENDING_LABEL = "尚未审结";
    public static final String TOTAL_KEY = "总计";

    private final String key;
    private final String label;

    AppealOutcome(String key, String label) {
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
}
