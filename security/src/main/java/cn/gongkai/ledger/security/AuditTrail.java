package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Who did what and when, for one agency: every command, from the events it recorded (their {@code recorded.by} and
 * {@code recorded.at}, which only the command service sets, from the authenticated user and its clock), and every
 * read of personal data in the clear ({@link PersonalDataAudit}). Nothing here can be written through the API.
 */
public class AuditTrail {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoCollection<Document> events;
    private final AgencyDirectory directory;
    private final PersonalDataAudit reads;

    public AuditTrail(MongoDatabase database, AgencyDirectory directory, PersonalDataAudit reads) {
        this.events = database.getCollection(AgencyDirectory.EVENT_STORE);
        this.directory = directory;
        this.reads = reads;
    }

    public record Command(Instant at, String by, String aggregateId, long sequence, String type) {
    }

    public record Trail(String agencyId, List<Command> commands, List<PersonalDataAudit.Read> reads) {
    }

    /** The agency's trail, oldest first, optionally within [from, to) by recording time. */
    public Trail of(AgencyId agency, Instant from, Instant to) {
        List<Command> commands = new ArrayList<>();
        for (Document event : events.find(Filters.exists("aggregateIdentifier"))
                .sort(Sorts.ascending("timestamp", "sequenceNumber"))) {
            String aggregateId = event.getString("aggregateIdentifier");
            Optional<AgencyId> owner = aggregateId.equals(agency.value()) ? Optional.of(agency)
                    : directory.agencyOfCase(aggregateId);
            if (owner.isEmpty() || !owner.get().equals(agency)) {
                continue;
            }
            JsonNode recorded = recorded(event.getString("payload"));
            if (recorded == null || !recorded.path("at").isTextual()) {
                continue;
            }
            Instant at = Instant.parse(recorded.get("at").asText());
            if ((from != null && at.isBefore(from)) || (to != null && !at.isBefore(to))) {
                continue;
            }
            String type = event.getString("payloadType");
            commands.add(new Command(at, recorded.path("by").asText(null), aggregateId,
                    ((Number) event.get("sequenceNumber")).longValue(),
                    type == null ? null : type.substring(type.lastIndexOf('$') + 1)));
        }
        commands.sort(java.util.Comparator.comparing(Command::at));
        return new Trail(agency.value(), commands, reads.reads(agency.value(), from, to));
    }

    private static JsonNode recorded(String payload) {
        try {
            return payload == null ? null : JSON.readTree(payload).get("recorded");
        } catch (IOException e) {
            return null;
        }
    }
}
