package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The local user store (collection {@value #COLLECTION}): one document per user, {@code _id} the user name, the
 * password only as a bcrypt hash, the agency and the roles. There is no default user and no default password: the
 * first administrator is created by the first-run setup or {@code bin/ledger-user}.
 */
public class UserStore {
    public static final String COLLECTION = "users";
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

    private final MongoCollection<Document> users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserStore(MongoDatabase database, PasswordEncoder encoder, Clock clock) {
        this.users = database.getCollection(COLLECTION);
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A stored user, without the hash. */
    public record User(Officer officer, String createdBy, String createdAt) {
    }

    /**
     * Creates a user; refuses a taken name, a name that is not {@code [A-Za-z0-9._@-]}, a password shorter than
     * {@value #MIN_PASSWORD_LENGTH} characters or no role. The password array is cleared afterwards.
     */
    public Officer create(String username, char[] password, AgencyId agency, Set<Role> roles, String createdBy) {
        try {
            if (username == null || !USERNAME.matcher(username).matches()) {
                throw new InvalidUser("用户名须为 2 至 64 个字母、数字或 . _ @ -",
                        "the user name must be 2 to 64 letters, digits or . _ @ -");
            }
            if (password == null || password.length < MIN_PASSWORD_LENGTH) {
                throw new InvalidUser("密码至少 " + MIN_PASSWORD_LENGTH + " 个字符",
                        "the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            if (roles == null || roles.isEmpty()) {
                throw new InvalidUser("至少需要一个角色", "at least one role is needed");
            }
            Officer officer = new Officer(username, agency, roles);
            Document document = new Document("_id", username)
                    .append("passwordHash", encoder.encode(new String(password)))
                    .append("agencyId", agency.value())
                    .append("roles", roles.stream().map(Enum::name).sorted().toList())
                    .append("createdBy", createdBy)
                    .append("createdAt", clock.instant().toString());
            try {
                users.insertOne(document);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw new InvalidUser("用户已存在：" + username, "the user exists already: " + username);
                }
                throw e;
            }
            return officer;
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /** The officer if the name exists and the password matches its hash. */
    public Optional<Officer> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Document document = users.find(Filters.eq("_id", username)).first();
        if (document == null) {
            encoder.matches(password, DUMMY_HASH); // the same work whether the name exists or not
            return Optional.empty();
        }
        return encoder.matches(password, document.getString("passwordHash"))
                ? Optional.of(officer(document)) : Optional.empty();
    }

    public Optional<Officer> find(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first()).map(UserStore::officer);
    }

    public long count() {
        return users.countDocuments();
    }

    public List<User> list() {
        List<User> list = new ArrayList<>();
        for (Document document : users.find().sort(Sorts.ascending("_id"))) {
            list.add(new User(officer(document), document.getString("createdBy"), document.getString("createdAt")));
        }
        return list;
    }

    private static Officer officer(Document document) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : document.getList("roles", String.class)) {
            roles.add(Role.valueOf(role));
        }
        return new Officer(document.getString("_id"), new AgencyId(document.getString("agencyId")), roles);
    }

    /** A bcrypt hash of a random string nobody knows, to spend the same time on an unknown user name. */
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z0Yb9b6Fq5Y8ZC4i4x3bQ7dG";

    /** A user that cannot be created as asked; the messages are in Chinese and English. */
    public static class InvalidUser extends RuntimeException {
        private final String zh;

        public InvalidUser(String zh, String en) {
            super(en);
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }
}
