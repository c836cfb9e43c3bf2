package cn.gongkai.ledger.clock.calendar;

/** Why a date is, or is not, a working day. */
public enum DayKind {
    /** Monday to Friday, not declared a holiday. */
    WORKDAY("工作日", true),
    /** Saturday or Sunday, not declared a working day. */
    WEEKEND("周末", false),
    /** A day off declared by the State Council's notice (or by an agency layer, e.g. a regional holiday). */
    HOLIDAY("节假日", false),
    /** A weekend day declared a working day (调休). */
    MAKEUP_WORKDAY("调休工作日", true);

    private final String label;
    private final boolean working;

    DayKind(String label, boolean working) {
        this.label = label;
        this.working = working;
    }

    public String label() {
        return label;
    }

    public boolean working() {
        return working;
    }
}
