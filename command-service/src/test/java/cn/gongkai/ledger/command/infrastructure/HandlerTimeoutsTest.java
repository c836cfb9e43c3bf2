package cn.gongkai.ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.command.web.CommandServiceTestBase;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Axon's handler timeouts are off in the command service (command-service.properties): with them every unit of
 * work and every handler took its thread's whole stack trace and scheduled a warning and an interrupt.
 */
class HandlerTimeoutsTest extends CommandServiceTestBase {
    @Autowired
    ApplicationContext context;

    @Test
    void noHandlerOrUnitOfWorkIsTimed() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        // The module that would register the units of work's timeout interceptors on the buses.
        assertThat(context.containsBean("axonTimeoutConfigurerModule")).isFalse();
    }
}
