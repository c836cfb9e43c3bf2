package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.common.Recorded;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that gives the deadline queries their default business date ("today" in Asia/Shanghai) when no
 * {@code asOf} is passed. Only the controllers read it; the statutory clock is always handed a date.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {
    public static final String TODAY_CLOCK = "deadlineTodayClock";

    @Bean(TODAY_CLOCK)
    public Clock deadlineTodayClock() {
        return Clock.system(Recorded.ZONE);
    }
}
