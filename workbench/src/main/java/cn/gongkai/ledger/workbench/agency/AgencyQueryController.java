package cn.gongkai.ledger.workbench.agency;

import cn.gongkai.ledger.api.agency.AgencyLifecycle;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerYears;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.readmodel.query.CountedEvents;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.workbench.vocabulary.Vocabulary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agencies}: every agency the read side has counted, with its name and superior office;
 * {@code GET /api/agencies/{agencyId}?year=}: one agency with its Article-20 register (第二十条: normative documents,
 * decision and fee tallies, as recorded), that year's tallies as table 二 counts them, and the table-四 counting
 * policy in force for each year with the settings it comes from (all read from the one {@link AgencyLifecycle}).
 */
@RestController
public class AgencyQueryController {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final AgencyCatalog directory;
    private final CountedEvents events;

    public AgencyQueryController(AgencyCatalog directory, CountedEvents events) {
        this.directory = directory;
        this.events = events;
    }

    /** One entry of the register: the event's type and label, when it was recorded, by whom, and its payload. */
    public record RegisterEntry(long sequence, String type, String label, Instant recordedAt, String recordedBy,
                                JsonNode payload) {
    }

    /**
     * The table-四 counting policy in force for a year: its code and official name, and where it comes from
     * ({@code SETTING}: the setting from {@code fromYear} on, recorded by {@code setBy} at {@code setAt} for
     * {@code reason}; {@code DEFAULT}: nothing set).
     */
    public record PolicyYear(int year, String policy, String label, String source, Integer fromYear, String reason,
                             String setBy, Instant setAt) {
    }

    /** One setting of the policy, as recorded. */
    public record PolicySettingView(int fromYear, String policy, String label, String reason, String setBy,
                                    Instant setAt) {
    }

    public record AgencyDetail(String agencyId, String name, String superiorAgencyId, int year,
                               Map<String, Map<String, BigDecimal>> tallies, List<RegisterEntry> register,
                               List<PolicyYear> appealPolicies, List<PolicySettingView> appealPolicySettings) {
    }

    /** Years shown in the policy list before the current one, when the ledger was not opened at a year. */
    static final int POLICY_YEARS_BACK = 4;

    @GetMapping("/api/agencies")
    public List<AgencyCatalog.AgencySummary> agencies() {
        return directory.all();
    }

    @GetMapping("/api/agencies/{agencyId}")
    public AgencyDetail agency(@PathVariable String agencyId, @RequestParam(required = false) Integer year) {
        String id = new AgencyId(agencyId).value();
        List<EventEnvelope> history = events.ofAggregate(id);
        if (history.isEmpty()) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关：" + agencyId,
                    "No agency with id " + agencyId);
        }
        int reportYear = year == null ? LocalDate.now(Recorded.ZONE).getYear() : year;
        AnnualReport report = ReportFold.fold(events.ofAgency(new AgencyId(id)), ReportRequest.of(new AgencyId(id), reportYear));
        AgencyCatalog.AgencySummary summary = AgencyCatalog.summary(id, history);
        List<RegisterEntry> register = history.stream().sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .map(e -> new RegisterEntry(e.sequence(), e.type(), Vocabulary.eventLabel(e.type()),
                        e.payload().recorded().at(), e.payload().recorded().by(), JSON.valueToTree(e.payload())))
                .toList();
        AgencyLifecycle.State state = AgencyLifecycle.replay(history.stream().map(EventEnvelope::payload).toList());
        return new AgencyDetail(id, summary.name(), summary.superiorAgencyId(), reportYear, report.table2(), register,
                policyYears(state, LocalDate.now(Recorded.ZONE).getYear()), state.appealPolicies().stream()
                .map(p -> new PolicySettingView(p.fromYear(), p.policy(), AppealPolicy.valueOf(p.policy()).label(),
                        p.reason(), p.by(), p.at())).toList());
    }

    /**
     * The policy in force for each year from the ledger's first year (else a few years back, or the earliest year
     * set) to next year, latest first.
     */
    static List<PolicyYear> policyYears(AgencyLifecycle.State state, int thisYear) {
        int first = state.firstYear() != null ? state.firstYear() : Math.min(thisYear - POLICY_YEARS_BACK,
                state.appealPolicies().stream().mapToInt(AgencyLifecycle.PolicySetting::fromYear).min().orElse(thisYear));
        List<PolicyYear> years = new java.util.ArrayList<>();
        for (int year = thisYear + 1; year >= Math.max(first, LedgerYears.FIRST); year--) {
            AppealPolicy.Applied applied = AppealPolicy.applied(state.appealPolicyIn(year), null);
            AppealPolicy.Basis basis = applied.basis();
            years.add(new PolicyYear(year, applied.policy().name(), applied.policy().label(), basis.source().name(),
                    basis.fromYear(), basis.reason(), basis.setBy(), basis.setAt()));
        }
        return years;
    }
}
