package cn.gongkai.ledger.command.infrastructure;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.report.json.EventJson;
import java.nio.charset.StandardCharsets;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The documented event JSON of an {@link EventEnvelope}: {@code {eventId, aggregateType, aggregateId, sequence,
 * type, timestamp, payload}}, built from a stored domain event: its identifier, its aggregate sequence number
 * and its store timestamp, so the value on Kafka equals what a reader of {@code domainevents} reconstructs.
 */
public final class EventEnvelopeJson {
    private EventEnvelopeJson() {
    }

    public static EventEnvelope envelope(DomainEventMessage<?> message) {
        LedgerEvent payload = (LedgerEvent) message.getPayload();
        return new EventEnvelope(message.getIdentifier(), EventTypes.aggregateTypeOf(payload.getClass()),
                message.getAggregateIdentifier(), message.getSequenceNumber(), EventTypes.nameOf(payload),
                message.getTimestamp(), payload);
    }

    /** The Kafka value: the event JSON exactly as every reader of it ({@link EventJson}) reads it. */
    public static byte[] toJson(EventEnvelope envelope) {
        return EventJson.write(envelope).getBytes(StandardCharsets.UTF_8);
    }
}
