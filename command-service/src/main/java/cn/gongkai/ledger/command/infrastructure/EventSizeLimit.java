package cn.gongkai.ledger.command.infrastructure;

import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.RuleViolation;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Refuses, before the append, an event whose JSON (the envelope exactly as it goes to Kafka) is larger than
 * {@link InputLimits#EVENT_MAX_BYTES}: the topic could not carry it, so it must not be recorded. The limits on each
 * field keep every real event far below it; this is the last guard. The refusal fails the command (HTTP 413) and
 * its unit of work, so nothing is stored. It is registered after the sealing of personal data
 * ({@code PersonalDataConfiguration}): it measures the event as it is stored and sent.
 */
public final class EventSizeLimit implements MessageDispatchInterceptor<EventMessage<?>> {
    public static final String EVENT_TOO_LARGE = "EVENT_TOO_LARGE";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof LedgerEvent) {
                int bytes = EventEnvelopeJson.toJson(EventEnvelopeJson.envelope(domain)).length;
                if (bytes > InputLimits.EVENT_MAX_BYTES) {
                    throw new EventTooLarge(bytes);
                }
            }
            return message;
        };
    }

    /** 413: the command would record an event larger than the topic carries. */
    public static final class EventTooLarge extends RuleViolation {
        EventTooLarge(int bytes) {
            super(EVENT_TOO_LARGE, Kind.UNPROCESSABLE,
                    "该操作产生的事件为 " + bytes + " 字节，超过 " + InputLimits.EVENT_MAX_BYTES + " 字节的上限，未保存",
                    "The command's event would be " + bytes + " bytes, more than the limit of "
                            + InputLimits.EVENT_MAX_BYTES + "; nothing was saved");
        }
    }
}
