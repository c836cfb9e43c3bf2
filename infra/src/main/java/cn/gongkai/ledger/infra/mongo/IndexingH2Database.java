package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database, its documents stored compactly ({@link CompactDocumentType}), its unique
 * indexes kept in memory ({@link InMemoryUniqueIndex}), its queries choosing their index as {@link
 * IndexedH2Collection} says, and with the indexes its own backend leaves out: every non-unique index is an
 * {@link OrderedFieldIndex}, and every compound unique index (such as Axon's {@code (aggregateIdentifier,
 * sequenceNumber)}) gets one beside it, so that queries on its leading key — Axon's aggregate load, its last
 * sequence number, the last snapshot — read one aggregate's documents instead of the collection. These are the
 * queries MongoDB itself answers from the same indexes (by their prefix); the application code is the same.
 */
final class IndexingH2Database extends H2Database {
    /** Suffix of the ordered index kept beside a compound unique index. */
    static final String LEADING_KEY_SUFFIX = "#leadingKey";
    /** H2Database's names of a collection's maps (its documents; its size). */
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /** The store of a database under construction: H2Database opens its collections from its constructor. */
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    private final MVStore mvStore;

    IndexingH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, constructing(mvStore), cursorRegistry);
        CONSTRUCTING.remove();
        this.mvStore = mvStore;
    }

    private static MVStore constructing(MVStore mvStore) {
        CONSTRUCTING.set(mvStore);
        return mvStore;
    }

    private MVStore store() {
        return mvStore != null ? mvStore : CONSTRUCTING.get();
    }

    /** H2Database's collection (the same maps), choosing its indexes as {@link IndexedH2Collection} says. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullCollectionName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store().openMap(DATABASES_PREFIX + fullCollectionName,
                new MVMap.Builder<Object, Document>().keyType(new CompactDocumentType())
                        .valueType(new CompactDocumentType()));
        MVMap<String, Object> metaMap = store().openMap(META_PREFIX + fullCollectionName);
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new OrderedFieldIndex(indexName, keys);
    }

    /**
     * An {@link InMemoryUniqueIndex}, which the collection builds from its documents. A data file from before keeps
     * the index as a map of its own: that map is removed (it would no longer follow the documents).
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        String storedIndex = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (store().hasMap(storedIndex)) {
            store().removeMap(storedIndex);
        }
        if (keys.size() > 1) {
            // Added before the unique index: the collection builds it from its documents (it starts empty).
            resolveOrCreateCollection(collectionName)
                    .addIndex(new OrderedFieldIndex(indexName + LEADING_KEY_SUFFIX, keys));
        }
        return new InMemoryUniqueIndex(indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        boolean hasLeadingKeyIndex = collection.getIndexes().stream()
                .anyMatch(index -> index.getName().equals(indexName + LEADING_KEY_SUFFIX));
        if (hasLeadingKeyIndex) {
            collection.dropIndex(indexName + LEADING_KEY_SUFFIX);
        }
    }
}
