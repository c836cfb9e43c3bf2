package cn.gongkai.ledger.clock.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The regulation whose reply time limit governs a request, chosen by its receipt date: the one place that knows
 * the limits. The clock counts with it and the {@code DisclosureRequest} aggregate checks an extension against it.
 * The annual report counts every request alike, whichever regulation governed its reply.
 */
public enum Regulation {
    /** 《政府信息公开条例》（国务院令第492号，2008年5月1日施行）第二十四条: 15 working days, extendable once by at most 15. */
    ORDINANCE_2008("国务院令第492号", "第二十四条", 15, 15),
    /** 《政府信息公开条例》（国务院令第711号，2019年5月15日施行）第三十三条: 20 working days, extendable once by at most 20. */
    ORDINANCE_2019("国务院令第711号", "第三十三条", 20, 20);

    /** The day the 2019 条例 took effect: requests received from this day on are governed by it. */
    public static final LocalDate ORDINANCE_2019_IN_FORCE = LocalDate.of(2019, 5, 15);

    private final String decree;
    private final String replyArticle;
    private final int replyDays;
    private final int maxExtensionDays;

    Regulation(String decree, String replyArticle, int replyDays, int maxExtensionDays) {
        this.decree = decree;
        this.replyArticle = replyArticle;
        this.replyDays = replyDays;
        this.maxExtensionDays = maxExtensionDays;
    }

    /** The regulation governing a request received on {@code receivedOn} (the recorded receipt date, as corrected). */
    public static Regulation governing(LocalDate receivedOn) {
        return Objects.requireNonNull(receivedOn, "receivedOn").isBefore(ORDINANCE_2019_IN_FORCE)
                ? ORDINANCE_2008 : ORDINANCE_2019;
    }

    /** The widest limit of any regulation: the reply days plus the longest extension. */
    public static int longestLimitDays() {
        int longest = 0;
        for (Regulation r : values()) {
            longest = Math.max(longest, r.replyDays + r.maxExtensionDays);
        }
        return longest;
    }

    /** {@code 国务院令第711号} */
    public String decree() {
        return decree;
    }

    /** The article setting the reply limit and the extension: {@code 第三十三条} or {@code 第二十四条}. */
    public String replyArticle() {
        return replyArticle;
    }

    /** {@code 《政府信息公开条例》（国务院令第711号）第三十三条} */
    public String citation() {
        return "《政府信息公开条例》（" + decree + "）" + replyArticle;
    }

    public int replyDays() {
        return replyDays;
    }

    public int maxExtensionDays() {
        return maxExtensionDays;
    }

    /** Whether an extension of {@code workingDays} may be approved: 1 to {@link #maxExtensionDays()}. */
    public boolean allowsExtension(int workingDays) {
        return workingDays >= 1 && workingDays <= maxExtensionDays;
    }
}
