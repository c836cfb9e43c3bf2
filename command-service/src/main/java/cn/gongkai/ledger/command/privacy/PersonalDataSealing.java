package cn.gongkai.ledger.command.privacy;

import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.privacy.PersonalDataCipher;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Seals the personal fields of every event as it is published by its aggregate, before it is appended: the event
 * store, and the Kafka topic fed from it, never hold an applicant's name, ID number or contact in the clear. The
 * message keeps its identifier, sequence, timestamp and metadata; only the payload's personal values change.
 */
public final class PersonalDataSealing implements MessageDispatchInterceptor<EventMessage<?>> {
    private final PersonalDataCipher cipher;

    public PersonalDataSealing(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (messages.size() > 1) { // an import's events: every case's key looked up and created in one round trip each
            cipher.prepareForSealing(messages.stream().filter(m -> m instanceof DomainEventMessage<?>)
                    .map(EventMessage::getPayload).filter(p -> p instanceof LedgerEvent).map(p -> (LedgerEvent) p).toList());
        }
        return (index, message) -> {
            if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof LedgerEvent event) {
                LedgerEvent sealed = cipher.seal(event);
                if (sealed != event) {
                    return new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                            domain.getSequenceNumber(), sealed, domain.getMetaData(), domain.getIdentifier(),
                            domain.getTimestamp());
                }
            }
            return message;
        };
    }
}
