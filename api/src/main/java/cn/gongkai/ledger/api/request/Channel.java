package cn.gongkai.ledger.api.request;

import cn.gongkai.ledger.api.common.Labelled;

/**
 * How a request arrived; it decides what the receipt date (收到申请之日, 第三十一条) is. The
 * officer records that date; the channel explains it.
 */
public enum Channel implements Labelled {
    IN_PERSON("当面", "the day it is handed in"),
    SIGNED_MAIL("挂号/快递", "the day the agency signs for it"),
    ORDINARY_LETTER("平信", "the day the agency confirms receipt with the applicant"),
    INTERNET("互联网平台", "the day both parties confirm receipt"),
    FAX("传真", "the day both parties confirm receipt"),
    EMAIL("电子邮件", "the day both parties confirm receipt");

    private final String label;
    private final String receiptRule;

    Channel(String label, String receiptRule) {
        this.label = label;
        this.receiptRule = receiptRule;
    }

    @Override
    public String key() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }

    /** What the receipt date is for this channel (第三十一条). */
    public String receiptRule() {
        return receiptRule;
    }
}
