package cn.gongkai.ledger.problem.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every service on its own Tomcat answers for what the container refuses before the application sees it — a
 * URL with {@code %00} or an encoded slash, headers over its limit — and for what no endpoint takes: bilingual
 * problem details (the problem module's error page and valve), never Tomcat's or Spring's default page. A service's
 * test extends this with its {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and names two of its paths; the
 * read model is an in-memory MongoDB-compatible server.
 */
public abstract class ContainerProblemsContract {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        MONGO.bind("127.0.0.1", 0);
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("MONGODB_URI", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort());
        registry.add("MONGODB_DATABASE", () -> "container-problems");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    /** A path of the service with one segment, where the test puts an encoded slash ({@code /api/requests/}). */
    protected abstract String pathWithSegment();

    /** A path the service answers with GET. */
    protected abstract String readablePath();

    @Test
    void urlsTheContainerRefusesHeadersTooLargeAndUnknownPathsAreBilingualProblems() throws Exception {
        assertProblem(get("/api/%00", null), 400, "BAD_REQUEST");
        assertProblem(get(pathWithSegment() + "a%2Fb", null), 400, "BAD_REQUEST");
        assertProblem(get(readablePath(), "x".repeat(70 * 1024)), 431, "HEADERS_TOO_LARGE");
        HttpResponse<String> unknown = get("/api/no-such-thing", null);
        assertThat(unknown.statusCode()).as(unknown.body()).isIn(401, 403, 404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private HttpResponse<String> get(String path, String padding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (padding != null) {
            request.header("X-Padding", padding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("urn:gongkai-ledger:problem:" + code);
        assertThat(problem.get("messageZh").asText().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).isTrue();
        assertThat(problem.get("messageEn").asText()).isNotBlank();
    }
}
