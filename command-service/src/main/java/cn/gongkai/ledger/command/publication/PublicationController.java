package cn.gongkai.ledger.command.publication;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.publication.PublicationCommand.PublishAnnualReport;
import cn.gongkai.ledger.api.publication.PublicationId;
import cn.gongkai.ledger.command.calendar.RequestHistoryReader;
import cn.gongkai.ledger.command.web.CommandAccepted;
import cn.gongkai.ledger.command.web.CommandEndpoint;
import cn.gongkai.ledger.command.web.CommandRejected;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reports/{agencyId}/{year}/publication} (body optional: {@code {"format": "2021"|"2019",
 * "appealPolicy": "OPEN_IN_YEAR"|"FILED_IN_YEAR"}}, by a signed-in 报告 officer of the agency): folds the
 * agency's report from the event store — every event recorded so far, whose latest recording time becomes the
 * publication's watermark — and publishes it as {@link PublishAnnualReport}, with table 四 under the policy the
 * agency set for the year unless the body names one; the event records the policy applied, and the tables say why
 * ({@code appealPolicyBasis}). Publishing a year again after
 * corrections publishes a revision; the read side shows the publication once the projector has the event.
 */
@RestController
public class PublicationController {
    private static final Set<String> FIELDS = Set.of("format", "appealPolicy");

    private final CommandEndpoint endpoint;
    private final RequestHistoryReader eventStore;

    public PublicationController(CommandEndpoint endpoint, RequestHistoryReader eventStore) {
        this.endpoint = endpoint;
        this.eventStore = eventStore;
    }

    @PostMapping("/api/reports/{agencyId}/{year}/publication")
    public ResponseEntity<CommandAccepted> publish(@PathVariable String agencyId, @PathVariable int year,
                                                   @RequestBody(required = false) String body) {
        AgencyId agency = new AgencyId(agencyId);
        ObjectNode fields = body == null || body.isBlank() ? null : endpoint.parse(body);
        if (fields != null) {
            fields.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw new CommandRejected("UNKNOWN_FIELD", "未知字段：" + name + "（可选：format、appealPolicy）",
                            "Unknown field: " + name + " (format, appealPolicy)");
                }
            });
        }
        ReportRequest request = request(agency, year, text(fields, "format"), text(fields, "appealPolicy"));
        List<EventEnvelope> events = eventStore.agencyHistory(agency);
        if (events.isEmpty()) {
            throw new AggregateNotFoundException(agencyId, "no events of agency " + agencyId);
        }
        AnnualReport report = ReportFold.fold(events, request);
        String tables = ReportJson.write(report);
        CommandAccepted accepted = endpoint.send(PublishAnnualReport.class, agency, recorded -> new PublishAnnualReport(
                PublicationId.of(agency, year), request.format().code(), report.appealPolicy().name(),
                report.asOf().toInstant(), events.size(), tables, AnnualReportPublication.sha256(tables), recorded));
        return ResponseEntity.created(URI.create("/api/reports/" + agencyId + "/" + year + "/publication")).body(accepted);
    }

    private static ReportRequest request(AgencyId agency, int year, String format, String appealPolicy) {
        try {
            ReportFormat reportFormat = format == null ? ReportFormat.forYear(year) : ReportFormat.fromCode(format);
            AppealPolicy policy = appealPolicy == null ? null // the agency's policy for the year
                    : Arrays.stream(AppealPolicy.values()).filter(p -> p.name().equals(appealPolicy)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("appealPolicy: " + appealPolicy
                            + " (OPEN_IN_YEAR or FILED_IN_YEAR)"));
            return new ReportRequest(agency, year, reportFormat, policy, null);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID_FIELD", "报告参数无效：" + e.getMessage(), "Invalid report parameter: "
                    + e.getMessage());
        }
    }

    private static String text(ObjectNode fields, String name) {
        JsonNode value = fields == null ? null : fields.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
