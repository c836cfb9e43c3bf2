package cn.gongkai.ledger.report.projection.web;

import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.report.projection.reconcile.Reconciliation;
import cn.gongkai.ledger.report.projection.reconcile.ReconciliationResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reconciliations {agencyId, year}}: the event store against the read model, cell by cell. */
@RestController
@RequestMapping("/api/reconciliations")
public class ReconciliationController {
    private final Reconciliation reconciliation;

    public ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    public record ReconciliationRequest(AgencyId agencyId, Integer year) {
    }

    @PostMapping
    public ReconciliationResult reconcile(@RequestBody ReconciliationRequest request) {
        if (request.agencyId() == null || request.year() == null) {
            throw LedgerProblemException.badRequest("MISSING_FIELD", "agencyId 和 year 均为必填项",
                    "agencyId and year are both required");
        }
        return reconciliation.reconcile(request.agencyId(), request.year());
    }
}
