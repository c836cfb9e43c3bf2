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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
 * whole query; the plain server uses a unique index only when the query names exactly its keys. A top-level
 * {@code $or} whose every clause an index answers reads the union of their documents. An {@code $in} or a
 * {@code $nin} over strings is checked by a set lookup ({@link SetMembership}), and a query sorted on the field of
 * an ordered index it restricts is read in that index's order ({@link OrderedWalk}), passing over unread the
 * documents a {@code $nin} excludes when an index of that field says so. The documents a query returns are the same
 * either way.
 *
 * <p>Every query that still reads the whole collection is counted by collection and filter shape (values replaced
 * by {@code ?}) and logged at DEBUG the 1st, 10th, 100th… time, so a missing index shows in the log
 * ({@code logging.level.cn.gongkai.ledger.infra.mongo=DEBUG}) — a query without a filter reads everything by
 * definition and is counted but not logged.
 */
final class IndexedH2Collection extends H2Collection {
    private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);
    private static final Map<String, LongAdder> SCANS = new ConcurrentHashMap<>();
    /** Per filter shape answered from an index: queries, and documents they read (for the DEBUG log). */
    private static final Map<String, long[]> INDEXED_READS = new ConcurrentHashMap<>();

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
        Iterable<Object> positions = uniqueKeyPositions(query);
        if (positions == null) {
            positions = unionOfClauses(query);
        }
        if (positions != null) {
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        OrderedWalk walk = orderedWalk(query, orderBy, limit, fieldSelector);
        if (walk != null) {
            walk.skip(numberToSkip);
            List<Document> firstBatch = walk.takeDocuments(limit < 0 ? -limit : batchSize);
            if (limit < 0 || walk.isEmpty()) {
                return new QueryResult(firstBatch); // a negative limit asks for one batch and no cursor
            }
            cursorRegistry.add(walk);
            return new QueryResult(firstBatch, walk);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * For a query sorted first on the field of an ordered index that can answer it: its answer read in the index's
     * order ({@link OrderedWalk}), else null.
     */
    private OrderedWalk orderedWalk(Document query, Document orderBy, int limit, Document fieldSelector) {
        if (orderBy == null || orderBy.isEmpty()
                || !(orderBy.values().iterator().next() instanceof Number direction)
                || Math.abs(direction.intValue()) != 1) {
            return null;
        }
        String field = orderBy.keySet().iterator().next();
        boolean descending = direction.intValue() < 0;
        for (Index<Object> index : getIndexes()) {
            if (index instanceof OrderedFieldIndex ordered && ordered.field().equals(field)
                    && ordered.canWalk(query, descending)) {
                SetMembership membership = SetMembership.of(query);
                Predicate<Document> matches = membership == null ? document -> documentMatchesQuery(document, query)
                        : document -> membership.admits(document, this::documentMatchesQuery)
                                && documentMatchesQuery(document, membership.rest());
                return new OrderedWalk(cursorRegistry.generateCursorId(), ordered, query, descending, limit,
                        documentsNotExcluded(membership), matches, deriveComparator(orderBy),
                        batch -> project(batch, fieldSelector));
            }
        }
        return null;
    }

    /**
     * How a walk reads the document at a position. For a {@code $nin} over strings in a field an ordered index maps
     * (Axon's tracking query excludes every event of its look-back window by {@code eventIdentifier}, which the
     * command service indexes), a document whose value there the index gives as one of the strings is passed over
     * unread (null): the condition excludes it. Every other document is read, and matched by the whole query.
     */
    private Function<Object, Document> documentsNotExcluded(SetMembership membership) {
        if (membership != null && !membership.in()) {
            for (Index<Object> index : getIndexes()) {
                if (index instanceof OrderedFieldIndex byValue && byValue.field().equals(membership.field())) {
                    Set<String> excluded = membership.values();
                    return position -> byValue.valueAt(position) instanceof String value && excluded.contains(value)
                            ? null : getDocument(position);
                }
            }
        }
        return this::getDocument;
    }

    /** The documents with only the fields the selector names (all for none), as the server projects an answer. */
    private List<Document> project(List<Document> documents, Document fieldSelector) {
        if (fieldSelector == null || fieldSelector.isEmpty()) {
            return documents;
        }
        return matchDocumentsFromStream(new Document(), documents.stream(), 0, 0, 0, null, fieldSelector)
                .collectDocuments();
    }

    /** The one position a unique index names for the query's equality on every one of its keys, or null. */
    private Iterable<Object> uniqueKeyPositions(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique()) {
                Document keyQuery = equalityOnEveryKey(index, query);
                if (keyQuery != null && index.canHandle(keyQuery)) {
                    return index.getPositions(keyQuery);
                }
            }
        }
        return null;
    }

    /**
     * For a top-level {@code $or} whose every clause an index answers (as MongoDB unions its indexes for one): the
     * positions of all clauses, else null. The whole query then filters them.
     */
    private Iterable<Object> unionOfClauses(Document query) {
        if (!(query.get("$or") instanceof List<?> clauses) || clauses.isEmpty()) {
            return null;
        }
        Set<Object> union = new LinkedHashSet<>();
        for (Object clause : clauses) {
            if (!(clause instanceof Document document)) {
                return null;
            }
            Iterable<Object> positions = uniqueKeyPositions(document);
            if (positions == null) {
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(document)) {
                        positions = index.getPositions(document);
                        break;
                    }
                }
            }
            if (positions == null) {
                return null;
            }
            positions.forEach(union::add);
        }
        return union;
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
            if (isPowerOfTen(count)) {
                log.debug("full scan #{} of {} ({} documents; sort {})", count, key, count(),
                        orderBy == null ? "none" : shape(orderBy));
            }
        }
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The path of a query an index answered: at DEBUG, how many documents queries of its shape read. */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        if (log.isDebugEnabled() && positions instanceof Collection<?> read) {
            String key = getFullName() + " " + shape(query);
            long[] totals = INDEXED_READS.computeIfAbsent(key, k -> new long[2]);
            long queries;
            long documents;
            synchronized (totals) {
                queries = ++totals[0];
                documents = totals[1] += read.size();
            }
            if (isPowerOfTen(queries)) {
                log.debug("indexed query #{} of {}: {} documents read in all, of {}", queries, key, documents,
                        count());
            }
        }
        SetMembership membership = SetMembership.of(query);
        if (membership == null) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> documents = StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument)
                .filter(document -> membership.admits(document, this::documentMatchesQuery));
        return matchDocumentsFromStream(documents, membership.rest(), orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    /**
     * A {@code field: {$in: [strings]}} or {@code field: {$nin: [strings]}} condition of a query (at the top level or
     * a clause of a top-level {@code $and}), checked by one set lookup for a document whose value is a string: the
     * server's matcher compares each document with each value of the list, so a read of many documents by a list
     * of their ids ({@code _id $in}, as a roll-up reads its agencies' reports) cost the square of the list, and
     * Axon's tracking query, which excludes every event of its look-back window by id, the square of the window.
     * Any other value (an array, a number, none) is checked by the matcher, as before; {@code rest} is the query
     * without the condition.
     */
    private record SetMembership(String field, boolean in, Set<String> values, Document condition, Document rest) {
        static SetMembership of(Document query) {
            SetMembership top = ofClause(query, query);
            if (top != null) {
                return top;
            }
            if (query.get("$and") instanceof List<?> clauses) {
                for (int i = 0; i < clauses.size(); i++) {
                    if (clauses.get(i) instanceof Document clause && clause.size() == 1) {
                        SetMembership inner = ofClause(clause, clause);
                        if (inner != null) {
                            List<Object> others = new ArrayList<>(clauses);
                            others.remove(i);
                            Document rest = new Document(query);
                            if (others.isEmpty()) {
                                rest.remove("$and");
                            } else {
                                rest.put("$and", others);
                            }
                            return new SetMembership(inner.field, inner.in, inner.values, inner.condition, rest);
                        }
                    }
                }
            }
            return null;
        }

        private static SetMembership ofClause(Document clause, Document query) {
            for (Map.Entry<String, Object> entry : clause.entrySet()) {
                String field = entry.getKey();
                if (field.startsWith("$") || field.contains(".")
                        || !(entry.getValue() instanceof Document operators) || operators.size() != 1) {
                    continue;
                }
                String operator = operators.keySet().iterator().next();
                if (!(operator.equals("$in") || operator.equals("$nin"))
                        || !(operators.get(operator) instanceof Collection<?> list) || list.isEmpty()
                        || !list.stream().allMatch(String.class::isInstance)) {
                    continue;
                }
                Set<String> values = new HashSet<>();
                list.forEach(value -> values.add((String) value));
                Document rest = new Document(query);
                rest.remove(field);
                return new SetMembership(field, operator.equals("$in"), values, new Document(field, operators), rest);
            }
            return null;
        }

        boolean admits(Document document, BiPredicate<Document, Document> matcher) {
            return document.get(field) instanceof String value ? values.contains(value) == in
                    : matcher.test(document, condition);
        }
    }

    private static boolean isPowerOfTen(long count) {
        return Long.toString(count).matches("10*");
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
