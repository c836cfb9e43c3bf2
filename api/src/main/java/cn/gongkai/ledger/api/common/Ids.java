package cn.gongkai.ledger.api.common;

/** Validation shared by the typed ids. */
public final class Ids {
    private Ids() {
    }

    public static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > 200) {
            throw new IllegalArgumentException(name + " must be at most 200 characters");
        }
        return trimmed;
    }
}
