package cn.gongkai.ledger.command.calendar;

import cn.gongkai.ledger.clock.calendar.CalendarSource;
import cn.gongkai.ledger.clock.deadline.StatutoryWindows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statutory clock as the aggregates' domain service: Axon passes {@link StatutoryWindows} to the command
 * handlers that declare it, so a closing is checked against the window it rests on in the agency's calendar
 * (the shipped national data plus {@code LEDGER_CALENDAR_DIR}, re-read when its files change).
 */
@Configuration(proxyBeanMethods = false)
class StatutoryClockConfiguration {
    @Bean
    StatutoryWindows statutoryWindows(@Value("${" + CalendarSource.DIRECTORY_VARIABLE + ":}") String calendarDirectory) {
        return StatutoryWindows.of(CalendarSource.of(calendarDirectory));
    }
}
