package cn.gongkai.ledger.clock.deadline;

/** How one calendar day entered the count of a time limit. */
public enum Disposition {
    /** A working day that counts towards the limit (计入). */
    COUNTED,
    /** Weekend or holiday: never counted (非工作日，不计). */
    NOT_WORKING,
    /** A working day inside a pause: not counted (暂停期间，不计). */
    PAUSED
}
