package cn.gongkai.ledger.command.privacy;

import cn.gongkai.ledger.command.infrastructure.EventSizeLimit;
import cn.gongkai.ledger.command.infrastructure.StampedAtCommit;
import cn.gongkai.ledger.privacy.DataKeys;
import cn.gongkai.ledger.privacy.PersonalDataCipher;
import cn.gongkai.ledger.privacy.PrivacyConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The command side of personal data: every event is sealed ({@link PersonalDataSealing}) and then checked against
 * the topic's size limit ({@link EventSizeLimit}, on the sealed form, which is what is stored and sent), then
 * stamped with the time of its append ({@link StampedAtCommit}), in that order, before it is appended; erasures destroy their case's key ({@link PersonalDataShredder}).
 */
@Configuration(proxyBeanMethods = false)
@Import(PrivacyConfiguration.class)
public class PersonalDataConfiguration {

    @Autowired
    public void sealThenLimit(EventStore eventStore, PersonalDataCipher personalDataCipher) {
        eventStore.registerDispatchInterceptor(new PersonalDataSealing(personalDataCipher));
        eventStore.registerDispatchInterceptor(new EventSizeLimit());
        eventStore.registerDispatchInterceptor(new StampedAtCommit());
    }

    @Bean
    public PersonalDataShredder personalDataShredder(DataKeys personalDataKeys) {
        return new PersonalDataShredder(personalDataKeys);
    }

    @Autowired
    public void configureShredder(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(PersonalDataShredder.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PersonalDataShredder.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                // a key that could not be destroyed stops the processor, which retries; it never skips an erasure
                .registerErrorHandler(PersonalDataShredder.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
