package cn.gongkai.ledger.api.common;

import java.util.List;

/** A typed id of the ledger; {@link #parts()} are the ids it is made of, each checked by {@link InputLimits#id}. */
public interface TypedId {
    String value();

    /** The id itself, or for a composite id (a request's {@code agencyId:trackingNumber}) its parts. */
    default List<String> parts() {
        return List.of(value());
    }
}
