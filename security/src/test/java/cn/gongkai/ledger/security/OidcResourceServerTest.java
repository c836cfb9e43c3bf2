package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.securitytest.SecurityTestApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production mode: an OAuth2 resource server accepting only JWTs of the configured issuer, here a locally
 * generated RSA key set served over HTTP as the identity provider's JWKS would be.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcResourceServerTest {
    private static final String ISSUER = "https://idp.example.gov.cn/realms/ledger";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final RSAKey KEY;
    private static final RSAKey STRANGER;
    private static final HttpServer JWKS;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        try {
            MONGO.bind("127.0.0.1", 0);
            KEY = new RSAKeyGenerator(2048).keyID("ledger-test-1").generate();
            STRANGER = new RSAKeyGenerator(2048).keyID("ledger-test-1").generate();
            JWKS = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            JWKS.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
            JWKS.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort());
        registry.add("spring.data.mongodb.database", () -> "oidc-test");
        registry.add("LEDGER_SECURITY_MODE", () -> "oidc");
        registry.add("LEDGER_OIDC_ISSUER", () -> ISSUER);
        registry.add("LEDGER_OIDC_JWK_SET_URI", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("LEDGER_OIDC_AUDIENCE", () -> "gongkai-ledger");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
        MONGO.shutdownNow();
    }

    @Test
    void aTokenOfTheIssuerSignsTheOfficerInWithTheAgencyAndRolesOfItsClaims() throws Exception {
        var me = get("/api/auth/me", jwt(KEY, ISSUER, "gongkai-ledger", "demo-bureau", Instant.now().plusSeconds(300)));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode officer = JSON.readTree(me.body());
        assertThat(officer.get("username").asText()).isEqualTo("zhao.legal");
        assertThat(officer.get("agencyId").asText()).isEqualTo("demo-bureau");
        assertThat(officer.get("roles").findValuesAsText("name")).containsExactly("LEGAL", "AUDITOR");
        // A bearer JWT starts no browser session of the ledger's: no cookie is set, nothing is stored.
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SessionRepository.COOKIE) || c.startsWith("JSESSIONID"));
        try (var client = com.mongodb.client.MongoClients.create(
                "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort())) {
            assertThat(client.getDatabase("oidc-test").getCollection(TokenStore.COLLECTION).countDocuments())
                    .isZero();
        }
    }

    @Test
    void everyOtherTokenIsRefused() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        assertThat(get("/api/auth/me", jwt(KEY, "https://evil.example", "gongkai-ledger", "demo-bureau", later))
                .statusCode()).as("another issuer").isEqualTo(401);
        assertThat(get("/api/auth/me", jwt(KEY, ISSUER, "another-app", "demo-bureau", later))
                .statusCode()).as("another audience").isEqualTo(401);
        assertThat(get("/api/auth/me", jwt(STRANGER, ISSUER, "gongkai-ledger", "demo-bureau", later))
                .statusCode()).as("signed by another key").isEqualTo(401);
        assertThat(get("/api/auth/me", jwt(KEY, ISSUER, "gongkai-ledger", "demo-bureau",
                Instant.now().minusSeconds(600))).statusCode()).as("expired").isEqualTo(401);
        assertThat(get("/api/auth/me", jwt(KEY, ISSUER, "gongkai-ledger", null, later))
                .statusCode()).as("no agency").isEqualTo(401);
        assertThat(get("/api/auth/me", null).statusCode()).as("no token").isEqualTo(401);
    }

    @Test
    void theLocalSignInIsNotOffered() throws Exception {
        var login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"a\",\"password\":\"b\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(login.body()).get("code").asText()).isEqualTo("LOCAL_LOGIN_DISABLED");
    }

    private static String jwt(RSAKey key, String issuer, String audience, String agency, Instant expires)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .subject("8f14e45f-ceea-467a-9575-1c0f7d5e0001").claim("preferred_username", "zhao.legal")
                .claim("roles", List.of("LEGAL", "AUDITOR", "offline_access"))
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires));
        if (agency != null) {
            claims.claim("agency", agency);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
