package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with the indexes its own backend leaves out: every non-unique index is an
 * {@link OrderedFieldIndex}, and every compound unique index (such as Axon's {@code (aggregateIdentifier,
 * sequenceNumber)}) gets one beside it, so that queries on its leading key — Axon's aggregate load, its last
 * sequence number, the last snapshot — read one aggregate's documents instead of the collection. These are the
 * queries MongoDB itself answers from the same indexes (by their prefix); the application code is the same.
 */
final class IndexingH2Database extends H2Database {
    /** Suffix of the ordered index kept beside a compound unique index. */
    static final String LEADING_KEY_SUFFIX = "#leadingKey";

    IndexingH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new OrderedFieldIndex(indexName, keys);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        Index<Object> unique = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        if (keys.size() > 1) {
            // Added before the unique index: the collection builds it from its documents (it starts empty).
            resolveOrCreateCollection(collectionName)
                    .addIndex(new OrderedFieldIndex(indexName + LEADING_KEY_SUFFIX, keys));
        }
        return unique;
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
