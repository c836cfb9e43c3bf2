package cn.gongkai.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import cn.gongkai.ledger.command.CommandServiceApplication;
import cn.gongkai.ledger.command.infrastructure.TestMongo;
import cn.gongkai.ledger.security.Role;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the command service on one event store (their in-process aggregate locks know nothing of each
 * other). Both handle a conflicting command on the same case and meet just before appending, so both pass the
 * rules: the unique index lets one append win; the other is answered 409 and nothing is lost or changed.
 */
class ConcurrentReplicasTest {
    private static final String DATABASE = TestMongo.freshDatabase("replicas-test");
    private static final CyclicBarrier BOTH_READY_TO_APPEND = new CyclicBarrier(2);
    private static final List<ConfigurableApplicationContext> REPLICAS = new ArrayList<>();
    private static Http first;
    private static Http second;
    private static MongoClient mongo;

    @BeforeAll
    static void startTwoReplicas() {
        first = new Http(start(), DATABASE);
        second = new Http(start(), DATABASE);
        mongo = MongoClients.create(TestMongo.uri());
    }

    @AfterAll
    static void stop() {
        REPLICAS.forEach(ConfigurableApplicationContext::close);
        mongo.close();
    }

    @Test
    void aReplyAndAWithdrawalRacingOnOneRequestOneWinsTheOtherIs409() throws Exception {
        first.command("/api/agencies", "{\"agencyId\":\"race\",\"name\":\"竞争局\"}");
        var received = first.command("/api/requests", """
                {"agencyId":"race","trackingNumber":"1","channel":"EMAIL","receivedOn":"2024-06-03",
                 "applicant":{"type":"RESEARCH_INSTITUTION","name":"某研究所"},"subject":"某统计数据"}""");
        assertThat(received.status()).as(received.body()).isEqualTo(201);

        var reply = CompletableFuture.supplyAsync(() -> first.command("/api/requests/race:1/reply",
                "{\"repliedOn\":\"2024-06-10\",\"primaryOutcome\":\"DISCLOSED\"}"));
        var withdrawal = CompletableFuture.supplyAsync(() -> second.command("/api/requests/race:1/withdrawal",
                "{\"withdrawnOn\":\"2024-06-07\"}"));
        List<Http.Response> answers = List.of(reply.get(20, TimeUnit.SECONDS), withdrawal.get(20, TimeUnit.SECONDS));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        Http.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.json().get("code").asText()).isEqualTo("CONCURRENT_MODIFICATION");
        String winner = answers.get(0).status() == 200 ? "RequestReplied" : "RequestWithdrawn";
        assertThat(events("race:1")).extracting(d -> d.get("sequenceNumber")).containsExactly(0L, 1L);
        assertThat(events("race:1").get(1).getString("payloadType")).endsWith("$" + winner);
    }

    /** The log-in throttle is one MongoDB collection: guesses spread over both replicas lock the user on both. */
    @Test
    void passwordGuessesSpreadOverBothReplicasLockTheUserOutOfBoth() {
        first.officers().user("throttled.clerk", "the-right-passw0rd", "race-throttle", EnumSet.of(Role.REGISTRAR));
        for (int i = 0; i < 5; i++) {
            Http.Response refused = token(i % 2 == 0 ? first : second, "throttled.clerk", "a-wrong-guess-" + i);
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        }
        for (Http replica : List.of(first, second)) {
            Http.Response locked = token(replica, "throttled.clerk", "the-right-passw0rd");
            assertThat(locked.status()).as(locked.body()).isEqualTo(429);
        }
        assertThat(token(second, "someone.else", "whatever-passw0rd").status()).isEqualTo(401);
    }

    private static Http.Response token(Http replica, String username, String password) {
        return replica.post("/api/auth/tokens", null, "application/json",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", Map.of());
    }

    @Test
    void twoRegistrationsOfOneAgencyRacingOneWinsTheOtherIs409AlreadyExists() throws Exception {
        var one = CompletableFuture.supplyAsync(() -> first.command("/api/agencies",
                "{\"agencyId\":\"race-agency\",\"name\":\"甲\"}"));
        var other = CompletableFuture.supplyAsync(() -> second.command("/api/agencies",
                "{\"agencyId\":\"race-agency\",\"name\":\"乙\"}"));
        List<Http.Response> answers = List.of(one.get(20, TimeUnit.SECONDS), other.get(20, TimeUnit.SECONDS));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(201, 409);
        Http.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("code").asText()).isEqualTo("ALREADY_EXISTS");
        String winnerName = answers.get(0).status() == 201 ? "甲" : "乙";
        assertThat(events("race-agency")).hasSize(1);
        assertThat(events("race-agency").get(0).getString("payload")).contains("\"name\":\"" + winnerName + "\"");
    }

    private static int start() {
        ConfigurableApplicationContext replica = new SpringApplicationBuilder(CommandServiceApplication.class,
                MeetBeforeAppending.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + TestMongo.uri(),
                        "--spring.data.mongodb.database=" + DATABASE, "--ledger.kafka.publisher.enabled=false");
        REPLICAS.add(replica);
        return ((ServletWebServerApplicationContext) replica).getWebServer().getPort();
    }

    private static List<Document> events(String aggregateId) {
        return mongo.getDatabase(DATABASE).getCollection("domainevents")
                .find(Filters.eq("aggregateIdentifier", aggregateId)).sort(Sorts.ascending("sequenceNumber"))
                .into(new ArrayList<>());
    }

    /**
     * Makes every command after the first registration of a case wait, once its events are applied and just
     * before they are appended, until the other replica's command is at the same point.
     */
    static class MeetBeforeAppending {
        @Autowired
        void meetBeforeAppending(CommandBus commands) {
            commands.registerHandlerInterceptor((unitOfWork, chain) -> {
                Object command = unitOfWork.getMessage().getPayload();
                boolean setUp = command instanceof ReceiveRequest
                        || command instanceof RegisterAgency register && register.agencyId().value().equals("race");
                if (!setUp) {
                    unitOfWork.onPrepareCommit(u -> await());
                }
                return chain.proceed();
            });
        }

        private static void await() {
            try {
                BOTH_READY_TO_APPEND.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other replica never came", e);
            }
        }
    }
}
