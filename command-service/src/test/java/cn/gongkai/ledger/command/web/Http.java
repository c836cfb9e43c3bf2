package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.command.infrastructure.TestMongo;
import cn.gongkai.ledger.security.testing.TestOfficers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A plain HTTP client for the tests: raw bodies in, status, headers and JSON out. Every request carries the bearer
 * token of the officer of the agency it is for ({@link TestOfficers}), unless sent {@link #anonymous}.
 */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final TestOfficers officers;

    public Http(int port, String database) {
        this.base = "http://127.0.0.1:" + port;
        this.officers = TestOfficers.of(TestMongo.uri(), database);
    }

    /** The user name every event of the agency's test officer records. */
    public static String officerOf(String agency) {
        return TestOfficers.usernameFor(agency);
    }

    public TestOfficers officers() {
        return officers;
    }

    public Response post(String path, String contentType, String body, Map<String, String> headers) {
        return post(path, officers.tokenForRequest(path, body), contentType, body, headers);
    }

    /** With the given bearer token, or none if null. */
    public Response post(String path, String token, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * Any request with raw bytes (null: no body) and the given headers, with the bearer token of the officer of the
     * agency the path (or the body, read as UTF-8) names.
     */
    public Response send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String token = officers.tokenForRequest(path, body == null ? null
                : new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A JSON command by the officer of the agency it names. */
    public Response command(String path, String json) {
        return post(path, "application/json", json, Map.of());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + officers.tokenForRequest(path, null)).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
