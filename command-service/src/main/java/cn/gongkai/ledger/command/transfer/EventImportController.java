package cn.gongkai.ledger.command.transfer;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.command.web.CommandRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/agencies/{agencyId}/events}: an agency's event export (JSON Lines) into a ledger without
 * its cases; all of it or nothing ({@link EventImporter}). An administrator of the agency only (EndpointPolicy).
 */
@RestController
public class EventImportController {
    private final EventImporter importer;

    public EventImportController(EventImporter importer) {
        this.importer = importer;
    }

    @PostMapping("/api/agencies/{agencyId}/events")
    public ResponseEntity<EventImporter.Imported> importEvents(@PathVariable String agencyId,
                                                               HttpServletRequest request) throws IOException {
        request.setCharacterEncoding("UTF-8");
        AgencyId agency;
        try {
            agency = new AgencyId(agencyId);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID_FIELD", "机关编号无效：" + agencyId, "Invalid agency id: " + agencyId);
        }
        EventImporter.Imported imported = importer.run(agency, request.getReader());
        return ResponseEntity.created(URI.create("/api/agencies/" + agencyId + "/events")).body(imported);
    }
}
