package cn.gongkai.ledger.api.publication;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerYears;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Identifies the publication of one agency's annual report for one year: {@code <agencyId>:annual-report:<year>}.
 * It starts with the agency's request prefix ({@code <agencyId>:}), so every reader that selects an agency's
 * aggregates by that prefix finds its publications too; its aggregate type tells it from a request.
 */
public record PublicationId(@JsonValue String value) {
    private static final String INFIX = ":annual-report:";

    @JsonCreator
    public PublicationId {
        Objects.requireNonNull(value, "publicationId");
        int infix = value.indexOf(INFIX);
        if (infix <= 0 || !value.substring(infix + INFIX.length()).matches("\\d{4}")) {
            throw new IllegalArgumentException("publicationId must be <agencyId>" + INFIX + "<year>: " + value);
        }
        new AgencyId(value.substring(0, infix));
        LedgerYears.require(Integer.parseInt(value.substring(infix + INFIX.length())), "the publication's year");
    }

    public static PublicationId of(AgencyId agencyId, int year) {
        return new PublicationId(agencyId.value() + INFIX + String.format("%04d", year));
    }

    public AgencyId agencyId() {
        return new AgencyId(value.substring(0, value.indexOf(INFIX)));
    }

    public int year() {
        return Integer.parseInt(value.substring(value.indexOf(INFIX) + INFIX.length()));
    }

    @Override
    public String toString() {
        return value;
    }
}
