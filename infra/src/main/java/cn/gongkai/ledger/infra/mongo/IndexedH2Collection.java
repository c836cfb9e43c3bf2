package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 collection, choosing its index as MongoDB would for a query the plain server scans for:
 * a query that fixes every key of a unique index by equality (such as {@code _id} = id together with other
 * conditions, or inside a top-level {@code $and}) reads the one document that index names and filters it by the
 * whole query; the plain server uses a unique index only when the query names exactly its keys. The documents a
 * query returns are the same either way.
 *
 * <p>Every query that still reads the whole collection is counted by collection and filter shape (values replaced
 * by {@code ?}) and logged at DEBUG the 1st, 10th, 100th… time, so a missing index shows in the log
 * ({@code logging.level.cn.gongkai.ledger.infra.mongo=DEBUG}) — a query without a filter reads everything by
 * definition and is counted but not logged.
 */
final class IndexedH2Collection extends H2Collection {
    private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);
    private static final Map<String, LongAdder> SCANS = new ConcurrentHashMap<>();

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                        CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /** Full scans since the process started, by {@code database.collection filterShape}. */
    static Map<String, Long> scans() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        SCANS.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique()) {
                Document keyQuery = equalityOnEveryKey(index, query);
                if (keyQuery != null && index.canHandle(keyQuery)) {
                    return matchDocuments(query, index.getPositions(keyQuery), orderBy, numberToSkip, limit,
                            batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The full-scan path (no index could answer the query). */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        String key = getFullName() + " " + shape(query);
        LongAdder counter = SCANS.computeIfAbsent(key, k -> new LongAdder());
        counter.increment();
        if (!query.isEmpty() && log.isDebugEnabled()) {
            long count = counter.sum();
            if (Long.toString(count).matches("10*")) {
                log.debug("full scan #{} of {} (sort {})", count, key, orderBy == null ? "none" : shape(orderBy));
            }
        }
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The query's equality conditions on the index's keys, when it has one for every key (at the top level or in a
     * clause of a top-level {@code $and}), else null.
     */
    private static Document equalityOnEveryKey(Index<Object> index, Document query) {
        Document keyQuery = new Document();
        for (IndexKey indexKey : index.getKeys()) {
            Object value = equality(query, indexKey.getKey());
            if (value == null) {
                return null;
            }
            keyQuery.put(indexKey.getKey(), value);
        }
        return keyQuery;
    }

    private static Object equality(Document query, String key) {
        Object value = query.get(key);
        if (isPlainValue(value)) {
            return value;
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    Object inner = equality(document, key);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    /** A value that a condition matches by equality alone (no operator, array, pattern or null). */
    private static boolean isPlainValue(Object value) {
        if (Missing.isNullOrMissing(value) || value instanceof Collection<?>
                || BsonRegularExpression.isRegularExpression(value)) {
            return false;
        }
        if (value instanceof Document document) {
            return document.keySet().stream().noneMatch(field -> field.startsWith("$"));
        }
        return true;
    }

    /** The filter with every value replaced by {@code ?}: its operators and fields only. */
    static String shape(Object filter) {
        if (filter instanceof Document document) {
            List<String> fields = new ArrayList<>();
            document.forEach((field, value) -> fields.add(field + ":" + shape(value)));
            return "{" + String.join(",", fields) + "}";
        }
        if (filter instanceof Collection<?> values) {
            return values.stream().findFirst().map(first -> "[" + shape(first) + (values.size() > 1 ? ",…" : "") + "]")
                    .orElse("[]");
        }
        return "?";
    }
}
