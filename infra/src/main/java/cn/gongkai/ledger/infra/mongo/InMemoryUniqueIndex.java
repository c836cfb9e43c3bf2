package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index (such as {@code _id}) kept in memory and built from the collection's documents when the database
 * is opened, as {@link OrderedFieldIndex} is. mongo-java-server's H2 backend keeps its unique indexes as maps in the
 * data file, keyed by {@code KeyValue}, which H2 can only order by Java-serializing both sides of every comparison,
 * and which every commit writes again; the documents in the data file are what is durable, the index is derived.
 */
final class InMemoryUniqueIndex extends AbstractUniqueIndex<Object> {
    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return positions.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return positions.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(keyValue);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positions.clear();
    }
}
