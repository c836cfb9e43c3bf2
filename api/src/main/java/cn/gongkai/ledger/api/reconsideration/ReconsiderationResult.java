package cn.gongkai.ledger.api.reconsideration;

import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.Labelled;

/** The decision of a review body (复议决定), mapped to its table-四 column. */
public enum ReconsiderationResult implements Labelled {
    UPHELD("维持", AppealOutcome.UPHELD),
    REVOKED("撤销", AppealOutcome.CORRECTED),
    CHANGED("变更", AppealOutcome.CORRECTED),
    CONFIRMED_UNLAWFUL("确认违法", AppealOutcome.CORRECTED),
    ORDERED_TO_ACT("责令履行/重新答复", AppealOutcome.CORRECTED),
    APPLICATION_DISMISSED("驳回复议申请", AppealOutcome.OTHER),
    TERMINATED("终止", AppealOutcome.OTHER),
    MEDIATED("调解", AppealOutcome.OTHER),
    SETTLED("和解", AppealOutcome.OTHER);

    private final String label;
    private final AppealOutcome outcome;

    ReconsiderationResult(String label, AppealOutcome outcome) {
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

    public AppealOutcome outcome() {
        return outcome;
    }
}
