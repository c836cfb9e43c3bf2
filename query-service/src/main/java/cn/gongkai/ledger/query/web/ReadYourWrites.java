package cn.gongkai.ledger.query.web;

import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read your own writes: a command's answer carries its {@code position} ({@code <aggregateId>@<sequence>}); a read
 * that passes it as {@code ?after=} waits until the read side has counted that event — its progress and, for a
 * case, its summary — polling every {@value #POLL_MILLIS} ms for at most {@code ledger.read.max-wait} (default
 * 5 s). It never waits longer: a read still behind then is answered 503 with {@code Retry-After}.
 */
@Component
public class ReadYourWrites {
    static final long POLL_MILLIS = 20;

    private final CountedEvents progress;
    private final CaseSummaries cases;
    private final Duration maxWait;

    public ReadYourWrites(CountedEvents progress, CaseSummaries cases,
                          @Value("${ledger.read.max-wait:PT5S}") Duration maxWait) {
        this.progress = progress;
        this.cases = cases;
        this.maxWait = maxWait;
    }

    /** A position as a command's answer gives it. */
    public record Position(String aggregateId, long sequence) {
        /** Parses {@code <aggregateId>@<sequence>}; empty when it is not one. */
        public static Optional<Position> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            int at = text.lastIndexOf('@');
            if (at <= 0 || at == text.length() - 1) {
                return Optional.empty();
            }
            try {
                long sequence = Long.parseLong(text.substring(at + 1));
                return sequence < 0 ? Optional.empty() : Optional.of(new Position(text.substring(0, at), sequence));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** Waits until the read side has reached {@code position}; returns whether it did within the bound. */
    public boolean awaitReached(Position position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (reached(position)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    public Duration maxWait() {
        return maxWait;
    }

    private boolean reached(Position position) {
        Optional<CountedEvents.Progress> counted = progress.progressOf(position.aggregateId());
        if (counted.isEmpty() || counted.get().lastContiguous() < position.sequence()) {
            return false;
        }
        Optional<CaseType> type = Arrays.stream(CaseType.values())
                .filter(t -> t.aggregateType().equals(counted.get().aggregateType())).findFirst();
        return type.isEmpty() || cases.find(type.get(), position.aggregateId())
                .map(CaseSummary::lastSequence).filter(s -> s >= position.sequence()).isPresent();
    }
}
