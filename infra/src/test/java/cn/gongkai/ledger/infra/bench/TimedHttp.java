package cn.gongkai.ledger.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One HTTP/1.1 client (one keep-alive connection for sequential calls) that times every exchange. */
final class TimedHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String authorization;

    /** Every request carries the bearer token. */
    TimedHttp(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Bearer " + token;
    }

    /**
     * An exchange: status, body, and the nanoseconds from sending the request to having read the whole answer.
     *
     * @param answeredAt {@link System#nanoTime()} when the answer had been read
     */
    record Exchange(int status, String body, long nanos, long answeredAt) {
        double millis() {
            return nanos / 1e6;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** This exchange, or an exception naming what was answered instead of {@code expected}. */
        Exchange expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + ", answered " + status + ": " + body);
            }
            return this;
        }
    }

    Exchange get(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    Exchange post(String path, String contentType, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Exchange exchange(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            return new Exchange(response.statusCode(), response.body(), end - start, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
