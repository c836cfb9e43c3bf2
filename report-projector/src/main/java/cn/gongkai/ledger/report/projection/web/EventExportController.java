package cn.gongkai.ledger.report.projection.web;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.readmodel.eventstore.EventStoreReader;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agencies/{agencyId}/events}: every event of the agency's cases, straight from the event store,
 * as JSON Lines (one event per line, each case in sequence order) in the format {@code ledger-report fold} reads
 * and {@code POST /api/agencies/{agencyId}/events} imports: for audits and for moving an agency between
 * installations. The body is streamed, line by line.
 */
@RestController
public class EventExportController {
    public static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final EventStoreReader eventStore;

    public EventExportController(EventStoreReader eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Written to the response as it is read, line by line, on the request's own thread (not as an asynchronous
     * body, whose second dispatch the security filters would have to authorise again).
     */
    @GetMapping("/api/agencies/{agencyId}/events")
    public void export(@PathVariable String agencyId, HttpServletResponse response) throws IOException {
        AgencyId agency;
        try {
            agency = new AgencyId(agencyId);
        } catch (IllegalArgumentException e) {
            throw LedgerProblemException.badRequest("INVALID_AGENCY_ID", "机关编号无效：" + agencyId,
                    "Invalid agency id: " + agencyId);
        }
        List<EventEnvelope> events = eventStore.readAgency(agency);
        if (events.isEmpty()) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "事件库中没有行政机关 " + agencyId + " 的任何事件",
                    "The event store holds no event of agency " + agencyId);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON_LINES.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + agencyId + "-events.jsonl\"");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        for (EventEnvelope event : events) {
            writer.write(EventJson.write(event));
            writer.write('\n');
        }
        writer.flush();
    }
}
