package cn.gongkai.ledger.query.violation;

/** Breaks "the query service reads only": what ReportQueryService did before the split (it called the projector's writer). */
public record QueryUsingTheMaterializer(cn.gongkai.ledger.report.projection.projector.ReportMaterializer materializer) {
}
