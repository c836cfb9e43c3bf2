package cn.gongkai.ledger.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;

/**
 * The data keys, one per case (request, reconsideration or lawsuit), in their own collection
 * ({@value #COLLECTION}), apart from the events: {@code {_id: caseId, wrapped, createdAt}}, the 256-bit key wrapped
 * (AES-GCM) by the {@link MasterKey}. Erasing a case replaces its document by a tombstone {@code {_id, erasedAt}}:
 * the key is gone, every value sealed with it is unreadable wherever a copy of it lies, and a value sealed for the
 * case afterwards is stored as erased.
 *
 * <p>Unwrapped keys are kept in memory for {@link #CACHE_TTL} at most, so an erasure by another replica takes effect
 * here within that time (at once in the replica that erased).
 */
public final class DataKeys {
    public static final String COLLECTION = "personal_data_keys";
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);
    /** The document that proves the configured master key is the one the keys were wrapped with. */
    static final String CHECK_ID = "#master-key-check";
    private static final byte[] CHECK_VALUE = "gongkai-ledger master key".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A case's key: there, erased, or never created. */
    public sealed interface State {
        record Active(SecretKey key) implements State {
        }

        record Erased(Instant erasedAt) implements State {
        }

        record None() implements State {
        }
    }

    private record Cached(State state, long loadedAt) {
    }

    private final MongoCollection<Document> keys;
    private final MasterKey master;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DataKeys(MongoDatabase database, MasterKey master) {
        this.keys = database.getCollection(COLLECTION);
        this.master = master;
        checkMasterKey();
    }

    private void checkMasterKey() {
        Document check = keys.find(Filters.eq("_id", CHECK_ID)).first();
        if (check == null) {
            insertIgnoringDuplicate(new Document("_id", CHECK_ID).append("wrapped", wrap(CHECK_VALUE, CHECK_ID))
                    .append("createdAt", Instant.now().toString()));
            return;
        }
        try {
            unwrap(check.getString("wrapped"), CHECK_ID);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the configured master key (LEDGER_MASTER_KEY or the master key file) is "
                    + "not the one the data keys in " + COLLECTION + " were wrapped with: personal data could not be "
                    + "read; configure the right key", e);
        }
    }

    /** The case's state; a cached answer is at most {@link #CACHE_TTL} old. */
    public State state(String caseId) {
        Cached cached = cache.get(caseId);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < CACHE_TTL.toNanos()) {
            return cached.state();
        }
        State state = load(caseId);
        cache.put(caseId, new Cached(state, now));
        return state;
    }

    /** Loads the states of many cases with one query (a page of a list), so that reading them costs no further query. */
    public void prefetch(Collection<String> caseIds) {
        long now = System.nanoTime();
        List<String> stale = caseIds.stream().distinct().filter(id -> {
            Cached cached = cache.get(id);
            return cached == null || now - cached.loadedAt() >= CACHE_TTL.toNanos();
        }).toList();
        if (stale.isEmpty()) {
            return;
        }
        Map<String, State> found = new HashMap<>();
        keys.find(Filters.in("_id", stale)).forEach(d -> found.put(d.getString("_id"), stateOf(d)));
        stale.forEach(id -> cache.put(id, new Cached(found.getOrDefault(id, new State.None()), now)));
    }

    /**
     * Readies the keys of many cases about to be sealed together (an import's events): looks them up in one query
     * and creates the missing ones in one write, so that sealing them costs no further round trip while the cache
     * holds them. A key another writer created first wins (as in {@link #keyForSealing}): the cases whose insert
     * found one are read back. An erased case stays erased.
     */
    public void prepareForSealing(Collection<String> caseIds) {
        List<String> distinct = caseIds.stream().distinct().toList();
        prefetch(distinct);
        List<Document> missing = new java.util.ArrayList<>();
        List<SecretKey> created = new java.util.ArrayList<>();
        for (String caseId : distinct) {
            Cached cached = cache.get(caseId);
            if (cached != null && cached.state() instanceof State.None) {
                SecretKey key = newKey();
                missing.add(keyDocument(caseId, key));
                created.add(key);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        try {
            keys.insertMany(missing, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            e.getWriteErrors().forEach(error -> taken.add(error.getIndex()));
        }
        long now = System.nanoTime();
        List<String> readBack = new java.util.ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            String caseId = missing.get(i).getString("_id");
            if (taken.contains(i)) {
                cache.remove(caseId);
                readBack.add(caseId);
            } else {
                cache.put(caseId, new Cached(new State.Active(created.get(i)), now));
            }
        }
        prefetch(readBack);
    }

    /**
     * The case's key, created now if it has none; empty if the case was erased. A case this replica has not seen
     * is most often a new one (its first event is being sealed), so its key is created at once: one insert, and
     * only if a key or a tombstone is there already (a duplicate id) is the stored one read.
     */
    public Optional<SecretKey> keyForSealing(String caseId) {
        State state = cache.containsKey(caseId) ? state(caseId) : null;
        if (state instanceof State.Active active) {
            return Optional.of(active.key());
        }
        if (state instanceof State.Erased) {
            return Optional.empty();
        }
        SecretKey key = newKey();
        if (insertIgnoringDuplicate(keyDocument(caseId, key))) {
            cache.put(caseId, new Cached(new State.Active(key), System.nanoTime()));
            return Optional.of(key);
        }
        cache.remove(caseId);
        State stored = state(caseId); // the key another writer created first, or the case's tombstone
        return stored instanceof State.Active active ? Optional.of(active.key()) : Optional.empty();
    }

    private static SecretKey newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    private Document keyDocument(String caseId, SecretKey key) {
        return new Document("_id", caseId).append("wrapped", wrap(key.getEncoded(), caseId))
                .append("createdAt", Instant.now().toString());
    }

    /** Destroys the case's key (idempotent): from now on its personal data reads as erased. */
    public void destroy(String caseId, Instant erasedAt) {
        keys.replaceOne(Filters.eq("_id", caseId), new Document("_id", caseId).append("erasedAt", erasedAt.toString()),
                new ReplaceOptions().upsert(true));
        cache.put(caseId, new Cached(new State.Erased(erasedAt), System.nanoTime()));
    }

    private State load(String caseId) {
        Document d = keys.find(Filters.eq("_id", caseId)).first();
        return d == null ? new State.None() : stateOf(d);
    }

    private State stateOf(Document d) {
        String caseId = d.getString("_id");
        if (d.getString("wrapped") == null) {
            return new State.Erased(Instant.parse(d.getString("erasedAt")));
        }
        try {
            return new State.Active(new SecretKeySpec(unwrap(d.getString("wrapped"), caseId), "AES"));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the data key of " + caseId + " does not unwrap with the master key", e);
        }
    }

    /** Whether the document was inserted (false: one with its id is there). */
    private boolean insertIgnoringDuplicate(Document document) {
        try {
            keys.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    private String wrap(byte[] key, String caseId) {
        return Base64.getEncoder().encodeToString(Aead.encrypt(master.key(), key, associated(caseId)));
    }

    private byte[] unwrap(String wrapped, String caseId) throws AEADBadTagException {
        return Aead.decrypt(master.key(), Base64.getDecoder().decode(wrapped), associated(caseId));
    }

    private static byte[] associated(String caseId) {
        return ("key:" + caseId).getBytes(StandardCharsets.UTF_8);
    }
}
