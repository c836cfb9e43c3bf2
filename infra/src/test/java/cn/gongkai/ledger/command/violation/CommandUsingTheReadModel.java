package cn.gongkai.ledger.command.violation;

/** Breaks "the command side knows no read side": an aggregate deciding from a projection. */
public record CommandUsingTheReadModel(cn.gongkai.ledger.readmodel.query.CaseSummaries cases) {
}
