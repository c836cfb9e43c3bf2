package cn.gongkai.ledger.securitytest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The security layer alone: its own endpoints (log-in, tokens, users, health) on an in-memory MongoDB. */
@SpringBootApplication
public class SecurityTestApplication {
}
