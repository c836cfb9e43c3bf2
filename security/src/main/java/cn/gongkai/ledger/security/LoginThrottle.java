package cn.gongkai.ledger.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed log-ins in a row for one user name, or four times
 * as many from one client address (many users may sit behind one address), further attempts for it are refused (HTTP 429, without checking the password) for a lock-out that
 * starts at {@code lockout} and doubles with every further lock-out, up to 32 times. A successful log-in clears the
 * user name's count. Held in memory per process.
 */
public class LoginThrottle {
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    private record State(int failures, int lockouts, Instant lockedUntil) {
    }

    /** How long the caller still has to wait, if either key is locked. */
    public Optional<Duration> locked(String username, String address) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(userKey(username), addressKey(address))
                .map(states::get)
                .filter(s -> s != null && s.lockedUntil() != null && now.isBefore(s.lockedUntil()))
                .map(s -> Duration.between(now, s.lockedUntil()))
                .max(Duration::compareTo);
    }

    public void failed(String username, String address) {
        fail(userKey(username), maxFailures);
        fail(addressKey(address), maxFailures * 4);
    }

    public void succeeded(String username) {
        states.remove(userKey(username));
    }

    private void fail(String key, int limit) {
        Instant now = clock.instant();
        states.compute(key, (k, s) -> {
            State state = s == null ? new State(0, 0, null) : s;
            int failures = state.failures() + 1;
            if (failures < limit) {
                return new State(failures, state.lockouts(), state.lockedUntil());
            }
            Duration wait = lockout.multipliedBy(1L << Math.min(state.lockouts(), 5));
            return new State(0, state.lockouts() + 1, now.plus(wait));
        });
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
