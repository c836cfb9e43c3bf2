package cn.gongkai.ledger.api.agency;

import cn.gongkai.ledger.api.common.Labelled;

/** The two rows of 第二十条第（一）项 in table 二. */
public enum NormativeDocumentKind implements Labelled {
    RULE("规章", "规章"),
    NORMATIVE_DOCUMENT("行政规范性文件", "规范性文件");

    private final String label;
    private final String label2019;

    NormativeDocumentKind(String label, String label2019) {
        this.label = label;
        this.label2019 = label2019;
    }

    @Override
    public String key() {
        return label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The row label of the 2019 format. */
    public String label2019() {
        return label2019;
    }
}
