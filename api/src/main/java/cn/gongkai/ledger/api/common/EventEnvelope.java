package cn.gongkai.ledger.api.common;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as it travels outside the event store: on Kafka (keyed by {@code aggregateId}), in
 * JSON Lines files for the command-line fold, and in reconciliation. {@code sequence} is the
 * aggregate's sequence number (0 for its first event); {@code (aggregateId, sequence)} identifies
 * the event and makes every consumer idempotent.
 *
 * <p>JSON: {@code {"eventId":…, "aggregateType":"DisclosureRequest", "aggregateId":…, "sequence":0,
 * "type":"RequestReceived", "timestamp":"2024-01-02T01:00:00Z", "payload":{…the record's fields…}}}
 */
public record EventEnvelope(String eventId, String aggregateType, String aggregateId, long sequence, String type,
                            Instant timestamp, LedgerEvent payload) {
    public EventEnvelope {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
        if (type == null) {
            type = EventTypes.nameOf(payload);
        }
        if (aggregateType == null) {
            aggregateType = EventTypes.aggregateTypeOf(payload.getClass());
        }
    }

    public static EventEnvelope of(long sequence, LedgerEvent payload) {
        return new EventEnvelope(payload.aggregateId() + "#" + sequence, null, payload.aggregateId(), sequence, null,
                payload.recorded().at(), payload);
    }
}
