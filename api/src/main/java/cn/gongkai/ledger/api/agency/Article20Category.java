package cn.gongkai.ledger.api.agency;

import cn.gongkai.ledger.api.common.Labelled;

/** The decision and fee rows of table 二 (第二十条第（五）（六）（八）项). */
public enum Article20Category implements Labelled {
    LICENSING("行政许可", true),
    /** 2019 format only (第（五）项, second row). */
    OTHER_SERVICE("其他对外管理服务事项", true),
    PENALTY("行政处罚", true),
    ENFORCEMENT("行政强制", true),
    /** Fees are tallied in yuan, not in decisions. */
    ADMINISTRATIVE_FEE("行政事业性收费", false);

    private final String label;
    private final boolean decisions;

    Article20Category(String label, boolean decisions) {
        this.label = label;
        this.decisions = decisions;
    }

    @Override
    public String key() {
        return label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether decisions (处理决定) are tallied for this row. */
    public boolean talliesDecisions() {
        return decisions;
    }
}
