package cn.gongkai.ledger.security.violation;

/** Breaks "security knows no service": the policy reaching into the command side. */
public record SecurityUsingTheCommandSide(cn.gongkai.ledger.command.web.CommandEndpoint commands) {
}
