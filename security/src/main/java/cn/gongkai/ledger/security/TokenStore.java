package cn.gongkai.ledger.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;

/**
 * Bearer tokens of the local user store (collection {@value #COLLECTION}) for scripts and the bulk import: 256
 * random bits, given to the caller once, stored only as their SHA-256 hash with the user name and the expiry. A
 * token stands for its user as the store has them now, so a changed role or a removed user takes effect at once.
 * Browser sessions are tokens of the same store of another kind ({@link #issueSession}, {@link SessionRepository}):
 * a session's token is not a bearer token, nor a bearer token a session.
 */
public class TokenStore {
    public static final String COLLECTION = "apitokens";
    public static final String PREFIX = "glt_";
    private static final String API = "api";
    private static final String SESSION = "session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> tokens;
    private final UserStore users;
    private final Clock clock;

    public TokenStore(MongoDatabase database, UserStore users, Clock clock) {
        this.tokens = database.getCollection(COLLECTION);
        this.users = users;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(Officer officer, Duration validity) {
        return issue(officer, validity, API);
    }

    /** A browser session's token (the {@link SessionRepository} cookie): never accepted as a bearer token. */
    public Issued issueSession(Officer officer, Duration validity) {
        return issue(officer, validity, SESSION);
    }

    private Issued issue(Officer officer, Duration validity, String kind) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        tokens.insertOne(new Document("_id", hash(token)).append("username", officer.username())
                .append("kind", kind).append("issuedAt", now.toString()).append("expiresAt", expiresAt.toString()));
        return new Issued(token, expiresAt);
    }

    /** The officer a valid, unexpired bearer token stands for (a session's token is not one). */
    public Optional<Officer> resolve(String token) {
        return resolve(token, API);
    }

    /** The officer of a valid, unexpired browser session. */
    public Optional<Officer> resolveSession(String token) {
        return resolve(token, SESSION);
    }

    private Optional<Officer> resolve(String token, String kind) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Document document = tokens.find(Filters.eq("_id", hash(token))).first();
        if (document == null || !clock.instant().isBefore(Instant.parse(document.getString("expiresAt")))
                || !kind.equals(document.getString("kind") == null ? API : document.getString("kind"))) {
            return Optional.empty();
        }
        return users.find(document.getString("username"));
    }

    public void revoke(String token) {
        tokens.deleteOne(Filters.eq("_id", hash(token)));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
