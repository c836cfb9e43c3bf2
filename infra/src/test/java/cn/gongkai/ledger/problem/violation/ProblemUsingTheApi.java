package cn.gongkai.ledger.problem.violation;

/** Breaks "problem details know no domain". */
public record ProblemUsingTheApi(cn.gongkai.ledger.api.common.AgencyId agency) {
}
