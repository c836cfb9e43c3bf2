package cn.gongkai.ledger.clock.deadline;

/**
 * The status of a request as the ledger shows it. Derived from the events alone (not from a date):
 * an open consultation stays 征求意见中 until its answer or expiry is recorded, even though its
 * pause ends by law when the 15 working days run out. Where several things are open at once the
 * first of 待补正, 待缴费, 征求意见中, 已延期 wins.
 */
public enum RequestStatus {
    REGISTERED("登记"),
    AWAITING_CORRECTION("待补正"),
    CONSULTING("征求意见中"),
    AWAITING_FEE("待缴费"),
    EXTENDED("已延期"),
    /** Replied (RequestReplied). */
    REPLIED("已答复"),
    /** Closed without a reply: correction not supplied (三.六.1) or fee not paid (三.六.2). */
    CLOSED("已办结"),
    WITHDRAWN("已撤回");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the agency still owes an answer. */
    public boolean open() {
        return this != REPLIED && this != CLOSED && this != WITHDRAWN;
    }
}
