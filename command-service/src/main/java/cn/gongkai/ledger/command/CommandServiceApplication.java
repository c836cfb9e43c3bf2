package cn.gongkai.ledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command service on its own: REST commands, the aggregates, the event store and the Kafka publisher. */
@SpringBootApplication
public class CommandServiceApplication {
    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
