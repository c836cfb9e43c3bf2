package cn.gongkai.ledger.command.transfer;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.command.infrastructure.KafkaEventPublisher;
import cn.gongkai.ledger.report.json.LedgerJson;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import cn.gongkai.ledger.command.web.CommandRejected;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Imports an agency's event export (JSON Lines, the format {@code GET /api/agencies/{id}/events} writes and
 * {@code ledger-report fold} reads) into a ledger that has none of its cases: for moving an agency between
 * installations. The whole file is read and checked before anything is stored — every line an event of a known
 * type, every case the agency's, every case's history whole (sequences 0 … n−1), no case already in this
 * ledger — then every event is appended as it was recorded (its id, its sequence, its time, its payload with
 * the officer and time that recorded it), so every report folds as it did where it came from.
 */
@Component
public class EventImporter {
    /** The most events one import takes (an agency's history; a larger one is refused before anything is read further). */
    public static final int MAX_EVENTS = 1_000_000;

    private static final ObjectMapper JSON = LedgerJson.newMapper();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventImporter.class);

    private final EventStore eventStore;
    private EventProcessingConfiguration processing;
    private TokenStore tokens;

    public EventImporter(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The event processors (absent where nothing publishes, as in some tests). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void publishWith(EventProcessingConfiguration processing, TokenStore tokens) {
        this.processing = processing;
        this.tokens = tokens;
    }

    /** What was imported. */
    public record Imported(String agencyId, int cases, int events) {
    }

    public Imported run(AgencyId agency, BufferedReader body) throws IOException {
        Map<String, List<Line>> byAggregate = read(body);
        for (Map.Entry<String, List<Line>> aggregate : byAggregate.entrySet()) {
            check(agency, aggregate.getKey(), aggregate.getValue());
        }
        for (String aggregateId : byAggregate.keySet()) {
            Optional<Long> existing = eventStore.lastSequenceNumberFor(aggregateId);
            if (existing.isPresent()) {
                throw RuleViolation.conflict("CASE_ALREADY_IN_LEDGER", "本台账已有案件或机关（" + aggregateId
                        + "）的记录，导入只能进入没有这些案件的台账，未作任何更改", "The ledger already holds " + aggregateId
                        + "; an export is imported only into a ledger without its cases, nothing was changed");
            }
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        byAggregate.values().forEach(lines -> lines.forEach(l -> messages.add(message(l.event()))));
        if (messages.isEmpty()) {
            throw RuleViolation.unprocessable("EXPORT_EMPTY", "导入文件中没有事件", "The export holds no event");
        }
        eventStore.publish(messages);
        republishFrom(messages.stream().map(DomainEventMessage::getTimestamp).min(Instant::compareTo).orElseThrow());
        return new Imported(agency.value(), byAggregate.size(), messages.size());
    }

    /**
     * The imported events keep the times they were recorded at, which lie before events this ledger already
     * sent to Kafka, and the publisher follows the store by time (looking back only a few seconds): so it is
     * moved back to the earliest imported event, and sends on from there. The events it sends again are the
     * same events; the projector keeps one copy of each. The publisher's stored position is set to a plain token
     * at that time rather than reset through Axon ({@code resetTokens}), which would wrap it in a replay token
     * that merges the look-back window of its position before the reset into every event's token until the
     * replay has caught up: a cost per event that grows with the events since the earliest imported one. This
     * runs after the append, so it must not fail the import: if the publisher cannot be moved, that is logged,
     * and a reconciliation brings the read side up.
     */
    private void republishFrom(Instant earliest) {
        if (processing == null) {
            return;
        }
        String name = KafkaEventPublisher.PROCESSING_GROUP;
        try {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(publisher -> {
                publisher.shutDown();
                TrackingToken from = eventStore.createTokenAt(earliest);
                for (int segment : tokens.fetchSegments(name)) {
                    tokens.storeToken(from, name, segment);
                    tokens.releaseClaim(name, segment);
                }
                publisher.start();
            });
        } catch (RuntimeException e) {
            LOG.error("The imported events are stored but the Kafka publisher could not be moved back to {}; run a"
                    + " reconciliation to bring the read side up to them", earliest, e);
        }
    }

    private record Line(int number, EventEnvelope event) {
    }

    private static Map<String, List<Line>> read(BufferedReader body) throws IOException {
        Map<String, List<Line>> byAggregate = new LinkedHashMap<>();
        int number = 0;
        int events = 0;
        for (String text = body.readLine(); text != null; text = body.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            if (++events > MAX_EVENTS) {
                throw RuleViolation.unprocessable("EXPORT_TOO_LARGE", "一次最多导入 " + MAX_EVENTS + " 个事件",
                        "One import takes at most " + MAX_EVENTS + " events");
            }
            EventEnvelope event = parse(text, number);
            byAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(new Line(number, event));
        }
        return byAggregate;
    }

    private static EventEnvelope parse(String text, int number) {
        try {
            JsonNode node = JSON.readTree(text);
            String type = node.path("type").asText(null);
            Class<? extends LedgerEvent> payloadType = EventTypes.byName(type).orElseThrow(() ->
                    malformed(number, "未知的事件类型 " + type, "unknown event type " + type));
            LedgerEvent payload = JSON.treeToValue(node.path("payload"), payloadType);
            if (payload == null || payload.recorded() == null) {
                throw malformed(number, "事件缺少 payload 或 recorded", "the event has no payload or no recorded");
            }
            String aggregateId = node.path("aggregateId").asText(null);
            if (!payload.aggregateId().equals(aggregateId)) {
                throw malformed(number, "aggregateId 与事件内容不符", "aggregateId does not match the payload");
            }
            JsonNode sequence = node.path("sequence");
            if (!sequence.canConvertToExactIntegral() || sequence.asLong() < 0) {
                throw malformed(number, "sequence 须为非负整数", "sequence must be a non-negative integer");
            }
            String timestamp = node.path("timestamp").asText(null);
            return new EventEnvelope(node.path("eventId").asText(null), null, aggregateId, sequence.asLong(), type,
                    timestamp == null ? payload.recorded().at() : Instant.parse(timestamp), payload);
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            throw malformed(number, String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
        }
    }

    private static CommandRejected malformed(int line, String zh, String en) {
        return new CommandRejected("MALFORMED_EVENT", "第 " + line + " 行不是可导入的事件：" + zh,
                "Line " + line + " is not an importable event: " + en);
    }

    /** The case belongs to the agency (its first naming event says so) and its history is whole. */
    private static void check(AgencyId agency, String aggregateId, List<Line> lines) {
        lines.sort(java.util.Comparator.comparingLong(l -> l.event().sequence()));
        Optional<AgencyId> named = lines.stream().map(l -> l.event().payload().namedAgency())
                .flatMap(Optional::stream).findFirst();
        if (named.isEmpty() || !named.get().equals(agency)) {
            throw RuleViolation.unprocessable("CASE_OF_ANOTHER_AGENCY", "案件（" + aggregateId + "，第 "
                    + lines.get(0).number() + " 行）不属于机关 " + agency + "，未作任何更改", "Case " + aggregateId
                    + " (line " + lines.get(0).number() + ") is not of agency " + agency + "; nothing was changed");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).event().sequence() != i) {
                throw RuleViolation.unprocessable("HISTORY_INCOMPLETE", "案件（" + aggregateId + "）的事件序号不连续："
                        + "缺少或重复第 " + i + " 号事件（第 " + lines.get(i).number() + " 行），未作任何更改",
                        "The history of " + aggregateId + " is not whole: event " + i + " is missing or repeated (line "
                                + lines.get(i).number() + "); nothing was changed");
            }
        }
    }

    private static DomainEventMessage<?> message(EventEnvelope event) {
        LedgerEvent payload = event.payload();
        return new GenericDomainEventMessage<>(EventTypes.aggregateTypeOf(payload.getClass()), event.aggregateId(),
                event.sequence(), payload, MetaData.emptyInstance(),
                event.eventId() == null ? java.util.UUID.randomUUID().toString() : event.eventId(), event.timestamp());
    }
}
