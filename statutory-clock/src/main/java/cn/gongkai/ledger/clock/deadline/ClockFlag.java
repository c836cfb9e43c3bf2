package cn.gongkai.ledger.clock.deadline;

/** Something in a request's history that an officer or reviewer should look at. */
public enum ClockFlag {
    /** The correction was asked for after the 7th working day from receipt (第三十条). */
    CORRECTION_REQUESTED_LATE("要求补正晚于收到申请之日起7个工作日"),
    /** A second correction request: the regulation allows one (一次性告知). */
    REPEATED_CORRECTION_REQUEST("重复要求补正（应一次性告知）"),
    /** A second extension: only the first is counted (第三十三条, 延长一次). */
    REPEATED_EXTENSION("重复批准延长，仅第一次计入"),
    /** An extension outside 1..the regulation's maximum (20; 15 before 2019-05-15); counted as clamped to it. */
    EXTENSION_OUT_OF_RANGE("延长期限超出条例允许的范围（至多20个工作日，2019年5月15日前收到的申请至多15个工作日），按允许的范围计"),
    /** Replied or closed after the due date. */
    CONCLUDED_AFTER_DUE("超过答复期限办结");

    private final String label;

    ClockFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
