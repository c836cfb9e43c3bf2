package cn.gongkai.ledger.report.json;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.InputLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The documented event JSON: {@code {"eventId", "aggregateType", "aggregateId", "sequence", "type",
 * "timestamp", "payload"}}, the payload being the event record's fields, typed through
 * {@link EventTypes#byName(String) EventTypes.byName(type)}. Dates are ISO strings ({@code "2024-01-02"},
 * instants {@code "2024-01-02T01:00:00Z"}); amounts are JSON numbers read and written exactly (scale kept; a
 * decimal string is accepted too). One event per line in JSON Lines files.
 */
public final class EventJson {
    private EventJson() {
    }

    public static ObjectNode toJson(EventEnvelope event) {
        ObjectNode node = JsonMappers.MAPPER.createObjectNode();
        node.put("eventId", event.eventId());
        node.put("aggregateType", event.aggregateType());
        node.put("aggregateId", event.aggregateId());
        node.put("sequence", event.sequence());
        node.put("type", event.type());
        node.put("timestamp", event.timestamp() == null ? null : event.timestamp().toString());
        node.set("payload", JsonMappers.MAPPER.valueToTree(event.payload()));
        return node;
    }

    /**
     * The event as one line of JSON: exactly the text of {@link #toJson}'s tree ({@code toString()}), written in one
     * streaming pass without building the tree (the tree's text writes a decimal as {@link java.math.BigDecimal#toString()},
     * so this writer does too).
     */
    public static String write(EventEnvelope event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = AS_TREE_TEXT.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", event.eventId());
            g.writeStringField("aggregateType", event.aggregateType());
            g.writeStringField("aggregateId", event.aggregateId());
            g.writeNumberField("sequence", event.sequence());
            g.writeStringField("type", event.type());
            g.writeStringField("timestamp", event.timestamp() == null ? null : event.timestamp().toString());
            g.writeFieldName("payload");
            AS_TREE_TEXT.writeValue(g, event.payload());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The shared mapper's writer, writing numbers as a JSON tree's {@code toString()} does. */
    private static final ObjectWriter AS_TREE_TEXT = JsonMappers.MAPPER.writer()
            .without(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** @throws IllegalArgumentException when the text is not an event of a known type */
    public static EventEnvelope read(String json) {
        return fromJson(JsonMappers.parse(json));
    }

    /**
     * Reads a Kafka record's value as strictly as a command body ({@link StrictJson}): at most
     * {@value InputLimits#EVENT_MAX_BYTES} bytes of well-formed UTF-8 (a leading byte-order mark is skipped), one
     * JSON object without duplicate keys or trailing content, an event of a known type whose fields have their
     * exact JSON types (no coercion, ISO dates, exact amounts), a sequence within {@link InputLimits#count}, and
     * a payload within every limit of {@link InputLimits} (as the command side enforces them).
     *
     * @throws IllegalArgumentException (an {@link cn.gongkai.ledger.api.common.InputViolation} for a limit) saying
     *                                  why the value is not such an event
     */
    public static EventEnvelope readStrict(byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("empty record");
        }
        if (value.length > InputLimits.EVENT_MAX_BYTES) {
            throw new IllegalArgumentException("record of " + value.length + " bytes is larger than an event may be ("
                    + InputLimits.EVENT_MAX_BYTES + " bytes)");
        }
        int start = value.length >= 3 && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB
                && (value[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StrictJson.utf8(value, start, value.length - start);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not well-formed UTF-8", e);
        }
        JsonNode node;
        try {
            node = StrictJson.EVENTS.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not strict JSON: " + e.getOriginalMessage(), e);
        }
        EventEnvelope event = fromJson(node, StrictJson.EVENTS);
        InputLimits.count("sequence", event.sequence());
        if (!(event.payload() instanceof Record payload)) {
            throw new IllegalArgumentException("payload is not an event record");
        }
        InputLimits.checkEvent(payload);
        return event;
    }

    /** @throws IllegalArgumentException when the node is not an event of a known type */
    public static EventEnvelope fromJson(JsonNode node) {
        return fromJson(node, JsonMappers.MAPPER);
    }

    private static EventEnvelope fromJson(JsonNode node, ObjectMapper mapper) {
        JsonMappers.requireObject(node, "an event");
        String type = required(node, "type").asText();
        Class<? extends LedgerEvent> payloadType = EventTypes.byName(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
        JsonNode sequence = required(node, "sequence");
        if (!sequence.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("sequence must be an integer: " + sequence);
        }
        LedgerEvent payload;
        try {
            payload = mapper.treeToValue(required(node, "payload"), payloadType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad " + type + " payload: " + message(e), e);
        }
        String aggregateId = required(node, "aggregateId").asText();
        if (!aggregateId.equals(payload.aggregateId())) {
            throw new IllegalArgumentException(
                    "aggregateId " + aggregateId + " is not the payload's aggregate " + payload.aggregateId());
        }
        String aggregateType = text(node, "aggregateType");
        if (aggregateType != null && !aggregateType.equals(EventTypes.aggregateTypeOf(payloadType))) {
            throw new IllegalArgumentException("aggregateType " + aggregateType + " does not match type " + type);
        }
        String timestamp = text(node, "timestamp");
        return new EventEnvelope(text(node, "eventId"), aggregateType, aggregateId, sequence.asLong(), type,
                timestamp == null ? null : Instant.parse(timestamp), payload);
    }

    /**
     * A stored event (the event store's document: its envelope fields as stored and its payload as JSON text) with
     * the same checks and the same result as {@link #fromJson(JsonNode)} of the envelope built from them, in one
     * Jackson pass over the payload straight into its record (no intermediate tree): what a rebuild reads.
     *
     * @param type the event type name ({@link EventTypes#byName})
     * @throws IllegalArgumentException when the type is unknown or the payload is not such an event of the aggregate
     */
    public static EventEnvelope ofStored(String eventId, String aggregateId, long sequence, String type,
                                         Instant timestamp, String payloadJson) {
        if (type == null) {
            throw new IllegalArgumentException("missing type");
        }
        Class<? extends LedgerEvent> payloadType = EventTypes.byName(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
        if (payloadJson == null) {
            throw new IllegalArgumentException("missing payload");
        }
        LedgerEvent payload;
        try {
            payload = READERS.get(payloadType).readValue(payloadJson);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad " + type + " payload: " + message(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (payload == null) {
            throw new IllegalArgumentException("missing payload");
        }
        if (aggregateId == null) {
            throw new IllegalArgumentException("missing aggregateId");
        }
        if (!aggregateId.equals(payload.aggregateId())) {
            throw new IllegalArgumentException(
                    "aggregateId " + aggregateId + " is not the payload's aggregate " + payload.aggregateId());
        }
        return new EventEnvelope(eventId, null, aggregateId, sequence, type, timestamp, payload);
    }

    /** One reader per event type, made once (a reader is immutable and thread-safe). */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return JsonMappers.MAPPER.readerFor(type);
        }
    };

    /** Reads JSON Lines (blank lines skipped). @throws IllegalArgumentException naming the line that is bad */
    public static List<EventEnvelope> readLines(BufferedReader reader) {
        List<EventEnvelope> events = new ArrayList<>();
        int lineNumber = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    events.add(readLine(line, lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static EventEnvelope readLine(String line, int lineNumber) {
        try {
            return read(line);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
