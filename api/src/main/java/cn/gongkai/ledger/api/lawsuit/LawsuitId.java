package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.common.Ids;
import cn.gongkai.ledger.api.common.TypedId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an administrative lawsuit (行政诉讼); always starts with {@code ls-}. */
public record LawsuitId(@JsonValue String value) implements TypedId {
    public static final String PREFIX = "ls-";

    @JsonCreator
    public LawsuitId {
        value = Ids.require(value, "lawsuitId");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("lawsuitId must start with " + PREFIX);
        }
    }

    public static LawsuitId random() {
        return new LawsuitId(PREFIX + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
