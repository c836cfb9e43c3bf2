package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Which agency a case belongs to and which agency is above which, read from the first event of the case or agency
 * in the event store ({@code domainevents}): a request's id starts with its agency; a reconsideration or lawsuit
 * names it when filed ({@code agencyId}); an agency names its superior ({@code superiorAgencyId}) when registered.
 * These facts never change once recorded, so what was found is kept.
 */
public class AgencyDirectory {
    public static final String EVENT_STORE = "domainevents";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 16;

    private final MongoCollection<Document> events;
    private final Map<String, JsonNode> firstPayloads = new ConcurrentHashMap<>();

    public AgencyDirectory(MongoDatabase database) {
        this.events = database.getCollection(EVENT_STORE);
    }

    /** The agency of a request ({@code agency:number}), a reconsideration or a lawsuit; empty if it is unknown. */
    public Optional<AgencyId> agencyOfCase(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return Optional.empty();
        }
        Optional<AgencyId> inId = agencyInRequestId(caseId);
        if (inId.isPresent()) {
            return inId;
        }
        return firstPayload(caseId).map(p -> p.path("agencyId")).filter(JsonNode::isTextual)
                .map(n -> new AgencyId(n.asText()));
    }

    /** The agency a request id ({@code agency:number}) names; empty for any other id. */
    public static Optional<AgencyId> agencyInRequestId(String caseId) {
        int colon = caseId == null ? -1 : caseId.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AgencyId(caseId.substring(0, colon)));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    public Optional<AgencyId> superiorOf(AgencyId agency) {
        return firstPayload(agency.value()).map(p -> p.path("superiorAgencyId")).filter(JsonNode::isTextual)
                .map(n -> new AgencyId(n.asText()));
    }

    /** Whether {@code agency} is {@code officerAgency} itself or below it (directly or further down). */
    public boolean isAtOrBelow(AgencyId agency, AgencyId officerAgency) {
        AgencyId current = agency;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.equals(officerAgency)) {
                return true;
            }
            current = superiorOf(current).orElse(null);
        }
        return false;
    }

    private Optional<JsonNode> firstPayload(String aggregateId) {
        JsonNode known = firstPayloads.get(aggregateId);
        if (known != null) {
            return Optional.of(known);
        }
        Document first = events.find(Filters.and(Filters.eq("aggregateIdentifier", aggregateId),
                Filters.eq("sequenceNumber", 0L))).first();
        if (first == null || !(first.get("payload") instanceof String payload)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(payload);
            firstPayloads.put(aggregateId, node);
            return Optional.of(node);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
