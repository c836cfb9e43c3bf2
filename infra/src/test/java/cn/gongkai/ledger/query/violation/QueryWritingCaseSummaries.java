package cn.gongkai.ledger.query.violation;

/** Breaks "the query service reads only": a query class holding the read model's write side. */
public record QueryWritingCaseSummaries(cn.gongkai.ledger.readmodel.store.CaseSummaryRepository cases) {
}
