package cn.gongkai.ledger.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an administrative agency (行政机关), e.g. {@code ninghe-commerce}. */
public record AgencyId(@JsonValue String value) implements TypedId {
    @JsonCreator
    public AgencyId {
        value = Ids.require(value, "agencyId");
        if (value.contains(":")) {
            throw new IllegalArgumentException("agencyId must not contain ':'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
