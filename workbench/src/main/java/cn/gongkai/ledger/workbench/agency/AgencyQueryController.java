package cn.gongkai.ledger.workbench.agency;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.fold.AnnualReport;
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
 * decision and fee tallies, as recorded) and that year's tallies as table 二 counts them.
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

    public record AgencyDetail(String agencyId, String name, String superiorAgencyId, int year,
                               Map<String, Map<String, BigDecimal>> tallies, List<RegisterEntry> register) {
    }

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
        int reportYear = year == null ? java.time.LocalDate.now(cn.gongkai.ledger.api.common.Recorded.ZONE).getYear() : year;
        AnnualReport report = ReportFold.fold(events.ofAgency(new AgencyId(id)), ReportRequest.of(new AgencyId(id), reportYear));
        AgencyCatalog.AgencySummary summary = AgencyCatalog.summary(id, history);
        List<RegisterEntry> register = history.stream().sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .map(e -> new RegisterEntry(e.sequence(), e.type(), Vocabulary.eventLabel(e.type()),
                        e.payload().recorded().at(), e.payload().recorded().by(), JSON.valueToTree(e.payload())))
                .toList();
        return new AgencyDetail(id, summary.name(), summary.superiorAgencyId(), reportYear, report.table2(), register);
    }
}
