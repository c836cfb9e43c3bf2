package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.common.Labelled;

public enum Instance implements Labelled {
    FIRST("一审"),
    SECOND("二审"),
    RETRIAL("再审");

    private final String label;

    Instance(String label) {
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
