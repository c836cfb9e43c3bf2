package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A collection of read-model records of one type, each stored whole under its natural id ({@code _id}), so that
 * every write is an idempotent upsert: writing the same record twice leaves one document.
 */
final class RecordCollection<T> {
    private final MongoCollection<Document> collection;
    private final Class<T> type;

    RecordCollection(ReadModelDatabase database, String name, Class<T> type) {
        this.collection = database.collection(name);
        this.type = type;
    }

    Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(d -> ReadModelJson.fromDocument(d, type));
    }

    void save(String id, T value) {
        collection.replaceOne(Filters.eq("_id", id), ReadModelJson.toDocument(id, value), new ReplaceOptions().upsert(true));
    }

    /** Saves every record, each as {@link #save} does, in one round trip to the database. */
    void saveAll(java.util.Map<String, T> values) {
        if (values.isEmpty()) {
            return;
        }
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>(values.size());
        values.forEach((id, value) -> writes.add(new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", id),
                ReadModelJson.toDocument(id, value), new ReplaceOptions().upsert(true))));
        collection.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    /**
     * Saves every record with the same result as {@link #saveAll}, for records the collection is not expected to
     * hold yet (a rebuild's, into a fresh read model): one unordered insert, which the database does more cheaply
     * than an upsert; the records whose id is already there (a rebuild run again, or after one was killed) are
     * then replaced, in a second round trip.
     */
    void insertAll(java.util.Map<String, T> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(values.size());
        values.forEach((id, value) -> documents.add(ReadModelJson.toDocument(id, value)));
        try {
            collection.insertMany(documents, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(error -> error.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            List<com.mongodb.client.model.WriteModel<Document>> replaces = new ArrayList<>();
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                Document document = documents.get(error.getIndex());
                replaces.add(new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", document.get("_id")),
                        document, new ReplaceOptions().upsert(true)));
            }
            collection.bulkWrite(replaces, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }

    /** The records of these ids (those there are), by id: one round trip per {@value IdChunks#SIZE} ids. */
    java.util.Map<String, T> findAll(java.util.Collection<String> ids) {
        java.util.Map<String, T> found = new java.util.HashMap<>();
        IdChunks.forEach(ids, chunk -> collection.find(Filters.in("_id", chunk)).forEach(d -> found.put(
                d.getString("_id"), ReadModelJson.fromDocument(d, type))));
        return found;
    }

    /** Removes the records of these ids (those there are), in one round trip. */
    void removeAll(java.util.Collection<String> ids) {
        if (!ids.isEmpty()) {
            collection.deleteMany(Filters.in("_id", ids));
        }
    }

    void remove(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    void removeAll(Bson filter) {
        collection.deleteMany(filter);
    }

    /** The records matching {@code filter} in {@code _id} order. */
    List<T> list(Bson filter) {
        List<T> result = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("_id")).forEach(d -> result.add(ReadModelJson.fromDocument(d, type)));
        return result;
    }

    /** Whether any record matches {@code filter}: reads at most one document, and only its {@code _id}. */
    boolean any(Bson filter) {
        return collection.find(filter).projection(com.mongodb.client.model.Projections.include("_id")).limit(1)
                .first() != null;
    }

    MongoCollection<Document> raw() {
        return collection;
    }
}
