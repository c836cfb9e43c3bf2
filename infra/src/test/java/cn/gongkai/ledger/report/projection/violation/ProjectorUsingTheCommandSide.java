package cn.gongkai.ledger.report.projection.violation;

/** Breaks "the projector knows no other service": the projector sending commands. */
public record ProjectorUsingTheCommandSide(cn.gongkai.ledger.command.web.CommandEndpoint commands) {
}
