package cn.gongkai.ledger.workbench;

import cn.gongkai.ledger.problem.LedgerProblemAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457, Chinese and English) for the workbench's endpoints. */
@RestControllerAdvice(basePackageClasses = WorkbenchProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WorkbenchProblemAdvice extends LedgerProblemAdvice {
}
