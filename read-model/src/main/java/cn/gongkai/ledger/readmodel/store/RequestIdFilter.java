package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.RequestId;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Selects an agency's requests by their id prefix {@code agencyId:} ({@link RequestId#prefixOf}) as a range of
 * the field, {@code prefix ≤ id < prefix'} where {@code prefix'} is the prefix with its last character (the
 * colon) raised by one: every id with the prefix and nothing else, in code-point and in UTF-8 byte order alike.
 * MongoDB answers it from an index on the field by a bounded index scan, and the embedded server's ordered index
 * reads only that range (a regular expression, or a {@code $or} around it, it would answer by reading every
 * document). Kept as one condition {@code {field: {$gte, $lt}}} at the top of the filter it is put in.
 */
public final class RequestIdFilter {
    private RequestIdFilter() {
    }

    public static Bson requestsOf(String field, AgencyId agencyId) {
        String prefix = RequestId.prefixOf(agencyId);
        String after = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        return new Document(field, new Document("$gte", prefix).append("$lt", after));
    }
}
