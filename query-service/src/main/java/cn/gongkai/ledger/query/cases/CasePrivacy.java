package cn.gongkai.ledger.query.cases;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.security.AgencyGuard;
import cn.gongkai.ledger.security.Officer;
import cn.gongkai.ledger.security.PersonalData;
import cn.gongkai.ledger.security.PersonalDataAudit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * What of a case an officer may see: cases of their own agency only (a superior agency reads reports and counts,
 * never its subordinates' applicants); lists always with personal fields masked; one case in the clear only for a
 * role that needs it (登记, 承办, 审批 for requests; 法制 for reconsiderations and lawsuits), and that read is
 * audited before the answer is sent.
 */
@Component
public class CasePrivacy {
    private final AgencyGuard guard;
    private final PersonalDataAudit audit;
    private final HttpServletRequest request;

    public CasePrivacy(AgencyGuard guard, PersonalDataAudit audit, HttpServletRequest request) {
        this.guard = guard;
        this.audit = audit;
        this.request = request;
    }

    /** The agency a list is of: the asked one if it is the officer's, the officer's if none was asked. */
    AgencyId listableAgency(AgencyId asked) {
        return asked == null ? Officer.current().agencyId() : guard.requireOwn(asked).agencyId();
    }

    CaseSummaries.Page masked(CaseSummaries.Page page) {
        return new CaseSummaries.Page(page.items().stream().map(CasePrivacy::mask).toList(), page.page(),
                page.size(), page.total());
    }

    CaseSummary shown(CaseSummary summary) {
        Officer officer = guard.requireOwn(new AgencyId(summary.agencyId()));
        if (!PersonalData.needsInClear(officer, summary.caseType() == CaseType.REQUEST)) {
            return mask(summary);
        }
        audit.recordRead(officer, summary.agencyId(), summary.id(), "READ_CASE", request.getRequestURI());
        return summary;
    }

    static CaseSummary mask(CaseSummary s) {
        CaseSummary.Party party = s.party() == null ? null
                : new CaseSummary.Party(s.party().type(), PersonalData.maskName(s.party().name()));
        return new CaseSummary(s.id(), s.caseType(), s.agencyId(), s.status(), s.reference(), s.openedOn(), s.year(),
                party, s.subject(), s.channel(), s.handlingOfficer(), s.forum(), s.route(), s.outcome(),
                s.secondaryReasons(), s.decision(), s.concludedOn(), s.linkedRequestId(), s.linkedReconsiderationId(),
                s.lastSequence(), s.lastRecordedAt(), s.timeline() == null ? null : s.timeline().stream()
                .map(t -> new CaseSummary.TimelineEntry(t.sequence(), t.type(), t.recordedAt(), t.recordedBy(),
                        PersonalData.mask(t.payload()))).toList());
    }
}
