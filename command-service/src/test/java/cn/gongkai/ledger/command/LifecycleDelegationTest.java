package cn.gongkai.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;

/**
 * The aggregates keep no replay of their own: each has exactly one event-sourcing handler, for its whole sealed
 * event interface, and it evolves the one lifecycle (RequestLifecycle, LawsuitLifecycle), so every event type the
 * lifecycle handles (RequestLifecycleTest, LawsuitLifecycleTest) reaches the aggregate's state.
 */
class LifecycleDelegationTest {
    @Test
    void theRequestAndLawsuitAggregatesSourceTheirStateOnlyThroughTheirLifecycle() throws Exception {
        assertOneHandlerFor("cn.gongkai.ledger.command.request.DisclosureRequest", DisclosureRequestEvent.class);
        assertOneHandlerFor("cn.gongkai.ledger.command.lawsuit.Lawsuit", LawsuitEvent.class);
    }

    private static void assertOneHandlerFor(String aggregate, Class<?> sealedEvents) throws ClassNotFoundException {
        Class<?> type = Class.forName(aggregate);
        List<Method> handlers = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventSourcingHandler.class)).toList();
        assertThat(handlers).as(aggregate).hasSize(1);
        assertThat(handlers.get(0).getParameterTypes()).as(aggregate).containsExactly(sealedEvents);
        assertThat(Arrays.stream(type.getDeclaredFields()).map(f -> f.getType().getName()))
                .as(aggregate + " holds its lifecycle's state")
                .anyMatch(name -> name.endsWith("Lifecycle$State"));
    }
}
