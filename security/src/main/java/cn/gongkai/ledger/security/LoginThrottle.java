package cn.gongkai.ledger.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * Slows down password guessing: after {@code maxFailures} failed log-ins in a row for one user name, or four times
 * as many from one client address (many users may sit behind one address), further attempts for it are refused
 * (HTTP 429, without checking the password) for a lock-out that starts at {@code lockout} and doubles with every
 * further lock-out, up to 32 times. A successful log-in clears the user name's count.
 *
 * <p>Kept in MongoDB (collection {@value #COLLECTION}, one document per user name or address), so every replica of
 * a service counts the same failures and honours the same lock-out: a guesser gains nothing by spreading attempts
 * over replicas. Each failure is one atomic increment; the lock-out is set by the one update that finds the count at
 * the limit. Entries untouched for a day expire (a TTL index on {@code updatedAt}).
 */
public class LoginThrottle {
    public static final String COLLECTION = "login_throttle";
    private static final int MAX_DOUBLINGS = 5;

    private final MongoCollection<Document> states;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    public LoginThrottle(MongoDatabase database, int maxFailures, Duration lockout, Clock clock) {
        this.states = database.getCollection(COLLECTION);
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
        states.createIndex(Indexes.ascending("updatedAt"), new IndexOptions().expireAfter(1L, TimeUnit.DAYS)
                .name("login_throttle_expiry"));
    }

    /** How long the caller still has to wait, if either key is locked. */
    public Optional<Duration> locked(String username, String address) {
        Instant now = clock.instant();
        return Stream.of(userKey(username), addressKey(address))
                .map(key -> states.find(Filters.eq("_id", key)).first())
                .filter(d -> d != null && d.getDate("lockedUntil") != null && now.isBefore(d.getDate("lockedUntil").toInstant()))
                .map(d -> Duration.between(now, d.getDate("lockedUntil").toInstant()))
                .max(Duration::compareTo);
    }

    public void failed(String username, String address) {
        fail(userKey(username), maxFailures);
        fail(addressKey(address), maxFailures * 4);
    }

    public void succeeded(String username) {
        states.deleteOne(Filters.eq("_id", userKey(username)));
    }

    private void fail(String key, int limit) {
        Date now = Date.from(clock.instant());
        Document counted = states.findOneAndUpdate(Filters.eq("_id", key),
                Updates.combine(Updates.inc("failures", 1), Updates.setOnInsert("lockouts", 0),
                        Updates.set("updatedAt", now)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        if (counted == null || counted.getInteger("failures", 0) < limit) {
            return;
        }
        int lockouts = counted.getInteger("lockouts", 0);
        Duration wait = lockout.multipliedBy(1L << Math.min(lockouts, MAX_DOUBLINGS));
        // Only the update that still finds the count at the limit locks (another replica may have just done it).
        states.updateOne(Filters.and(Filters.eq("_id", key), Filters.gte("failures", limit)),
                Updates.combine(Updates.set("failures", 0), Updates.inc("lockouts", 1),
                        Updates.set("lockedUntil", Date.from(now.toInstant().plus(wait))), Updates.set("updatedAt", now)));
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
