package cn.gongkai.ledger.report.projection.web;

import cn.gongkai.ledger.problem.LedgerProblemAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the projector's own endpoints. */
@RestControllerAdvice(basePackageClasses = ProjectorProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProjectorProblemAdvice extends LedgerProblemAdvice {
}
