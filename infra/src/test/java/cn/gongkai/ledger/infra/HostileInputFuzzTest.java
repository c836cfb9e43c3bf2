package cn.gongkai.ledger.infra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.command.web.CommandBody;
import cn.gongkai.ledger.command.web.CommandOpenApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile and careless input against the running embedded ledger (HTTP, MongoDB-compatible server, Kafka,
 * projector): thousands of generated malformed REST requests on every command endpoint and malformed import lines.
 * Each generated input is invalid by construction (a wrong type, a value outside {@link InputLimits}, a removed
 * required field, an unknown or duplicated field, broken JSON or UTF-8, a bad id, header, method, path or media
 * type). Every one must be answered with a 4xx RFC 9457 problem detail in bounded time, no 5xx, none accepted, and
 * afterwards the event store and every served report are byte for byte what they were.
 */
class HostileInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String AGENCY = "fz-agency";
    private static final Map<String, String> IDS = Map.of(
            "agencyId", AGENCY, "requestId", AGENCY + ":fz-0001", "reconsiderationId", "rc-fz-1",
            "lawsuitId", "ls-fz-1", "documentId", "nd-fz-1");
    /** The bound on one hostile request's answer (a refusal is decided before anything is stored: milliseconds). */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Setting up (the seed import, the reports before and after) is not bounded like a hostile request. */
    private static final Duration SETUP = Duration.ofSeconds(120);
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private static RunningLedger ledger;
    private static Path dataDir;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(BOUND).build();
    private static String base;
    private static String token;
    private static final List<Endpoint> ENDPOINTS = new ArrayList<>();
    private static List<String> eventStoreBefore;
    private static Map<String, String> reportsBefore;
    /** An instant after the seed: the report as known then is read before and after the hostile input. */
    private static String knownAt;

    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger CLIENT_ERRORS = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final AtomicInteger ACCEPTED_BUT_WRONG = new AtomicInteger();
    private static final AtomicLong SLOWEST_NANOS = new AtomicLong();

    /** A command endpoint: its path with the seeded ids filled in, its command and a valid body for it. */
    record Endpoint(String path, Class<? extends LedgerCommand> type, ObjectNode validBody, ObjectNode schema) {
    }

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("ledger-fuzz");
        ledger = RunningLedger.start(dataDir);
        base = "http://127.0.0.1:" + ledger.port();
        token = ledger.tokenFor(AGENCY);
        seed();
        RequestMappingHandlerMapping mappings = ledger.bean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            CommandBody body = entry.getValue().getMethodAnnotation(CommandBody.class);
            if (body != null) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    Set<String> fromUrl = new LinkedHashSet<>();
                    Matcher variable = VARIABLE.matcher(pattern);
                    StringBuilder path = new StringBuilder();
                    while (variable.find()) {
                        fromUrl.add(variable.group(1));
                        variable.appendReplacement(path, IDS.get(variable.group(1)));
                    }
                    variable.appendTail(path);
                    ObjectNode schema = io.swagger.v3.core.util.Json.mapper()
                            .valueToTree(CommandOpenApi.bodySchema(body.value(), fromUrl));
                    ENDPOINTS.add(new Endpoint(path.toString(), body.value(), (ObjectNode) valid(schema), schema));
                }
            }
        }
        ENDPOINTS.sort((a, b) -> a.path().compareTo(b.path()));
        assertThat(ENDPOINTS).hasSize(42);   // every command endpoint (@CommandBody), opening balances included
        ledger.awaitServedEqualsFold(AGENCY, 2024);
        knownAt = java.time.Instant.now().toString();
        eventStoreBefore = eventStore();
        reportsBefore = reports();
    }

    @AfterContainer
    static void stop() throws IOException {
        try {
            assertThat(eventStore()).as("the event store after every hostile input").isEqualTo(eventStoreBefore);
            assertThat(reports()).as("every served report after every hostile input").isEqualTo(reportsBefore);
            System.out.printf("FUZZ inputs tried=%d, 4xx=%d, 5xx=%d, accepted-but-wrong=%d, slowest=%d ms%n",
                    TRIED.get(), CLIENT_ERRORS.get(), SERVER_ERRORS.get(), ACCEPTED_BUT_WRONG.get(),
                    SLOWEST_NANOS.get() / 1_000_000);
            assertThat(TRIED.get()).isGreaterThanOrEqualTo(10_000);
            assertThat(SERVER_ERRORS.get()).isZero();
            assertThat(ACCEPTED_BUT_WRONG.get()).isZero();
            assertThat(CLIENT_ERRORS.get()).isEqualTo(TRIED.get());
        } finally {
            ledger.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One malformed REST command on any command endpoint. */
    @Property(tries = 3000, shrinking = ShrinkingMode.OFF, seed = "20261201")
    void aMalformedCommandIsAProblemAndStoresNothing(@ForAll @IntRange(min = 0, max = 36) int endpoint,
                                                    @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Endpoint target = ENDPOINTS.get(endpoint);
        Random random = new Random(seed);
        Request request = hostileRequest(target, random);
        check(request, send(request));
    }

    /**
     * The reads of a report's versions (as known at an instant, the versions, their difference, the pending
     * revision) given a malformed or impossible instant, version, year or agency: a problem, never a 5xx.
     */
    @Property(tries = 60, shrinking = ShrinkingMode.OFF, seed = "20261203")
    void aHostileVersionReadIsAProblem(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        String instant = pick(random, "yesterday", "2024-13-01T00:00:00Z", "9999-01-01T00:00:00Z", "2024-02-30T10:00",
                "2024-01-01T00:00:00+25:00", "x".repeat(InputLimits.ID_MAX_LENGTH + 1), "", "12345", "-1");
        String year = pick(random, "2024", "2024", "1900", "99999", "x");
        String agency = pick(random, AGENCY, AGENCY, AGENCY, "nobody", "fz%20agency");
        String reports = "/api/reports/" + agency + "/" + year;
        String path = switch (random.nextInt(5)) {
            case 0 -> reports + "?knownAt=" + instant;
            case 1 -> reports + "/versions/diff?from=" + instant + "&to=current";
            case 2 -> reports + "/versions/diff?from=" + pick(random, "7", "0", "current") + (random.nextBoolean() ? "" : "&to=" + instant);
            case 3 -> reports + "/revision";
            default -> reports + "/versions?format=" + pick(random, "2020", "x", "2021") + "&appealPolicy="
                    + pick(random, "EVER", "OPEN_IN_YEAR") + (agency.equals(AGENCY) && year.equals("2024") ? "&format=9" : "");
        };
        check(new Request("GET", path, Map.of("Authorization", "Bearer " + token), null),
                send(new Request("GET", path, Map.of("Authorization", "Bearer " + token), null)));
    }

    /** An import body of 500 malformed lines, each a line as hostile as a REST body. */
    @Property(tries = 16, shrinking = ShrinkingMode.OFF, seed = "20261202")
    void everyMalformedImportLineIsRejectedWithAProblem(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int lines = 500;
        for (int i = 0; i < lines; i++) {
            body.writeBytes(hostileLine(ENDPOINTS.get(random.nextInt(ENDPOINTS.size())), random));
            body.write('\n');
        }
        Request request = new Request("POST", "/api/import", headers("application/x-ndjson"), body.toByteArray());
        Answer answer = send(request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("accepted").asInt()).as(answer.body()).isZero();
        for (JsonNode result : report.get("results")) {
            TRIED.incrementAndGet();
            int status = result.get("problem").get("status").asInt();
            if (status >= 500) {
                SERVER_ERRORS.incrementAndGet();
            } else if (status >= 400) {
                CLIENT_ERRORS.incrementAndGet();
                assertProblem(result.get("problem"), "line " + result.get("line"));
            }
        }
        assertThat(report.get("results")).hasSize(lines);
    }

    // ---- generation -------------------------------------------------------------------------------------------

    record Request(String method, String path, Map<String, String> headers, byte[] body) {
    }

    private static Request hostileRequest(Endpoint target, Random random) {
        int kind = random.nextInt(12);
        return switch (kind) {
            case 0 -> new Request("POST", target.path(), headers("text/plain"), target.validBody().toString().getBytes(UTF_8));
            case 1 -> {
                Map<String, String> headers = headers("application/json");
                headers.remove("Authorization");
                yield new Request("POST", target.path(), headers, target.validBody().toString().getBytes(UTF_8));
            }
            case 2 -> {
                Map<String, String> headers = headers("application/json");
                headers.put("Authorization", pick(random, "Bearer x", "Bearer " + token + "x", "Basic YTpi",
                        "Bearer", "bearer " + token.substring(1), "Bearer " + "x".repeat(InputLimits.NAME_MAX_LENGTH + 1)));
                yield new Request("POST", target.path(), headers, target.validBody().toString().getBytes(UTF_8));
            }
            case 3 -> new Request(pick(random, "GET", "PUT", "DELETE", "PATCH"),
                    target.path().startsWith("/api/requests/") ? target.path() : "/api/import", headers("application/json"),
                    null);
            // (a NUL or other byte Tomcat refuses in the URL itself is answered by Tomcat's own page: not covered yet)
            case 4 -> new Request("POST", target.path() + pick(random, "/x", "/..", "/%20"), headers("application/json"),
                    target.validBody().toString().getBytes(UTF_8));
            case 5 -> badPathId(target, random);
            default -> new Request("POST", target.path(), headers("application/json"), hostileJson(target, random));
        };
    }

    /** A URL whose id is outside the id alphabet (or names no case). */
    private static Request badPathId(Endpoint target, Random random) {
        String bad = pick(random, "fz%20agency", "fz%5Bagency", "fz%25agency", "fz%7Cagency", "fz%5Eagency",
                "fz%22agency", "fz%E2%80%8Bagency", "..", "fz-agency%3Anever", "-fz",
                "x".repeat(InputLimits.ID_MAX_LENGTH + 1), "%EF%BC%A6z");
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            if (target.path().contains("/" + id.getValue() + "/") || target.path().endsWith("/" + id.getValue())) {
                String replaced = target.path().replace(id.getValue(), id.getKey().equals("requestId")
                        ? AGENCY + ":" + bad : bad);
                return new Request("POST", replaced, headers("application/json"),
                        target.validBody().toString().getBytes(UTF_8));
            }
        }
        return new Request("POST", target.path(), headers("application/json"), hostileJson(target, random));
    }

    private static byte[] hostileLine(Endpoint target, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return pick(random, "not json", "[1,2]", "\"ReceiveRequest\"", "{\"command\":\"Teleport\"}",
                    "{\"command\":42}", "{}", "null", "{\"command\":\"RegisterAgency\"", "\uFEFF{\"command\":1}")
                    .getBytes(UTF_8);
        }
        ObjectNode line = target.validBody().deepCopy();
        for (String id : IDS.keySet()) {
            if (target.path().contains(IDS.get(id)) && !line.has(id)) {
                line.put(id, IDS.get(id));
            }
        }
        ObjectNode withCommand = JSON.createObjectNode().put("command", target.type().getSimpleName());
        withCommand.setAll(line);
        Endpoint asLine = new Endpoint(target.path(), target.type(), withCommand, target.schema());
        byte[] json = hostileJson(asLine, random);
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(json));
        } catch (java.nio.charset.CharacterCodingException e) {
            // a byte that is not UTF-8 refuses the whole import body (tested on its own): a line gets a broken object
            return "{\"command\":\"ReceiveRequest\",".getBytes(UTF_8);
        }
        for (byte b : json) {
            if (b == '\n' || b == '\r') {
                return "{\"command\":".getBytes(UTF_8);
            }
        }
        return json;
    }

    /** The endpoint's valid body with one change that makes it invalid. */
    private static byte[] hostileJson(Endpoint target, Random random) {
        ObjectNode body = target.validBody().deepCopy();
        ObjectNode schema = target.schema();
        List<String> fields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        List<String> required = new ArrayList<>();
        if (schema.has("required")) {
            schema.get("required").forEach(r -> required.add(r.asText()));
        }
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode fieldSchema = schema.get("properties").get(field);
        String text = body.toString();
        switch (random.nextInt(9)) {
            case 0 -> {
                if (required.isEmpty()) {
                    body.put("colour", "blue");
                } else {
                    body.remove(required.get(random.nextInt(required.size())));
                }
            }
            case 1 -> body.put(pick(random, "colour", "recorded", "requestId ", "Subject", "__proto__"), "x");
            case 2 -> {
                String json = body.toString();
                return ("{\"" + field + "\":" + body.get(field) + "," + json.substring(1)).getBytes(UTF_8);
            }
            case 3 -> {
                // a proper prefix of a JSON object is never a complete one; no suffix here closes it
                int cut = 1 + random.nextInt(text.length() - 1);
                return (text.substring(0, cut) + pick(random, "", "]", ",", "'")).getBytes(UTF_8);
            }
            case 4 -> {
                return (text + pick(random, "{}", "x", "]", "[1]", "\"", " 1")).getBytes(UTF_8);
            }
            case 5 -> {
                byte[] bytes = text.getBytes(UTF_8);
                int at = 1 + random.nextInt(bytes.length - 1);
                byte[] bad = pick(random, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {(byte) 0xED,
                        (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.writeBytes(bad);
                out.write(bytes, at, bytes.length - at);
                return out.toByteArray();
            }
            default -> body.set(field, wrongValue(fieldSchema, random));
        }
        return body.toString().getBytes(UTF_8);
    }

    /** A value the field's schema does not admit. */
    private static JsonNode wrongValue(JsonNode schema, Random random) {
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        String type = schema.path("type").asText();
        if (schema.has("enum")) {
            return pick(random, f.textNode("PIGEON"), f.textNode(schema.get("enum").get(0).asText().toLowerCase()),
                    f.numberNode(0), f.textNode(""), f.textNode(" " + schema.get("enum").get(0).asText()),
                    f.arrayNode().add(schema.get("enum").get(0).asText()), f.booleanNode(true));
        }
        return switch (type) {
            case "string" -> {
                if ("date".equals(schema.path("format").asText())) {
                    yield pick(random, f.numberNode(20000), f.arrayNode().add(2025).add(3).add(3),
                            f.textNode("2025-03-01T10:00:00"), f.textNode("1850-01-01"), f.textNode("2100-01-01"),
                            f.textNode("2024-02-30"), f.textNode("2024-13-01"), f.textNode("2025-3-1"),
                            f.textNode("20250301"), f.textNode("+2024-03-01"), f.textNode(" 2024-03-01"),
                            f.textNode("2024-03-01Z"), f.textNode(""), f.booleanNode(false));
                }
                if (schema.has("pattern")) {
                    yield pick(random, f.textNode("R 01"), f.textNode("R[01"), f.textNode("R%01"),
                            f.textNode("R|01"), f.textNode("R\\01"), f.textNode("R^01"), f.textNode("R\"01"),
                            f.textNode("R\u000001"), f.textNode("R01\u200b"), f.textNode("../../etc/passwd"),
                            f.textNode(""), f.textNode("x".repeat(schema.path("maxLength").asInt(64) + 1)),
                            f.textNode("Ｒ01"), f.textNode(" R01"), f.numberNode(1), f.objectNode());
                }
                int max = schema.path("maxLength").asInt(InputLimits.NAME_MAX_LENGTH);
                yield pick(random, f.textNode("长".repeat(max + 1 + random.nextInt(50))), f.textNode(" "),
                        f.textNode("a\u0000b"), f.textNode("a\u0007b"), f.textNode("a\u200bb"), f.textNode("a\u202eb"),
                        f.textNode("a\uFEFFb"), f.textNode("a\uE000b"), f.textNode(""),
                        f.numberNode(12), f.booleanNode(true), f.arrayNode().add("x"), f.objectNode().put("zh", "x"),
                        f.textNode("line\u2028break"));
            }
            case "integer" -> pick(random, f.numberNode(new java.math.BigDecimal("1.5")), f.textNode("10"),
                    f.numberNode(new java.math.BigDecimal("1.0")), f.numberNode(-1), f.numberNode(2147483648L),
                    f.numberNode(InputLimits.COUNT_MAX + 1), f.numberNode(new java.math.BigInteger("9223372036854775808")),
                    f.booleanNode(true), f.arrayNode().add(1), f.textNode(""), f.numberNode(new java.math.BigDecimal("1e2")));
            case "number" -> pick(random, f.numberNode(new java.math.BigInteger("9223372036854775808")),
                    f.numberNode(new java.math.BigDecimal("123456789012345678.91")), f.textNode("10.00"),
                    f.numberNode(new java.math.BigDecimal("-0.01")), f.numberNode(new java.math.BigDecimal("1E+3")),
                    f.numberNode(new java.math.BigDecimal("1E+400")), f.booleanNode(false), f.arrayNode().add(1),
                    f.textNode("NaN"));
            case "array" -> pick(random, f.textNode("DISCLOSED"), f.arrayNode().add("PIGEON"), f.arrayNode().add(1),
                    repeated(f, schema.path("items").path("enum").path(0).asText("DISCLOSED"),
                            InputLimits.LIST_MAX_SIZE + 1), f.objectNode());
            case "object" -> pick(random, f.textNode("王五"), f.arrayNode(), f.objectNode().put("type", "ALIEN"),
                    f.objectNode().put("type", "NATURAL_PERSON"), f.numberNode(1),
                    f.objectNode().put("type", "NATURAL_PERSON").put("name", "王五").put("extra", 1));
            default -> f.textNode("unexpected");
        };
    }

    private static ArrayNode repeated(JsonNodeFactory f, String value, int times) {
        ArrayNode array = f.arrayNode();
        for (int i = 0; i < times; i++) {
            array.add(value);
        }
        return array;
    }

    /** A valid value for every property of a schema (the endpoint's body before it is broken). */
    private static JsonNode valid(JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        if (schema.has("enum")) {
            return f.textNode(schema.get("enum").get(0).asText());
        }
        return switch (schema.path("type").asText()) {
            case "object" -> {
                ObjectNode object = f.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), valid(p.getValue())));
                yield object;
            }
            case "array" -> f.arrayNode().add(valid(schema.get("items")));
            case "integer" -> f.numberNode(1);
            case "number" -> f.numberNode(new java.math.BigDecimal("10.00"));
            default -> "date".equals(schema.path("format").asText()) ? f.textNode("2024-03-04")
                    : schema.has("pattern") ? f.textNode(schema.get("pattern").asText().contains(":")
                    ? AGENCY + ":fz-0001" : "fz-x") : f.textNode("某事项");
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", contentType);
        headers.put("Accept-Language", "zh-CN");
        return headers;
    }

    // ---- checking ---------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private static Answer send(Request request) {
        return send(request, BOUND);
    }

    private static Answer send(Request request, Duration bound) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path())).timeout(bound)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            long took = System.nanoTime() - started;
            SLOWEST_NANOS.accumulateAndGet(took, Math::max);
            assertThat(Duration.ofNanos(took)).as("time for " + request.path()).isLessThan(bound);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("no answer to " + request.method() + " " + request.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Request request, Answer answer) {
        TRIED.incrementAndGet();
        String what = request.method() + " " + request.path() + " "
                + new String(request.body() == null ? new byte[0] : request.body(), UTF_8) + " -> " + answer.body();
        if (answer.status() >= 500) {
            SERVER_ERRORS.incrementAndGet();
            throw new AssertionError("5xx: " + what);
        }
        if (answer.status() < 400) {
            ACCEPTED_BUT_WRONG.incrementAndGet();
            throw new AssertionError("accepted: " + what);
        }
        CLIENT_ERRORS.incrementAndGet();
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(answer.status());
        assertProblem(problem, what);
    }

    private static void assertProblem(JsonNode problem, String what) {
        assertThat(problem.path("type").asText()).as(what).startsWith("urn:gongkai-ledger:problem:");
        assertThat(problem.path("code").asText()).as(what).isNotBlank();
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        String zh = problem.path("messageZh").asText();
        assertThat(zh).as(what).isNotBlank().doesNotContain("Cannot ", "deserializ", "Unexpected", "[Source",
                "Exception", "token", "Jackson");
        assertThat(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as(what).isTrue();
        assertThat(problem.path("messageEn").asText()).as(what).isNotBlank();
    }

    // ---- the system's state -----------------------------------------------------------------------------------

    private static void seed() {
        String lines = String.join("\n",
                "{\"command\":\"RegisterAgency\",\"agencyId\":\"fz-agency\",\"name\":\"模糊测试局\"}",
                "{\"command\":\"IssueNormativeDocument\",\"agencyId\":\"fz-agency\",\"documentId\":\"nd-fz-1\","
                        + "\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"某办法\",\"issuedOn\":\"2024-02-20\"}",
                "{\"command\":\"ReceiveRequest\",\"agencyId\":\"fz-agency\",\"trackingNumber\":\"fz-0001\","
                        + "\"channel\":\"INTERNET\",\"receivedOn\":\"2024-03-04\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                        + "\"name\":\"王某\"},\"subject\":\"某事项\"}",
                "{\"command\":\"FileReconsideration\",\"reconsiderationId\":\"rc-fz-1\",\"agencyId\":\"fz-agency\","
                        + "\"reviewBody\":\"区政府\",\"applicantName\":\"王某\",\"filedOn\":\"2024-04-01\"}",
                "{\"command\":\"FileLawsuit\",\"lawsuitId\":\"ls-fz-1\",\"agencyId\":\"fz-agency\",\"court\":\"区法院\","
                        + "\"plaintiffName\":\"王某\",\"filedOn\":\"2024-05-01\",\"route\":\"DIRECT\"}");
        Answer answer = send(new Request("POST", "/api/import", headers("application/x-ndjson"), lines.getBytes(UTF_8)),
                SETUP);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rejected").asInt()).as(answer.body()).isZero();
    }

    private static List<String> eventStore() {
        return ledger.storedEventDocuments();
    }

    private static Map<String, String> reports() {
        Map<String, String> reports = new LinkedHashMap<>();
        for (int year = 2023; year <= 2025; year++) {
            for (String format : List.of("2021", "2019")) {
                String path = "/api/reports/" + AGENCY + "/" + year + "?format=" + format;
                reports.put(path, send(new Request("GET", path, Map.of("Authorization", "Bearer " + token), null), SETUP).body());
            }
        }
        for (String path : List.of("/api/reports/" + AGENCY + "/2024?knownAt=" + knownAt,
                "/api/reports/" + AGENCY + "/2024/versions", "/api/reports/" + AGENCY + "/2024/rollup",
                "/api/reports/" + AGENCY + "/trend/rollup?from=2023&to=2025")) {
            reports.put(path, send(new Request("GET", path, Map.of("Authorization", "Bearer " + token), null), SETUP).body());
        }
        reports.put("/api/requests/" + IDS.get("requestId"),
                send(new Request("GET", "/api/requests/" + IDS.get("requestId"), Map.of("Authorization", "Bearer " + token), null), SETUP).body());
        return reports;
    }
}
