package cn.gongkai.ledger.problem.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service that imports nothing but the problem module answers every error of the web layer and of Tomcat itself
 * as a bilingual RFC 9457 problem detail: unknown paths, methods, media types, what it cannot produce, URLs Tomcat
 * refuses ({@code %00}, an encoded slash, malformed percent-encoding) and headers over the container's limit (431).
 * Requests go over a raw socket, so that nothing on the client side cleans them up.
 */
@SpringBootTest(classes = EveryErrorIsAProblemTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.max-http-request-header-size=64KB")
class EveryErrorIsAProblemTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class Service {
    }

    @RestController
    static class Endpoints {
        @GetMapping(value = "/api/things", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> things() {
            return Map.of("thing", "一");
        }

        @PostMapping(value = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> add(@RequestBody Map<String, Object> thing) {
            return thing;
        }
    }

    @Test
    void theServiceStillAnswersItsEndpoints() throws IOException {
        Answer ok = send("GET /api/things HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("\"thing\":\"一\"");
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblems() throws IOException {
        assertProblem(send("GET /api/no-such-thing HTTP/1.1\r\nHost: localhost\r\n"), 404, "NOT_FOUND");
        assertProblem(send("DELETE /api/things HTTP/1.1\r\nHost: localhost\r\n"), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send("GET /api/things HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"), 406, "NOT_ACCEPTABLE");
        assertProblem(send("POST /api/things HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\n\r\n{}"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void urlsTomcatRefusesAreProblemsNotItsHtmlPage() throws IOException {
        for (String path : new String[] {"/api/%00", "/api/a%2Fb", "/api/%zz", "/api/%C0%AE%C0%AE/x", "/api/a%5Cb"}) {
            Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            assertThat(answer.status()).as(path + " " + answer.body()).isBetween(400, 404);
            assertProblem(answer, answer.status(), answer.status() == 400 ? "BAD_REQUEST" : "NOT_FOUND");
        }
    }

    @Test
    void headersOverTheContainersLimitAre431() throws IOException {
        Answer answer = send("GET /api/things HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(70 * 1024) + "\r\n");
        assertProblem(answer, 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void theProblemIsInEnglishWhenTheClientPrefersIt() throws IOException {
        Answer answer = send("GET /api/no-such-thing HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n");
        JsonNode problem = assertProblem(answer, 404, "NOT_FOUND");
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        assertThat(problem.get("detail").asText()).isEqualTo(problem.get("messageEn").asText());
    }

    private JsonNode assertProblem(Answer answer, int status, String code) throws IOException {
        assertThat(answer.status()).as(answer.head() + answer.body()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("urn:gongkai-ledger:problem:" + code);
        String zh = problem.get("messageZh").asText();
        assertThat(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("Chinese: " + zh).isTrue();
        assertThat(zh).doesNotContain("Exception", "Tomcat", "<html");
        assertThat(problem.get("messageEn").asText()).isNotBlank();
        return problem;
    }

    private record Answer(int status, String head, String body) {
    }

    /** Sends the request head (and body) as given, with {@code Connection: close}, and reads the whole answer. */
    private Answer send(String request) throws IOException {
        String raw = request.contains("\r\n\r\n") ? request.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                : request + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int lineEnd = indexOf(bytes, i);
            int size = Integer.parseInt(new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            i = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
