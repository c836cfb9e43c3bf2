package cn.gongkai.ledger.api.violation;

/** Breaks "api depends on nothing": a message that knows a framework type. */
public record ApiUsingSpring(org.springframework.http.HttpStatus status) {
}
