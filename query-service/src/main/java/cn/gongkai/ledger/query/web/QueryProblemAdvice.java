package cn.gongkai.ledger.query.web;

import cn.gongkai.ledger.query.QueryServiceApplication;
import cn.gongkai.ledger.problem.LedgerProblemAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457, Chinese and English) for the query service's endpoints. */
@RestControllerAdvice(basePackageClasses = QueryServiceApplication.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblemAdvice extends LedgerProblemAdvice {
}
