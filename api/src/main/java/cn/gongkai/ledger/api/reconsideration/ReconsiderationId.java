package cn.gongkai.ledger.api.reconsideration;

import cn.gongkai.ledger.api.common.Ids;
import cn.gongkai.ledger.api.common.TypedId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an administrative reconsideration case (行政复议); always starts with {@code rc-}. */
public record ReconsiderationId(@JsonValue String value) implements TypedId {
    public static final String PREFIX = "rc-";

    @JsonCreator
    public ReconsiderationId {
        value = Ids.require(value, "reconsiderationId");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("reconsiderationId must start with " + PREFIX);
        }
    }

    public static ReconsiderationId random() {
        return new ReconsiderationId(PREFIX + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
