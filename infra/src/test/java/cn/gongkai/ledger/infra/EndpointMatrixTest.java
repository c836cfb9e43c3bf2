package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.security.Role;
import cn.gongkai.ledger.security.testing.TestOfficers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × endpoint × agency matrix of the running one-process ledger. The endpoints come from the endpoint
 * catalogue (every Spring request mapping of the context); what is expected of each comes from
 * {@code security-matrix.tsv}, written by hand, so a new endpoint without a row there fails this test. Each endpoint
 * is called as an officer of every role of the agency the endpoint touches ({@code own}), of the agency above it
 * ({@code superior}: may read reports and counts, never applicants), of an unrelated agency, and anonymously; every
 * cell is asserted allowed (anything but 401/403) or denied (403, or 401 for anonymous).
 */
class EndpointMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN = "mx-district";
    private static final String SUPERIOR = "mx-city";
    private static final String OTHER = "mx-other";
    private static final String PASSWORD = "matrix-login-passw0rd";

    enum Relation { OWN, SUPERIOR, UNRELATED }

    record Row(String method, String path, Set<Role> roles, boolean anonymous, String agency) {
        String key() {
            return method + " " + normalized(path);
        }
    }

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static TestOfficers officers;
    static String base;
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Map<Relation, Map<Role, String>> TOKENS = new EnumMap<>(Relation.class);

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDir);
        Http http = ledger.http();
        officers = http.officers();
        base = "http://127.0.0.1:" + ledger.bean(org.springframework.core.env.Environment.class)
                .getProperty("local.server.port");
        expect(http.command("/api/agencies", "{\"agencyId\":\"" + SUPERIOR + "\",\"name\":\"市局\"}"), 201);
        expect(http.command("/api/agencies", "{\"agencyId\":\"" + OWN + "\",\"name\":\"区局\",\"superiorAgencyId\":\""
                + SUPERIOR + "\"}"), 201);
        expect(http.command("/api/agencies", "{\"agencyId\":\"" + OTHER + "\",\"name\":\"他局\"}"), 201);
        expect(http.command("/api/requests", "{\"agencyId\":\"" + OWN + "\",\"trackingNumber\":\"001\","
                + "\"channel\":\"IN_PERSON\",\"receivedOn\":\"2025-03-03\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                + "\"name\":\"王某某\",\"idDocumentNumber\":\"110105199001011234\"},\"subject\":\"预算\"}"), 201);
        expect(http.command("/api/reconsiderations", "{\"reconsiderationId\":\"rc-mx-1\",\"agencyId\":\"" + OWN
                + "\",\"reviewBody\":\"市政府\",\"caseNumber\":\"复1\",\"applicantName\":\"王某某\","
                + "\"filedOn\":\"2025-04-01\",\"linkedRequestId\":null}"), 201);
        expect(http.command("/api/lawsuits", "{\"lawsuitId\":\"ls-mx-1\",\"agencyId\":\"" + OWN
                + "\",\"court\":\"区法院\",\"caseNumber\":\"诉1\",\"plaintiffName\":\"王某某\",\"filedOn\":\"2025-05-01\","
                + "\"route\":\"DIRECT\",\"linkedReconsiderationId\":null,\"linkedRequestId\":null}"), 201);
        officers.user("mx.login", PASSWORD, OTHER, EnumSet.of(Role.AUDITOR));
        for (Relation relation : Relation.values()) {
            Map<Role, String> tokens = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                tokens.put(role, officers.token(username(role, relation), agency(relation), EnumSet.of(role)));
            }
            TOKENS.put(relation, tokens);
        }
        // The read side has the cases (a denied read must be denied for an existing case, not merely not found).
        for (String path : List.of("/api/requests/" + OWN + ":001", "/api/reconsiderations/rc-mx-1",
                "/api/lawsuits/ls-mx-1")) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (http.get(path).status() != 200) {
                assertThat(System.currentTimeMillis()).as("projected: " + path).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void everyEndpointOfTheCatalogueHasARowAndEveryCellIsAsTheMatrixSays() throws Exception {
        List<Row> rows = matrix();
        Set<String> catalogue = catalogue();
        Set<String> documented = rows.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogue).as("endpoints without a row in security-matrix.tsv")
                .isSubsetOf(documented);
        assertThat(documented).as("rows of security-matrix.tsv without an endpoint").isSubsetOf(catalogue);

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            cells++;
            int anonymous = anonymous(row);
            boolean anonymousAllowed = anonymous != 401 && anonymous != 403;
            if (anonymousAllowed != row.anonymous() || (!row.anonymous() && anonymous != 401)) {
                wrong.add(row.key() + " anonymous: " + anonymous);
            }
            for (Relation relation : Relation.values()) {
                for (Role role : Role.values()) {
                    cells++;
                    boolean expected = row.anonymous() || (row.roles().contains(role) && reaches(row.agency(), relation));
                    String token = row.path().equals("/api/auth/logout")
                            ? officers.token(username(role, relation), agency(relation), EnumSet.of(role))
                            : TOKENS.get(relation).get(role);
                    int status = call(row, token);
                    boolean allowed = status != 401 && status != 403;
                    if (allowed != expected || (!expected && status != 403)) {
                        wrong.add(row.key() + " as " + role + " of the " + relation + " agency: " + status
                                + " (expected " + (expected ? "allowed" : "403") + ")");
                    }
                }
            }
        }
        System.out.printf("[EndpointMatrixTest] %d endpoints x (%d roles x %d agencies + anonymous) = %d cells%n",
                rows.size(), Role.values().length, Relation.values().length, cells);
        assertThat(wrong).as("cells that differ from security-matrix.tsv").isEmpty();
        assertThat(cells).isEqualTo(rows.size() * (Role.values().length * Relation.values().length + 1));
    }

    @Test
    void aSuperiorReadsItsSubordinatesReportButNeverItsApplicants() throws Exception {
        String superior = TOKENS.get(Relation.SUPERIOR).get(Role.REGISTRAR);
        assertThat(send("GET", "/api/reports/" + OWN + "/2025", superior, null, null).statusCode()).isEqualTo(200);
        var personal = send("GET", "/api/requests/" + OWN + ":001", superior, null, null);
        assertThat(personal.statusCode()).isEqualTo(403);
        assertThat(personal.body()).doesNotContain("王某某").contains("OTHER_AGENCY");
        var list = send("GET", "/api/requests?agencyId=" + OWN, superior, null, null);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).doesNotContain("王某");
    }

    @Test
    void personalFieldsAreMaskedUnlessTheRoleNeedsThemAndAReadInTheClearIsAudited() throws Exception {
        var masked = send("GET", "/api/requests/" + OWN + ":001", TOKENS.get(Relation.OWN).get(Role.REPORTER), null, null);
        assertThat(masked.statusCode()).isEqualTo(200);
        assertThat(masked.body()).doesNotContain("王某某").doesNotContain("110105199001011234")
                .contains("王**").contains("110105********1234");
        var list = send("GET", "/api/reconsiderations?agencyId=" + OWN, TOKENS.get(Relation.OWN).get(Role.LEGAL), null, null);
        assertThat(list.body()).doesNotContain("王某某").contains("王**");

        String handler = TOKENS.get(Relation.OWN).get(Role.HANDLER);
        var clear = send("GET", "/api/requests/" + OWN + ":001", handler, null, null);
        assertThat(clear.body()).contains("王某某").contains("110105199001011234");
        var trail = JSON.readTree(send("GET", "/api/audit?agencyId=" + OWN, TOKENS.get(Relation.OWN).get(Role.AUDITOR),
                null, null).body());
        assertThat(trail.get("reads").findValuesAsText("username")).contains(username(Role.HANDLER, Relation.OWN));
        assertThat(trail.get("reads").findValuesAsText("username")).doesNotContain(username(Role.REPORTER, Relation.OWN));
        assertThat(trail.get("commands").findValuesAsText("type"))
                .contains("AgencyRegistered", "RequestReceived", "ReconsiderationFiled", "LawsuitFiled");
        // Every command is the seeding officer's, except a publication the matrix made as the reporter.
        trail.get("commands").forEach(command -> assertThat(command.get("by").asText()).as(command.toString())
                .isEqualTo(command.get("type").asText().equals("AnnualReportPublished")
                        ? username(Role.REPORTER, Relation.OWN) : TestOfficers.usernameFor(OWN)));
    }

    private static boolean reaches(String agency, Relation relation) {
        return switch (agency) {
            case "any" -> true;
            case "own" -> relation == Relation.OWN;
            case "own+superior" -> relation != Relation.UNRELATED;
            default -> throw new IllegalArgumentException("agency column: " + agency);
        };
    }

    private static String agency(Relation relation) {
        return switch (relation) {
            case OWN -> OWN;
            case SUPERIOR -> SUPERIOR;
            case UNRELATED -> OTHER;
        };
    }

    private static String username(Role role, Relation relation) {
        return "mx." + role.name().toLowerCase() + "." + relation.name().toLowerCase();
    }

    /** Anonymous, as a browser: with a CSRF token for unsafe methods, so only the sign-in decides. */
    private static int anonymous(Row row) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String csrf = null;
        if (!row.method().equals("GET")) {
            browser.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }
        HttpRequest.Builder request = request(row, null);
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The status of one cell; for the import, a line refused as not permitted counts as 403. */
    private static int call(Row row, String token) throws Exception {
        HttpResponse<String> response = CLIENT.send(request(row, token).build(), HttpResponse.BodyHandlers.ofString());
        if (row.path().equals("/api/import") && response.statusCode() == 200) {
            JsonNode line = JSON.readTree(response.body()).get("results").get(0);
            return line.has("problem") ? line.get("problem").get("status").asInt() : 200;
        }
        return response.statusCode();
    }

    private static HttpRequest.Builder request(Row row, String token) {
        String path = concrete(row.path());
        String body = body(row.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.method().equals("GET")) {
            return request.GET();
        }
        return request.header("Content-Type", row.path().equals("/api/import") ? "application/x-ndjson" : "application/json")
                .method(row.method(), HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(String method, String path, String token, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        request = body == null ? request.GET() : request.header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String concrete(String pattern) {
        String path = pattern.replace("{agencyId}", OWN).replace("{requestId}", OWN + ":001")
                .replace("{reconsiderationId}", "rc-mx-1").replace("{lawsuitId}", "ls-mx-1")
                .replace("{documentId}", "doc-1").replace("{year}", "2025").replace("{*address}", "三/三.一")
                .replaceAll("\\{[^}]*}", "x");
        return switch (pattern) {
            case "/api/requests", "/api/reconsiderations", "/api/lawsuits", "/api/audit" -> path + "?agencyId=" + OWN;
            case "/api/fees/quote" -> path + "?scale=PER_REQUEST&nthRequestInMonth=1";
            default -> path;
        };
    }

    private static String body(String pattern) {
        return switch (pattern) {
            case "/api/agencies", "/api/requests", "/api/reconsiderations", "/api/lawsuits" ->
                    "{\"agencyId\":\"" + OWN + "\"}";
            case "/api/admin/users" -> "{\"agencyId\":\"" + OWN + "\",\"roles\":[\"AUDITOR\"]}";
            case "/api/import" -> "{\"command\":\"TallyDecisions\",\"agencyId\":\"" + OWN + "\"}";
            case "/api/auth/login", "/api/auth/tokens" -> "{\"username\":\"mx.login\",\"password\":\"" + PASSWORD + "\"}";
            case "/api/reconciliations" -> "{\"agencyId\":\"" + OWN + "\",\"year\":2025}";
            default -> "{}";
        };
    }

    /** Every request mapping of the running context, as {@code METHOD /path/{}}; framework error pages aside. */
    private static Set<String> catalogue() {
        RequestMappingHandlerMapping mapping = ledger.bean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            if (entry.getValue().getBeanType().getName().startsWith("org.springframework.boot.autoconfigure.web")) {
                continue; // /error
            }
            RequestMappingInfo info = entry.getKey();
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(method + " " + normalized(pattern));
                }
            }
        }
        return endpoints;
    }

    private static String normalized(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "{}");
    }

    private static List<Row> matrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = EndpointMatrixTest.class.getResourceAsStream("/security-matrix.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                boolean anonymous = cells[2].equals("ANONYMOUS");
                Set<Role> roles = anonymous || cells[2].equals("ANY") ? EnumSet.allOf(Role.class)
                        : cells[2].equals("NONE") ? EnumSet.noneOf(Role.class) : Role.parseAll(cells[2]);
                rows.add(new Row(cells[0], cells[1], roles, anonymous, cells[3]));
            }
        }
        return rows;
    }

    private static void expect(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
