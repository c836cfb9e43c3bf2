package cn.gongkai.ledger.command.rules;

/**
 * A field of a command as a refusal names it: {@code name} as in the JSON (English message), {@code label}
 * as an officer calls it (Chinese message).
 */
public record Field(String name, String label) {
}
