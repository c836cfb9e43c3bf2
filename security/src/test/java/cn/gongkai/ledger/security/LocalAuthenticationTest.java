package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.securitytest.SecurityTestApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The local mode over real HTTP: sessions with CSRF for the browser, bearer tokens for scripts, log-in throttling,
 * users created by an administrator, and nothing reachable anonymously but log-in and health.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.security.bcrypt-strength=4", "ledger.security.login.max-failures=3",
                "ledger.security.login.lockout=PT1M"})
class LocalAuthenticationTest {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    static {
        MONGO.bind("127.0.0.1", 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    UserStore users;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort());
        registry.add("spring.data.mongodb.database", () -> "security-test");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @BeforeEach
    void aUser() {
        if (users.find("li.clerk").isEmpty()) {
            users.create("li.clerk", PASSWORD.toCharArray(), new cn.gongkai.ledger.api.common.AgencyId("demo-bureau"),
                    EnumSet.of(Role.REGISTRAR, Role.HANDLER), "test");
            users.create("an.admin", PASSWORD.toCharArray(), new cn.gongkai.ledger.api.common.AgencyId("demo-bureau"),
                    EnumSet.of(Role.ADMIN), "test");
        }
    }

    @Test
    void aBrowserLogsInWithCsrfAndItsSessionCarriesTheOfficer() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.get("/api/auth/me").statusCode()).isEqualTo(401);

