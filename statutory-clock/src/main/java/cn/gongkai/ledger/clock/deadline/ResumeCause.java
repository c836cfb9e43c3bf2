package cn.gongkai.ledger.clock.deadline;

/** Why a paused clock resumes. */
public enum ResumeCause {
    /** The consulted party answered. */
    ANSWERED("收到答复"),
    /** The 15 working days of the consultation ran out (or were recorded as expired). */
    EXPIRED("征求意见期限届满"),
    /** The applicant paid the fee. */
    PAID("申请人缴费"),
    /** The request was concluded while paused. */
    CONCLUDED("办结");

    private final String label;

    ResumeCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
