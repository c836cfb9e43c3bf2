package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.command.CommandServiceApplication;
import cn.gongkai.ledger.infra.LedgerStandalone.EmbeddedInfrastructure;
import cn.gongkai.ledger.infra.testing.ServiceProcess;
import cn.gongkai.ledger.privacy.MasterKey;
import cn.gongkai.ledger.query.QueryServiceApplication;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import cn.gongkai.ledger.report.projection.ReportProjectorApplication;
import cn.gongkai.ledger.security.Role;
import cn.gongkai.ledger.security.UserStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The three services as three operating-system processes (command service, report projector, query service), each
 * its own JVM on its own port, over one MongoDB and one Kafka broker (here the embedded ones, in the test's JVM), as
 * the docker-compose and Kubernetes descriptors run them; and a browser's session through the query service's port
 * only: the query service is the front door ({@code LEDGER_COMMAND_SERVICE_URL}) that sends the commands on to the
 * command service with the session cookie and CSRF token as they came, so the workbench works the same as in the
 * one-process run. A command answered by the command service is read back through the query service after the
 * projector counted it; the projector killed with SIGKILL while commands stream loses nothing (restarted, its report
 * equals the fold over the event store); the door's own refusals are problem details; with the command service
 * killed a command is 503 with nothing stored, and reads go on.
 */
class ThreeServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "gongkai-ledger";
    private static final String AGENCY = "three-bureau";
    private static final String USER = "sun.clerk";
    private static final String PASSWORD = "sun-clerk-passw0rd";
    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    static Path data;
    static EmbeddedInfrastructure infrastructure;
    static MongoClient mongo;
    static ServiceProcess command;
    static ServiceProcess projector;
    static ServiceProcess query;
    static String door;

    @BeforeAll
    static void start() {
        infrastructure = EmbeddedInfrastructure.start(data, 0, 0, false);
        byte[] key = new byte[MasterKey.BYTES];
        new java.security.SecureRandom().nextBytes(key);
        List<String> shared = List.of("--MONGODB_URI=" + infrastructure.mongo().uri(),
                "--KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafka().bootstrapServers(),
                "--ledger.privacy.master-key=" + Base64.getEncoder().encodeToString(key));
        Path logs = Path.of("target", "three-services");
        command = ServiceProcess.start("command-service", CommandServiceApplication.class, shared, logs);
        projector = ServiceProcess.start("report-projector", ReportProjectorApplication.class, shared, logs);
        List<String> front = new ArrayList<>(shared);
        front.add("--LEDGER_COMMAND_SERVICE_URL=" + command.url());
        query = ServiceProcess.start("query-service", QueryServiceApplication.class, front, logs);
        for (ServiceProcess service : List.of(command, projector, query)) {
            service.awaitReady(START);
        }
        door = query.url();
        mongo = MongoClients.create(infrastructure.mongo().uri());
        // The first officer, as bin/ledger-user creates one: straight into the user store the services share.
        new UserStore(mongo.getDatabase(DATABASE), new BCryptPasswordEncoder(4), Clock.systemUTC()).create(USER,
                PASSWORD.toCharArray(), new AgencyId(AGENCY), EnumSet.allOf(Role.class), "three-services-test");
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[] {query, projector, command}) {
            if (service != null) {
                service.close();
            }
        }
        if (mongo != null) {
            mongo.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aBrowserSessionWorksThroughTheQueryServicesPortAlone() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThat(List.of(command.pid(), projector.pid(), query.pid())).doesNotContain(self).doesNotHaveDuplicates();
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
        HttpResponse<String> registered = browser.send("POST", "/api/requests", request("2025-001", "2025-03-03", "孙某"));
        assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 201);
        String position = JSON.readTree(registered.body()).path("position").asText();
        assertThat(position).isNotEmpty();

        // Read back through the same port once the projector (its own process) has counted it.
        // (The first event also waits for the projector's consumer to join its group: the read asks again while the
        // read side answers that it is behind, as the workbench does.)
        HttpResponse<String> read = RunningLedger.await(() -> browser.get("/api/requests/" + AGENCY + ":2025-001?after="
                + position), r -> r.statusCode() != 503, Duration.ofSeconds(90));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("2025-03-03", "IN_PERSON");
        HttpResponse<String> deadline = browser.send("GET", "/api/requests/" + AGENCY + ":2025-001/deadline?asOf=2025-03-04&after="
                + position, null);
        assertThat(deadline.statusCode()).as(deadline.body()).isEqualTo(200);

        // A refusal of the command service comes back whole, as a problem detail in the language asked for.
        HttpResponse<String> twice = browser.send("POST", "/api/requests", request("2025-001", "2025-03-03", "孙某"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        // Without the CSRF token the door itself refuses, before anything reaches the command service.
        HttpResponse<String> forged = browser.sendWithoutCsrf("POST", "/api/requests", "{\"agencyId\":\"" + AGENCY + "\"}");
        assertThat(forged.statusCode()).isEqualTo(403);

        // The projector killed (SIGKILL) while commands stream: every command is still accepted, and once it is
        // started again it goes on from its stored offsets, so the served report equals the fold of the event store.
        for (int i = 2; i <= 13; i++) {
            if (i == 6) {
                projector.kill();
            }
            HttpResponse<String> accepted = browser.send("POST", "/api/requests",
                    request("2025-%03d".formatted(i), "2025-03-%02d".formatted(i + 3), "钱某" + i));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        }
        assertThat(projector.isAlive()).isFalse();
        projector.start();
        projector.awaitReady(START);
        JsonNode folded = RunningLedger.foldedTables(
                new MongoEventStoreReader(mongo.getDatabase(DATABASE)).readAll(), AGENCY, 2025);
        assertThat(folded.get("table3").get("一").get("总计").asInt()).as("every request received").isEqualTo(13);
        JsonNode served = RunningLedger.await(() -> servedTables(browser), folded::equals, Duration.ofSeconds(90));
        assertThat(served).isEqualTo(folded);

        // The command service killed: a command is 503 with nothing stored; reads go on.
        command.kill();
        HttpResponse<String> down = browser.send("POST", "/api/requests", request("2025-099", "2025-03-05", "周某"));
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(down.body());
        assertThat(problem.path("code").asText()).isEqualTo("COMMAND_SERVICE_UNAVAILABLE");
        assertThat(problem.path("messageZh").asText()).contains("未保存");
        assertThat(browser.send("GET", "/api/requests/" + AGENCY + ":2025-001", null).statusCode()).isEqualTo(200);
        assertThat(browser.send("GET", "/api/requests/" + AGENCY + ":2025-099", null).statusCode()).isEqualTo(404);
    }

    private static String request(String trackingNumber, String receivedOn, String applicant) {
        return "{\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\"" + trackingNumber
                + "\",\"channel\":\"IN_PERSON\",\"receivedOn\":\"" + receivedOn
                + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"" + applicant
                + "\"},\"subject\":\"2024年部门决算\"}";
    }

    private static JsonNode servedTables(Browser browser) {
        HttpResponse<String> report = browser.get("/api/reports/" + AGENCY + "/2025?format=2021");
        try {
            return report.statusCode() == 200 ? RunningLedger.tables(JSON.readTree(report.body()))
                    : JSON.createObjectNode().put("status", report.statusCode());
        } catch (java.io.IOException e) {
            throw new AssertionError(report.body(), e);
        }
    }

    /** A browser's HTTP: its cookie jar, and the CSRF token from the {@code XSRF-TOKEN} cookie sent back as header. */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return send(method, path, json, true);
        }

        /** A GET; an exception (the door not answering) is an error of the test. */
        HttpResponse<String> get(String path) {
            try {
                return send("GET", path, null, true);
            } catch (Exception e) {
                throw new AssertionError("GET " + path, e);
            }
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
}
