package cn.gongkai.ledger.api.request;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Ids;
import cn.gongkai.ledger.api.common.TypedId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a disclosure request. It is derived from the agency and the agency's tracking number
 * ({@code agencyId:trackingNumber}), so a second request with the same tracking number in the same
 * agency is the same aggregate and its registration is refused: uniqueness per agency needs no
 * separate lookup table.
 */
public record RequestId(@JsonValue String value) implements TypedId {
    @JsonCreator
    public RequestId {
        value = Ids.require(value, "requestId");
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("requestId must be agencyId:trackingNumber");
        }
    }

    public static RequestId of(AgencyId agency, String trackingNumber) {
        return new RequestId(prefixOf(agency) + Ids.require(trackingNumber, "trackingNumber"));
    }

    /** What the ids of all the agency's requests start with: {@code agencyId:}. */
    public static String prefixOf(AgencyId agency) {
        return agency.value() + ":";
    }

    public AgencyId agencyId() {
        return new AgencyId(value.substring(0, value.indexOf(':')));
    }

    @Override
    public java.util.List<String> parts() {
        return java.util.List.of(agencyId().value(), trackingNumber());
    }

    public String trackingNumber() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
