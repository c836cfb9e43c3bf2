package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.Recorded;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock that stamps every command's {@code recorded.at} (Asia/Shanghai); handlers never read a clock. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {
    public static final String RECORDING_CLOCK = "recordingClock";

    @Bean(RECORDING_CLOCK)
    public Clock recordingClock() {
        return Clock.system(Recorded.ZONE);
    }
}
