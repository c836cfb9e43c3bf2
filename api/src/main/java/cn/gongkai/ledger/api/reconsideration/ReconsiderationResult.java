package cn.gongkai.ledger.api.reconsideration;

import cn.gongkai.ledger.api.common.Labelled;

/** The decision of a review body (复议决定); its table-四 column is the report's {@code CountingRules}. */
public enum ReconsiderationResult implements Labelled {
    UPHELD("维持"),
    REVOKED("撤销"),
    CHANGED("变更"),
    CONFIRMED_UNLAWFUL("确认违法"),
    ORDERED_TO_ACT("责令履行/重新答复"),
    APPLICATION_DISMISSED("驳回复议申请"),
    TERMINATED("终止"),
    MEDIATED("调解"),
    SETTLED("和解");

    private final String label;

    ReconsiderationResult(String label) {
        this.label = label;
    }

    @Override
    public String key() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }
}
