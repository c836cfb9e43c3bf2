package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.Labelled;
import java.util.Optional;

/** A judgment or ruling (判决/裁定) and the table-四 column it leads to once it takes effect. */
public enum JudgmentResult implements Labelled {
    CLAIM_DISMISSED("驳回诉讼请求", AppealOutcome.UPHELD),
    REVOKED("撤销", AppealOutcome.CORRECTED),
    CHANGED("变更", AppealOutcome.CORRECTED),
    CONFIRMED_UNLAWFUL("确认违法", AppealOutcome.CORRECTED),
    ORDERED_TO_ACT("责令履行/重新答复", AppealOutcome.CORRECTED),
    SUIT_DISMISSED("裁定驳回起诉", AppealOutcome.OTHER),
    NOT_ACCEPTED("不予立案", AppealOutcome.OTHER),
    WITHDRAWAL_PERMITTED("准予撤诉", AppealOutcome.OTHER),
    MEDIATED("调解", AppealOutcome.OTHER),
    TERMINATED("终结诉讼", AppealOutcome.OTHER),
    /** 驳回上诉、维持原判 (or 驳回再审申请): the lower instance's result stands. */
    AFFIRMED("驳回上诉，维持原判", null);

    private final String label;
    private final AppealOutcome outcome;

    JudgmentResult(String label, AppealOutcome outcome) {
        this.label = label;
        this.outcome = outcome;
    }

    @Override
    public String key() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }

    /** The column of this result on its own; empty for {@link #AFFIRMED}, which takes the affirmed judgment's. */
    public Optional<AppealOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
