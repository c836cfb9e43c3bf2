package cn.gongkai.ledger.report.fold.violation;

/** Breaks "report depends on api only": the fold reading a MongoDB document. */
public record FoldUsingTheDriver(org.bson.Document stored) {
}
