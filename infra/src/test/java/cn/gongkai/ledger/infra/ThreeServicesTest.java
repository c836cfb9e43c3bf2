package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.command.CommandServiceApplication;
import cn.gongkai.ledger.infra.LedgerStandalone.EmbeddedInfrastructure;
import cn.gongkai.ledger.privacy.MasterKey;
import cn.gongkai.ledger.query.QueryServiceApplication;
import cn.gongkai.ledger.report.projection.ReportProjectorApplication;
import cn.gongkai.ledger.security.Role;
import cn.gongkai.ledger.security.UserStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services as separate Spring applications, each on its own port (command, report projector, query),
 * over one MongoDB and one Kafka broker, and a browser's session through the query service's port only: the
 * query service is the front door ({@code LEDGER_COMMAND_SERVICE_URL}) that sends the commands on to the command
 * service with the session cookie and CSRF token as they came, so the workbench works the same as in the
 * one-process run. A command answered by the command service, read back through the query service after the
 * projector counted it; the door's own refusals are problem details, and with the command service down a command
 * is 503 with nothing stored.
 */
class ThreeServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY = "three-bureau";
    private static final String USER = "sun.clerk";
    private static final String PASSWORD = "sun-clerk-passw0rd";

    @TempDir
    static Path data;
    static EmbeddedInfrastructure infrastructure;
    static ConfigurableApplicationContext command;
    static ConfigurableApplicationContext projector;
    static ConfigurableApplicationContext query;
    static String door;

    @BeforeAll
    static void start() {
        System.setProperty("disable-axoniq-console-message", "true");
        infrastructure = EmbeddedInfrastructure.start(data, 0, 0, false);
        byte[] key = new byte[MasterKey.BYTES];
        new java.security.SecureRandom().nextBytes(key);
        List<String> shared = List.of("--server.port=0", "--MONGODB_URI=" + infrastructure.mongo().uri(),
                "--KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafka().bootstrapServers(),
                "--ledger.privacy.master-key=" + Base64.getEncoder().encodeToString(key));
        command = run(CommandServiceApplication.class, shared);
        projector = run(ReportProjectorApplication.class, shared);
        List<String> front = new ArrayList<>(shared);
        front.add("--LEDGER_COMMAND_SERVICE_URL=http://127.0.0.1:" + port(command));
        query = run(QueryServiceApplication.class, front);
        door = "http://127.0.0.1:" + port(query);
        query.getBean(UserStore.class).create(USER, PASSWORD.toCharArray(), new AgencyId(AGENCY), EnumSet.allOf(Role.class),
                "three-services-test");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {query, projector, command}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aBrowserSessionWorksThroughTheQueryServicesPortAlone() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.send("GET", "/", null).body()).contains("公开台账");
        browser.send("GET", "/api/auth/csrf", null);
        assertThat(browser.send("POST", "/api/auth/login", "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode()).isBetween(200, 204);
        // As a page does after signing in: who am I (and the fresh CSRF token the log-in rotated).
        assertThat(browser.send("GET", "/api/auth/me", null).body()).contains(USER);

        // Commands through the door: answered by the command service, the session and CSRF token carried over.
        HttpResponse<String> agency = browser.send("POST", "/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"三服务局\"}");
        assertThat(agency.statusCode()).as(agency.body()).isBetween(200, 201);
        HttpResponse<String> registered = browser.send("POST", "/api/requests", "{\"agencyId\":\"" + AGENCY
                + "\",\"trackingNumber\":\"2025-001\",\"channel\":\"IN_PERSON\",\"receivedOn\":\"2025-03-03\","
                + "\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"孙某\"},\"subject\":\"2024年部门决算\"}");
        assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 201);
        String position = JSON.readTree(registered.body()).path("position").asText();
        assertThat(position).isNotEmpty();

        // Read back through the same port once the projector (its own application) has counted it.
        HttpResponse<String> read = browser.send("GET", "/api/requests/" + AGENCY + ":2025-001?after=" + position, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("2025-03-03", "IN_PERSON");
        HttpResponse<String> deadline = browser.send("GET", "/api/requests/" + AGENCY + ":2025-001/deadline?asOf=2025-03-04&after="
                + position, null);
        assertThat(deadline.statusCode()).as(deadline.body()).isEqualTo(200);

        // A refusal of the command service comes back whole, as a problem detail in the language asked for.
        HttpResponse<String> twice = browser.send("POST", "/api/requests", "{\"agencyId\":\"" + AGENCY
                + "\",\"trackingNumber\":\"2025-001\",\"channel\":\"IN_PERSON\",\"receivedOn\":\"2025-03-03\","
                + "\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"孙某\"},\"subject\":\"2024年部门决算\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        // Without the CSRF token the door itself refuses, before anything reaches the command service.
        HttpResponse<String> forged = browser.sendWithoutCsrf("POST", "/api/requests", "{\"agencyId\":\"" + AGENCY + "\"}");
        assertThat(forged.statusCode()).isEqualTo(403);

        // The command service down: a command is 503 with nothing stored; reads go on.
        command.close();
        HttpResponse<String> down = browser.send("POST", "/api/requests", "{\"agencyId\":\"" + AGENCY
                + "\",\"trackingNumber\":\"2025-002\",\"channel\":\"IN_PERSON\",\"receivedOn\":\"2025-03-05\","
                + "\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"周某\"},\"subject\":\"2024年部门预算\"}");
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(down.body());
        assertThat(problem.path("code").asText()).isEqualTo("COMMAND_SERVICE_UNAVAILABLE");
        assertThat(problem.path("messageZh").asText()).contains("未保存");
        assertThat(browser.send("GET", "/api/requests/" + AGENCY + ":2025-001", null).statusCode()).isEqualTo(200);
        assertThat(browser.send("GET", "/api/requests/" + AGENCY + ":2025-002", null).statusCode()).isEqualTo(404);
    }

    /** A browser's HTTP: its cookie jar, and the CSRF token from the {@code XSRF-TOKEN} cookie sent back as header. */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return send(method, path, json, true);
        }

        HttpResponse<String> sendWithoutCsrf(String method, String path, String json) throws Exception {
            return send(method, path, json, false);
        }

        private HttpResponse<String> send(String method, String path, String json, boolean csrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(door + path)).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrf) {
                cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                        .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static ConfigurableApplicationContext run(Class<?> application, List<String> args) {
        SpringApplication app = new SpringApplication(application);
        app.setRegisterShutdownHook(false);
        return app.run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}
