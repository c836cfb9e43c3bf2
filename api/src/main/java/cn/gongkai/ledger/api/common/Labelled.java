package cn.gongkai.ledger.api.common;

/** An official category: its canonical key (as in the report JSON) and its verbatim Chinese label. */
public interface Labelled {
    String key();

    String label();
}