        // A log-in without the CSRF token is refused, whatever the password.
        var withoutCsrf = browser.post("/api/auth/login", credentials("li.clerk", PASSWORD), null);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(json(withoutCsrf).get("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");

        String csrf = json(browser.get("/api/auth/csrf")).get("token").asText();
        assertThat(browser.cookie("XSRF-TOKEN")).isEqualTo(csrf);
        var login = browser.post("/api/auth/login", credentials("li.clerk", PASSWORD), csrf);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(json(login).get("agencyId").asText()).isEqualTo("demo-bureau");
        String session = browser.cookie(SessionRepository.COOKIE);
        assertThat(session).startsWith(TokenStore.PREFIX);
        // The session is not a bearer token.
        assertThat(get("/api/auth/me", Map.of("Authorization", "Bearer " + session)).statusCode()).isEqualTo(401);

        var me = browser.get("/api/auth/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("username").asText()).isEqualTo("li.clerk");
        assertThat(json(me).get("roles").findValuesAsText("label")).containsExactly("登记", "承办");

        // The token is rotated at log-in: the old one no longer passes, the new cookie does.
        String rotated = browser.cookie("XSRF-TOKEN");
        assertThat(rotated).isNotEqualTo(csrf);
        assertThat(browser.post("/api/auth/logout", "", csrf).statusCode()).isEqualTo(403);
        assertThat(browser.post("/api/auth/logout", "", rotated).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/auth/me").statusCode()).isEqualTo(401);
        // Revoked on the server: the old cookie sent again is no session either.
        assertThat(get("/api/auth/me", Map.of("Cookie", SessionRepository.COOKIE + "=" + session)).statusCode())
                .isEqualTo(401);
    }

    /** A session started on one replica goes on on another of the same database: nothing is in a server's memory. */
    @Test
    void aSessionStartedOnOneReplicaIsValidOnAnother() throws Exception {
        Browser browser = new Browser();
        String csrf = json(browser.get("/api/auth/csrf")).get("token").asText();
        assertThat(browser.post("/api/auth/login", credentials("li.clerk", PASSWORD), csrf).statusCode()).isEqualTo(200);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(SecurityTestApplication.class)
                .properties("server.port=0", "ledger.security.bcrypt-strength=4",
                        "spring.data.mongodb.uri=mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort(),
                        "spring.data.mongodb.database=security-test").run()) {
            int otherPort = ((ServletWebServerApplicationContext) other).getWebServer().getPort();
            var me = browser.get(otherPort, "/api/auth/me");
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(json(me).get("username").asText()).isEqualTo("li.clerk");
            // A log-out on the other replica ends the session on this one too.
            assertThat(browser.post(otherPort, "/api/auth/logout", "", browser.cookie("XSRF-TOKEN")).statusCode())
                    .isEqualTo(204);
            assertThat(browser.get("/api/auth/me").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aScriptGetsABearerTokenThatNeedsNoCsrfAndEndsAtLogout() throws Exception {
        var issued = post("/api/auth/tokens", credentials("li.clerk", PASSWORD), Map.of());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = json(issued).get("token").asText();
        assertThat(token).startsWith(TokenStore.PREFIX);
        assertThat(json(issued).get("tokenType").asText()).isEqualTo("Bearer");

        long sessions = storedSessions();
        var me = get("/api/auth/me", Map.of("Authorization", "Bearer " + token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("username").asText()).isEqualTo("li.clerk");
        // A script's request starts no browser session: no cookie is set, no session is stored.
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SessionRepository.COOKIE) || c.startsWith("JSESSIONID"));
        assertThat(get("/api/auth/me", Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
        assertThat(storedSessions()).isEqualTo(sessions);

        assertThat(get("/api/auth/me", Map.of("Authorization", "Bearer glt_forged")).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/logout", "", Map.of("Authorization", "Bearer " + token)).statusCode())
                .isEqualTo(204);
        assertThat(get("/api/auth/me", Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/tokens", credentials("li.clerk", "wrong password!"), Map.of()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheUserOutEvenWithTheRightPassword() throws Exception {
        users.create("target.user", PASSWORD.toCharArray(), new cn.gongkai.ledger.api.common.AgencyId("demo-bureau"),
                EnumSet.of(Role.AUDITOR), "test");
        for (int i = 0; i < 3; i++) {
            var failed = post("/api/auth/tokens", credentials("target.user", "guess number " + i), Map.of());
            assertThat(failed.statusCode()).isEqualTo(401);
            assertThat(json(failed).get("code").asText()).isEqualTo("BAD_CREDENTIALS");
        }
        var locked = post("/api/auth/tokens", credentials("target.user", PASSWORD), Map.of());
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(json(locked).get("code").asText()).isEqualTo("LOGIN_THROTTLED");
        assertThat(Integer.parseInt(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 61);
    }

    @Test
    void onlyLogInHealthTheCsrfTokenAndThePageShellsAreAnonymous() throws Exception {
        assertThat(get("/api/health", Map.of()).statusCode()).isEqualTo(200);
        // The workbench's static pages are public shells (no data): they send to the log-in page on a 401.
        assertThat(get("/login.html", Map.of()).statusCode()).isNotEqualTo(401);
        for (String path : new String[] {"/api/auth/me", "/api/admin/users", "/api/audit", "/api/requests",
                "/api/anything-else", "/api/vocabulary", "/api/agencies", "/anything.js"}) {
            var answer = get(path, Map.of());
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(json(answer).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void anAdministratorCreatesUsersOfTheirAgencyOnlyAndOthersMayNot() throws Exception {
        String admin = token("an.admin");
        String clerk = token("li.clerk");
        String body = "{\"username\":\"new.handler\",\"password\":\"" + PASSWORD
                + "\",\"agencyId\":\"demo-bureau\",\"roles\":[\"HANDLER\",\"审批\"]}";
        assertThat(post("/api/admin/users", body, Map.of("Authorization", "Bearer " + clerk)).statusCode())
                .isEqualTo(403);
        var created = post("/api/admin/users", body, Map.of("Authorization", "Bearer " + admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("roles").findValuesAsText("name")).containsExactly("HANDLER", "APPROVER");
        assertThat(post("/api/admin/users", body, Map.of("Authorization", "Bearer " + admin)).statusCode())
                .isEqualTo(409);
        var elsewhere = post("/api/admin/users", body.replace("new.handler", "other.one")
                .replace("demo-bureau", "other-bureau"), Map.of("Authorization", "Bearer " + admin));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(json(elsewhere).get("code").asText()).isEqualTo("OTHER_AGENCY");
        var weak = post("/api/admin/users", body.replace("new.handler", "weak.one").replace(PASSWORD, "short"),
                Map.of("Authorization", "Bearer " + admin));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(users.find("new.handler").orElseThrow().has(Role.APPROVER)).isTrue();
    }

    private String token(String username) throws Exception {
        return json(post("/api/auth/tokens", credentials(username, PASSWORD), Map.of())).get("token").asText();
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** A client that keeps cookies, as a browser does. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) throws Exception {
            return get(port, path);
        }

        HttpResponse<String> get(int on, String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, String csrf) throws Exception {
            return post(port, path, body, csrf);
        }

        HttpResponse<String> post(int on, String path, String body, String csrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrf != null) {
                request.header("X-XSRF-TOKEN", csrf);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }
    }

    /** The browser sessions held in the token store. */
    private static long storedSessions() {
        try (var client = com.mongodb.client.MongoClients.create(
                "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort())) {
            return client.getDatabase("security-test").getCollection(TokenStore.COLLECTION)
                    .countDocuments(com.mongodb.client.model.Filters.eq("kind", "session"));
        }
    }

}
