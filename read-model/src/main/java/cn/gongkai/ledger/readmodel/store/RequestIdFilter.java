package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.RequestId;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

/**
 * Selects an agency's requests by their id prefix {@code agencyId:} ({@link RequestId#prefixOf}): an anchored
 * regular expression without special characters, which MongoDB answers from an index on the field by a prefix
 * scan, and the embedded server in one pass (where a {@code $in} over every case id compares each document with
 * each id).
 */
public final class RequestIdFilter {
    private RequestIdFilter() {
    }

    public static Bson requestsOf(String field, AgencyId agencyId) {
        return Filters.regex(field, "^" + literal(RequestId.prefixOf(agencyId)));
    }

    /** {@code text} as a regular expression that matches it literally (ASCII metacharacters escaped). */
    private static String literal(String text) {
        return text.replaceAll("[\\\\.\\[\\]{}()<>*+\\-=!?^$|]", "\\\\$0");
    }
}
