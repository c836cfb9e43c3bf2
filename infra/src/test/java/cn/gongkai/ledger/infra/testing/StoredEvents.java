package cn.gongkai.ledger.infra.testing;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.json.EventJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;

/** Events as the command service's Axon Mongo storage engine stores them in {@code domainevents}. */
public final class StoredEvents {
    private StoredEvents() {
    }

    /** One document per event: payload as Jackson text in {@code payload}, meta-data in {@code metaData}. */
    public static List<Document> documents(Collection<EventEnvelope> events) {
        List<Document> stored = new ArrayList<>(events.size());
        for (EventEnvelope e : events) {
            stored.add(new Document("aggregateIdentifier", e.aggregateId()).append("type", e.aggregateType())
                    .append("sequenceNumber", e.sequence())
                    .append("payload", EventJson.toJson(e).get("payload").toString())
                    .append("timestamp", e.timestamp().toString())
                    .append("payloadType", e.payload().getClass().getName()).append("payloadRevision", null)
                    .append("metaData", "{}").append("eventIdentifier", e.eventId()));
        }
        return stored;
    }
}
