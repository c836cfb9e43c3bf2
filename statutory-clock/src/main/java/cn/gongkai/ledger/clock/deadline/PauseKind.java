package cn.gongkai.ledger.clock.deadline;

/** What stops the reply clock (第三十三条第二款; 国办函〔2020〕109号). */
public enum PauseKind {
    CONSULTATION("征求意见"),
    FEE("收费");

    private final String label;

    PauseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
