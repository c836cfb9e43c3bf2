package cn.gongkai.ledger.clock.violation;

/** Breaks "statutory-clock depends on api only": the clock reading a projection. */
public record ClockUsingTheReadModel(cn.gongkai.ledger.readmodel.query.CaseSummaries cases) {
}
