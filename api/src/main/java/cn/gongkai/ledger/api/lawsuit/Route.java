package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.common.Labelled;

/** How the lawsuit reached the court; the two lawsuit groups of table 四. */
public enum Route implements Labelled {
    DIRECT("直诉", "未经复议直接起诉"),
    AFTER_RECONSIDERATION("复议后诉", "复议后起诉");

    private final String key;
    private final String label;

    Route(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key prefix of this group's table-四 cells, e.g. {@code 直诉} in {@code 直诉.维持}. */
    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }
}
