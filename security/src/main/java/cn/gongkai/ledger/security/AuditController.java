package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 审计: {@code GET /api/audit?agencyId=&from=&to=} — the trail of the auditor's own agency (without
 * {@code agencyId}, theirs): every command recorded and every read of personal data in the clear, oldest first;
 * {@code from}/{@code to} are ISO instants ({@code 2026-01-01T00:00:00Z}); a page at a time ({@code page} from 0,
 * {@code size} up to 500, default 100).
 */
@RestController
public class AuditController {
    private final AuditTrail trail;
    private final AgencyGuard guard;

    public AuditController(AuditTrail trail, AgencyGuard guard) {
        this.trail = trail;
        this.guard = guard;
    }

    @GetMapping("/api/audit")
    public AuditTrail.Trail audit(@RequestParam(required = false) String agencyId,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) int size) {
        AgencyId agency = agencyId == null || agencyId.isBlank() ? Officer.current().agencyId() : new AgencyId(agencyId);
        guard.requireOwn(agency);
        return trail.of(agency, from, to, page, size);
    }
}
