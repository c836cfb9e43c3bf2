package cn.gongkai.ledger.api.request;

/** The two scales of 国办函〔2020〕109号 for the information-processing fee. */
public enum FeeScale {
    /** 按件: by the number of one applicant's requests in a calendar month. */
    PER_REQUEST,
    /** 按量: by the number of pages of one request. */
    PER_VOLUME
}
