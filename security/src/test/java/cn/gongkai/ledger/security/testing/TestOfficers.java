package cn.gongkai.ledger.security.testing;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.security.AgencyDirectory;
import cn.gongkai.ledger.security.AgencyFacts;
import cn.gongkai.ledger.security.Officer;
import cn.gongkai.ledger.security.Role;
import cn.gongkai.ledger.security.TokenStore;
import cn.gongkai.ledger.security.UserStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Officers for the HTTP tests of the services: one user per agency (all roles, a random password nobody uses),
 * created directly in the service's user store, with a bearer token issued directly by its token store. Which agency
 * a request is for is read from its path or body the way the services read it, so a test speaks to each agency as
 * one of that agency's officers.
 */
public final class TestOfficers {
    public static final String DEFAULT_AGENCY = "test-agency";
    private static final Map<String, TestOfficers> BY_DATABASE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AGENCY_PATH = Pattern.compile("^/api/(?:agencies|reports)/([^/?:]+)");
    private static final Pattern REQUEST_PATH = Pattern.compile("^/api/requests/([^/?:]+)(?::|%3A)");
    private static final Pattern CASE_PATH = Pattern.compile("^/api/(?:reconsiderations|lawsuits)/((?:rc|ls)-[^/?]+)");
    private static final Pattern AGENCY_PARAMETER = Pattern.compile("[?&]agencyId=([^&]+)");

    private final UserStore users;
    private final TokenStore tokens;
    private final AgencyDirectory directory;
    private final MongoDatabase database;
    private final Map<String, String> tokenByAgency = new ConcurrentHashMap<>();

    private TestOfficers(MongoDatabase database) {
        this.users = new UserStore(database, new BCryptPasswordEncoder(4), Clock.systemUTC());
        this.tokens = new TokenStore(database, users, Clock.systemUTC());
        this.directory = new AgencyDirectory(new FirstEventFacts(database));
        this.database = database;
    }

    /** The officers of one MongoDB database (the service's {@code spring.data.mongodb.database}). */
    public static TestOfficers of(String mongoUri, String database) {
        return BY_DATABASE.computeIfAbsent(mongoUri + "/" + database, key -> {
            MongoClient client = MongoClients.create(mongoUri);
            return new TestOfficers(client.getDatabase(database));
        });
    }

    /** The user name of the test officer of an agency. */
    public static String usernameFor(String agency) {
        return "officer." + agency;
    }

    /** A bearer token of the agency's officer, who holds every role. */
    public String tokenFor(String agency) {
        return tokenByAgency.computeIfAbsent(agency, a -> token(usernameFor(a), a, EnumSet.allOf(Role.class)));
    }

    /** A bearer token of a new user with exactly these roles. */
    public String token(String username, String agency, Set<Role> roles) {
        Officer officer = users.find(username).orElseGet(() -> users.create(username,
                UUID.randomUUID().toString().toCharArray(), new AgencyId(agency), roles, "test"));
        return tokens.issue(officer, Duration.ofHours(2)).token();
    }

    /** A user with a known password (for the log-in tests). */
    public Officer user(String username, String password, String agency, Set<Role> roles) {
        return users.create(username, password.toCharArray(), new AgencyId(agency), roles, "test");
    }

    /** The token for a request: of the agency its path or body names, else of {@value #DEFAULT_AGENCY}. */
    public String tokenForRequest(String path, String body) {
        String agency = agencyOf(path, body);
        try {
            new AgencyId(agency);
        } catch (IllegalArgumentException invalid) {
            agency = DEFAULT_AGENCY; // the service answers 400 (or 403) for the invalid id
        }
        return tokenFor(agency);
    }

    public String agencyOf(String path, String body) {
        for (Pattern pattern : new Pattern[] {AGENCY_PATH, REQUEST_PATH}) {
            Matcher m = pattern.matcher(path);
            if (m.find()) {
                return m.group(1);
            }
        }
        Matcher caseId = CASE_PATH.matcher(path);
        if (caseId.find()) {
            String found = directory.agencyOfCase(caseId.group(1)).map(AgencyId::value).orElse(null);
            if (found == null) { // a read side without the event store: the read model knows the case's agency
                org.bson.Document summary = database.getCollection("case_summaries")
                        .find(com.mongodb.client.model.Filters.eq("_id", caseId.group(1))).first();
                found = summary == null ? null : summary.getString("agencyId");
            }
            if (found != null) {
                return found;
            }
        }
        Matcher parameter = AGENCY_PARAMETER.matcher(path);
        if (parameter.find()) {
            return parameter.group(1);
        }
        String fromBody = agencyInBody(body);
        return fromBody == null ? DEFAULT_AGENCY : fromBody;
    }

    /** {@code agencyId}, or a request id's agency, of a JSON body or the first line of a JSON Lines body. */
    private String agencyInBody(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String first = body.strip().lines().findFirst().orElse("");
        try {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (Exception severalLines) {
                json = JSON.readTree(first);
            }
            if (json == null || !json.isObject()) {
                return null;
            }
            if (json.path("agencyId").isTextual()) {
                return json.get("agencyId").asText();
            }
            for (String field : new String[] {"requestId", "reconsiderationId", "lawsuitId"}) {
                if (json.path(field).isTextual()) {
                    return directory.agencyOfCase(json.get(field).asText()).map(AgencyId::value).orElse(null);
                }
            }
        } catch (Exception notJson) {
            return null;
        }
        return null;
    }

    /**
     * The tests' own lookup of a case's agency, for choosing which officer sends a request: the first stored event of
     * the case (the services answer the same from their event-store readers).
     */
    private record FirstEventFacts(MongoDatabase database) implements AgencyFacts {
        @Override
        public java.util.Optional<AgencyId> agencyNamedAtFiling(String caseId) {
            return field(caseId, "agencyId").map(AgencyId::new);
        }

        @Override
        public java.util.Optional<AgencyId> superiorOf(AgencyId agency) {
            return field(agency.value(), "superiorAgencyId").map(AgencyId::new);
        }

        private java.util.Optional<String> field(String aggregateId, String field) {
            org.bson.Document first = database.getCollection(String.join("", "domain", "events"))
                    .find(new org.bson.Document("aggregateIdentifier", aggregateId).append("sequenceNumber", 0L)).first();
            if (first == null || !(first.get("payload") instanceof String payload)) {
                return java.util.Optional.empty();
            }
            try {
                JsonNode value = JSON.readTree(payload).path(field);
                return value.isTextual() ? java.util.Optional.of(value.asText()) : java.util.Optional.empty();
            } catch (java.io.IOException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
