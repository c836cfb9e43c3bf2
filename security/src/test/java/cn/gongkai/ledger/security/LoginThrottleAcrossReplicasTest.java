package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log-in throttle as two replicas of a service share it: two throttles, each with its own MongoDB client, on one
 * database. Failures spread over both add up, the lock-out one sets the other honours, and a success on one clears
 * the count on both.
 */
class LoginThrottleAcrossReplicasTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T01:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private MongoServer server;
    private MongoClient clientA;
    private MongoClient clientB;
    private LoginThrottle replicaA;
    private LoginThrottle replicaB;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        clientA = MongoClients.create(uri);
        clientB = MongoClients.create(uri);
        replicaA = throttle(clientA.getDatabase("throttle-test"));
        replicaB = throttle(clientB.getDatabase("throttle-test"));
    }

    private LoginThrottle throttle(MongoDatabase database) {
        return new LoginThrottle(database, 5, Duration.ofMinutes(1), clock);
    }

    @AfterEach
    void stop() {
        clientA.close();
        clientB.close();
        server.shutdownNow();
    }

    @Test
    void failuresSpreadOverTwoReplicasLockTheUserNameOnBoth() {
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? replicaA : replicaB).failed("li.clerk", "10.0.0." + i);
        }
        assertThat(replicaA.locked("li.clerk", "10.0.0.9")).isEmpty();
        assertThat(replicaB.locked("LI.CLERK", "10.0.0.9")).isEmpty();

        replicaB.failed("li.clerk", "10.0.0.4");

        assertThat(replicaA.locked("li.clerk", "10.0.0.9")).contains(Duration.ofMinutes(1));
        assertThat(replicaB.locked("li.clerk", "10.0.0.9")).contains(Duration.ofMinutes(1));
        assertThat(replicaA.locked("someone.else", "10.0.0.9")).isEmpty();
    }

    @Test
    void theLockOutEndsForBothDoublesOnTheNextAndASuccessClearsTheCountEverywhere() {
        for (int i = 0; i < 5; i++) {
            replicaA.failed("wang", "10.1.0.1");
        }
        now.set(now.get().plus(Duration.ofSeconds(61)));
        assertThat(replicaB.locked("wang", "10.1.0.2")).isEmpty();
        for (int i = 0; i < 5; i++) {
            replicaB.failed("wang", "10.1.0.3");
        }
        assertThat(replicaA.locked("wang", "10.1.0.2")).contains(Duration.ofMinutes(2));

        now.set(now.get().plus(Duration.ofMinutes(3)));
        for (int i = 0; i < 4; i++) {
            replicaA.failed("wang", "10.1.0.4");
        }
        replicaB.succeeded("wang");
        replicaA.failed("wang", "10.1.0.4");
        assertThat(replicaB.locked("wang", "10.1.0.5")).as("the success on B reset the count A kept").isEmpty();
    }

    @Test
    void oneAddressGuessingManyUserNamesOverBothReplicasIsLockedAfterFourTimesTheLimit() {
        for (int i = 0; i < 19; i++) {
            (i % 2 == 0 ? replicaA : replicaB).failed("user" + i, "192.0.2.7");
        }
        assertThat(replicaA.locked("new.user", "192.0.2.7")).isEmpty();
        replicaB.failed("user19", "192.0.2.7");
        Optional<Duration> wait = replicaA.locked("new.user", "192.0.2.7");
        assertThat(wait).contains(Duration.ofMinutes(1));
        assertThat(replicaB.locked("new.user", "192.0.2.8")).isEmpty();
    }
}
