package cn.gongkai.ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.Recorded;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** The last guard before the append: an event the topic could not carry is refused, a normal one passes. */
class EventSizeLimitTest {
    private static final Recorded RECORDED = new Recorded("li", Instant.parse("2024-03-01T01:00:00Z"));

    @Test
    void anEventLargerThanTheLimitIsRefusedBeforeItIsAppended() {
        EventMessage<?> huge = event("甲".repeat(InputLimits.EVENT_MAX_BYTES / 3 + 10));

        assertThatThrownBy(() -> new EventSizeLimit().handle(List.of(huge)).apply(0, huge))
                .isInstanceOf(EventSizeLimit.EventTooLarge.class)
                .hasMessageContaining(String.valueOf(InputLimits.EVENT_MAX_BYTES));
    }

    @Test
    void theLimitLiesWellBelowTheKafkaMessageLimitAndAnEventAtTheFieldLimitsPasses() {
        assertThat(InputLimits.EVENT_MAX_BYTES).isLessThan(InputLimits.KAFKA_MAX_MESSAGE_BYTES / 2);
        EventMessage<?> normal = event("甲".repeat(InputLimits.NAME_MAX_LENGTH));

        assertThat(new EventSizeLimit().handle(List.of(normal)).apply(0, normal)).isSameAs(normal);
    }

    private static EventMessage<?> event(String name) {
        return new GenericDomainEventMessage<>("Agency", "a", 0, new AgencyRegistered(new AgencyId("a"), name, null,
                RECORDED));
    }
}
