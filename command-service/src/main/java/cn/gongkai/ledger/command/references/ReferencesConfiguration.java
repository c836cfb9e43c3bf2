package cn.gongkai.ledger.command.references;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Every command, from any endpoint or the import, passes the {@link References} check before its handler runs. */
@Configuration(proxyBeanMethods = false)
public class ReferencesConfiguration {

    @Autowired
    public void checkReferences(CommandBus commandBus, EventStore eventStore) {
        References references = new References(eventStore);
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            references.check(unitOfWork.getMessage().getPayload());
            return chain.proceed();
        });
    }
}
