package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.common.Labelled;

/**
 * A judgment or ruling (判决/裁定). Which table-四 column it leads to once it takes effect is the report's
 * {@code CountingRules.appealOutcome}; {@link #AFFIRMED} takes the result of the judgment it affirmed
 * ({@link LawsuitLifecycle}).
 */
public enum JudgmentResult implements Labelled {
    CLAIM_DISMISSED("驳回诉讼请求"),
    REVOKED("撤销"),
    CHANGED("变更"),
    CONFIRMED_UNLAWFUL("确认违法"),
    ORDERED_TO_ACT("责令履行/重新答复"),
    SUIT_DISMISSED("裁定驳回起诉"),
    NOT_ACCEPTED("不予立案"),
    WITHDRAWAL_PERMITTED("准予撤诉"),
    MEDIATED("调解"),
    TERMINATED("终结诉讼"),
    /** 驳回上诉、维持原判 (or 驳回再审申请): the lower instance's result stands. */
    AFFIRMED("驳回上诉，维持原判");

    private final String label;

    JudgmentResult(String label) {
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
