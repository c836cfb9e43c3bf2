package cn.gongkai.ledger.readmodel.casefile;

/** Where a case stands after its events (see {@link CaseType#statuses()} for which apply to which type). */
public enum CaseStatus {
    /** A request being handled, with the statutory clock running. */
    OPEN,
    /** 补正: waiting for the applicant to make the request clear. */
    AWAITING_CORRECTION,
    /** 征求意见: waiting for a consulted third party or agency. */
    IN_CONSULTATION,
    /** 信息处理费: waiting for the applicant to pay the notified fee. */
    AWAITING_FEE,
    /** A reconsideration or lawsuit filed and not yet decided. */
    FILED,
    /** A reconsideration accepted by the review body. */
    ACCEPTED,
    /** A judgment or ruling served but not yet in effect. */
    JUDGMENT_RENDERED,
    /** Appealed to the higher court. */
    APPEALED,
    /** Reopened for retrial. */
    RETRIAL,
    /** Replied, closed, decided, or the judgment took effect. */
    CONCLUDED
}
