package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A non-unique index that mongo-java-server really maintains and uses (its own backends ignore non-unique
 * indexes and use a compound unique index only for equality on every key): an ordered map from the value of the
 * index's <em>first</em> key to the positions of the documents holding it, in memory, rebuilt from the collection
 * whenever the database is opened.
 *
 * <p>It answers a query that restricts the first key — equality, {@code $in}, or a range ({@code $gt},
 * {@code $gte}, {@code $lt}, {@code $lte}, {@code $eq}) on a string or number, or a literal prefix (an anchored
 * regular expression such as {@code ^agency\:}), at the top level or inside a
 * top-level {@code $and} — with the positions of the documents whose first-key value can match: a superset of the
 * answer, which the server then filters by the whole query and sorts as without an index. So the index changes how
 * many documents a query reads, never which ones it returns. That is what makes Axon's aggregate load
 * ({@code aggregateIdentifier} = id, {@code sequenceNumber ≥ n}), the tracking query ({@code timestamp ≥ t}) and
 * the read models' lookups cost what they read instead of what is stored.
 *
 * <p>Positions are the H2 backend's: the document's {@code _id} (every collection the ledger indexes has one).
 */
final class OrderedFieldIndex extends Index<Object> {
    private static final String ID_FIELD = "_id";
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte", "$eq");

    private final String field;
    /** Each value's positions: the one position itself while it has one (most values: ids, times), else {@link Many}. */
    private final NavigableMap<Object, Object> positionsByValue = new TreeMap<>(ValueComparator.asc());
    private long count;
    private long lookups;
    /** Whether a document ever held an array in the field: its sort key is then not one value of the index. */
    private boolean multiValued;
    private long positionsWalked;
    /**
     * Each position's value of the field (or {@link #SEVERAL} for an array), built the first time it is asked for
     * ({@link #valueAt}) and kept from then on; null before.
     */
    private Map<Object, Object> valueByPosition;
    private static final Object SEVERAL = new Object();

    OrderedFieldIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
        this.field = keys.get(0).getKey();
    }

    String field() {
        return field;
    }

    /** How many queries this index has answered since it was opened. */
    synchronized long lookups() {
        return lookups;
    }

    /** How many positions {@link #valuesInOrder} has handed out since the index was opened. */
    synchronized long positionsWalked() {
        return positionsWalked;
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: it names no single document; the collection's _id index does
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to check
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (document.get(field) instanceof Collection<?>) {
            multiValued = true;
        }
        Set<Object> values = fieldValues(document);
        for (Object value : values) {
            if (addPosition(value, position)) {
                count++;
            }
        }
        if (valueByPosition != null && !values.isEmpty()) {
            valueByPosition.put(position, values.size() == 1 ? values.iterator().next() : SEVERAL);
        }
    }

    /**
     * The value the document at {@code position} holds in the field, as the index has it: null when it holds none
     * or several (an array). The first call maps every position (once); the index keeps the map from then on.
     */
    synchronized Object valueAt(Object position) {
        if (valueByPosition == null) {
            valueByPosition = new HashMap<>();
            positionsByValue.forEach((value, held) -> positions(held).forEach(p ->
                    valueByPosition.merge(p, value, (one, other) -> SEVERAL)));
        }
        Object value = valueByPosition.get(position);
        return value == SEVERAL ? null : value;
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        removeEntries(document, position);
        return position;
    }

    private void removeEntries(Document document, Object position) {
        if (valueByPosition != null) {
            valueByPosition.remove(position);
        }
        for (Object value : fieldValues(document)) {
            if (removePosition(value, position)) {
                count--;
            }
        }
    }

    /** Several positions of one value. (A position is a document's {@code _id}, never itself a set.) */
    private static final class Many extends LinkedHashSet<Object> {
    }

    /** The positions an entry of {@link #positionsByValue} holds. */
    private static Collection<Object> positions(Object held) {
        return held instanceof Many many ? many : Collections.singletonList(held);
    }

    private boolean addPosition(Object value, Object position) {
        Object held = positionsByValue.get(value);
        if (held == null) {
            positionsByValue.put(value, position);
            return true;
        }
        if (held instanceof Many many) {
            return many.add(position);
        }
        if (held.equals(position)) {
            return false;
        }
        Many many = new Many();
        many.add(held);
        many.add(position);
        positionsByValue.put(value, many);
        return true;
    }

    private boolean removePosition(Object value, Object position) {
        Object held = positionsByValue.get(value);
        if (held instanceof Many many) {
            if (!many.remove(position)) {
                return false;
            }
            if (many.size() == 1) {
                positionsByValue.put(value, many.iterator().next());
            }
            return true;
        }
        if (held == null || !held.equals(position)) {
            return false;
        }
        positionsByValue.remove(value);
        return true;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to check
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        if (!fieldValues(oldDocument).equals(fieldValues(newDocument))) {
            removeEntries(oldDocument, position);
            add(newDocument, position, collection);
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return condition(query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        lookups++;
        Object condition = condition(query);
        Collection<Object> matching;
        if (condition instanceof Prefix prefix) {
            matching = new ArrayList<>();
            for (Map.Entry<Object, Object> entry : positionsByValue.tailMap(prefix.text(), true).entrySet()) {
                if (!(entry.getKey() instanceof String value) || !value.startsWith(prefix.text())) {
                    break; // strings are ordered by compareTo: those starting with the prefix are together
                }
                matching.add(entry.getValue());
            }
        } else if (condition instanceof Document operators) {
            if (operators.containsKey("$in")) {
                matching = new ArrayList<>();
                for (Object value : (Collection<?>) operators.get("$in")) {
                    Object held = positionsByValue.get(value);
                    if (held != null) {
                        matching.add(held);
                    }
                }
            } else {
                matching = range(operators).values();
            }
        } else {
            Object held = positionsByValue.get(condition);
            matching = held == null ? List.of() : List.of(held);
        }
        if (matching.size() == 1) {
            return List.copyOf(positions(matching.iterator().next()));
        }
        Set<Object> result = new LinkedHashSet<>(); // a document with an array holds several values
        matching.forEach(held -> result.addAll(positions(held)));
        return result;
    }

    /**
     * Whether {@link #valuesInOrder} can answer the query sorted on this index's field (ascending, or descending):
     * the query restricts the field, and no document ever held several values in it.
     */
    synchronized boolean canWalk(Document query, boolean descending) {
        Object condition = condition(query);
        return condition != null && !multiValued && !field.contains(".")
                && !(descending && condition instanceof Prefix);
    }

    /**
     * The values of the field that the query's condition can match, each with the positions of the documents
     * holding it, in the field's order (or the reverse), starting after {@code after} when {@code started}: whole
     * values, until they hold at least {@code enough} positions. A superset of the answer, as {@link #getPositions}.
     */
    synchronized List<Map.Entry<Object, List<Object>>> valuesInOrder(Document query, boolean descending,
                                                                   boolean started, Object after, int enough) {
        if (!started) {
            lookups++;
        }
        Object condition = condition(query);
        NavigableMap<Object, Object> values;
        if (condition instanceof Prefix prefix) {
            values = positionsByValue.tailMap(prefix.text(), true);
        } else if (condition instanceof Document operators && operators.containsKey("$in")) {
            values = new TreeMap<>(ValueComparator.asc());
            for (Object value : (Collection<?>) operators.get("$in")) {
                Object held = positionsByValue.get(value);
                if (held != null) {
                    values.put(value, held);
                }
            }
        } else if (condition instanceof Document operators) {
            values = range(operators);
        } else {
            values = positionsByValue.subMap(condition, true, condition, true);
        }
        if (started) {
            values = descending ? values.headMap(after, false) : values.tailMap(after, false);
        }
        if (descending) {
            values = values.descendingMap();
        }
        List<Map.Entry<Object, List<Object>>> read = new ArrayList<>();
        int positions = 0;
        for (Map.Entry<Object, Object> entry : values.entrySet()) {
            if (condition instanceof Prefix prefix
                    && !(entry.getKey() instanceof String value && value.startsWith(prefix.text()))) {
                break; // past the strings starting with the prefix
            }
            List<Object> held = List.copyOf(positions(entry.getValue()));
            read.add(Map.entry(entry.getKey(), held));
            positions += held.size();
            positionsWalked += held.size();
            if (positions >= enough) {
                break;
            }
        }
        return read;
    }

    private NavigableMap<Object, Object> range(Document operators) {
        ValueComparator order = ValueComparator.asc();
        Object lower = null;
        boolean lowerInclusive = true;
        Object upper = null;
        boolean upperInclusive = true;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object bound = operator.getValue();
            String name = operator.getKey();
            if (name.equals("$gt") || name.equals("$gte") || name.equals("$eq")) {
                int cmp = lower == null ? 1 : order.compare(bound, lower);
                if (cmp > 0 || (cmp == 0 && name.equals("$gt"))) {
                    lower = bound;
                    lowerInclusive = !name.equals("$gt");
                }
            }
            if (name.equals("$lt") || name.equals("$lte") || name.equals("$eq")) {
                int cmp = upper == null ? -1 : order.compare(bound, upper);
                if (cmp < 0 || (cmp == 0 && name.equals("$lt"))) {
                    upper = bound;
                    upperInclusive = !name.equals("$lt");
                }
            }
        }
        if (lower != null && upper != null) {
            int cmp = order.compare(lower, upper);
            if (cmp > 0 || (cmp == 0 && !(lowerInclusive && upperInclusive))) {
                return Collections.emptyNavigableMap();
            }
            return positionsByValue.subMap(lower, lowerInclusive, upper, upperInclusive);
        }
        if (lower != null) {
            return positionsByValue.tailMap(lower, lowerInclusive);
        }
        return positionsByValue.headMap(upper, upperInclusive);
    }

    /**
     * The query's condition on the indexed field that this index can answer (a plain value, or a document of
     * operators), or null: at the top level, else in one of a top-level {@code $and}'s clauses.
     */
    private Object condition(Document query) {
        Object condition = usable(query.get(field));
        if (condition != null) {
            return condition;
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    Object inner = condition(document);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    private static Object usable(Object condition) {
        if (isScalar(condition)) {
            return condition;
        }
        Prefix prefix = Prefix.of(condition);
        if (prefix != null) {
            return prefix;
        }
        if (condition instanceof Document operators && !operators.isEmpty()) {
            if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(OrderedFieldIndex::isScalar)) {
                return operators;
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                if (!RANGE_OPERATORS.contains(operator.getKey()) || !isScalar(operator.getValue())) {
                    return null;
                }
            }
            return operators;
        }
        return null;
    }

    /**
     * An anchored regular expression without options whose pattern after {@code ^} is a literal (metacharacters
     * escaped, as {@code RequestIdFilter} writes it): it matches the strings that start with that text, which are
     * together in the index.
     */
    private record Prefix(String text) {
        private static final String METACHARACTERS = "\\.[]{}()<>*+-=!?^$|";

        static Prefix of(Object condition) {
            if (!BsonRegularExpression.isRegularExpression(condition)) {
                return null;
            }
            BsonRegularExpression regex = BsonRegularExpression.convertToRegularExpression(condition);
            String pattern = regex.getPattern();
            if ((regex.getOptions() != null && !regex.getOptions().isEmpty()) || !pattern.startsWith("^")) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= pattern.length() || METACHARACTERS.indexOf(pattern.charAt(i + 1)) < 0) {
                        return null; // \d, \w and the like: not a literal
                    }
                    text.append(pattern.charAt(++i));
                } else if (METACHARACTERS.indexOf(c) >= 0) {
                    return null;
                } else {
                    text.append(c);
                }
            }
            return new Prefix(text.toString());
        }
    }

    /** Strings and numbers: the values whose matching by the server agrees with their order in the index. */
    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number;
    }

    /** The values of the first key in the document (one per element when it is an array), null and missing left out. */
    private Set<Object> fieldValues(Document document) {
        Set<Object> values = new LinkedHashSet<>();
        for (KeyValue keyValue : getKeyValues(document)) {
            Object value = keyValue.get(0);
            if (!Missing.isNullOrMissing(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get(ID_FIELD));
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        valueByPosition = null;
        count = 0;
        multiValued = false;
    }
}
