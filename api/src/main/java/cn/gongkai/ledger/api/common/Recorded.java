package cn.gongkai.ledger.api.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Who recorded a fact and when (the recording time, set by the service receiving the command).
 * Every command and event carries one; handlers never read the system clock. Business dates in a
 * command (received on, replied on ...) must not lie after {@link #businessDate()}.
 */
public record Recorded(String by, Instant at) {
    /** All business dates are calendar dates in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Recorded {
        by = Ids.require(by, "recorded.by");
        Objects.requireNonNull(at, "recorded.at");
    }

    /** The calendar date of the recording in Asia/Shanghai. */
    public LocalDate businessDate() {
        return at.atZone(ZONE).toLocalDate();
    }
}
