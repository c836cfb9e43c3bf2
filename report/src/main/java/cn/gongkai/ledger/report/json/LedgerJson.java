package cn.gongkai.ledger.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON codec configuration of the ledger's messages (the event wire format), independent of the web
 * layer's ObjectMapper: ISO dates ({@code 2024-01-02}, {@code 2024-01-02T01:00:00Z}, never shifted to a zone),
 * amounts as exact plain decimals (never through a double, scale kept), record components by name, unknown
 * fields ignored when reading (a tolerant reader: an event stored by a later version still loads). Used for the
 * stored event payloads (Axon's serializer), the Kafka values and JSON Lines ({@link EventJson}), the canonical
 * report JSON ({@link ReportJson}), the read model's documents and, made strict, the command bodies.
 */
public final class LedgerJson {
    private LedgerJson() {
    }

    /** The configuration, to be built (and, for command bodies, made stricter). */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** A new mapper of this configuration (thread-safe once built; callers that change it get their own). */
    public static ObjectMapper newMapper() {
        return builder().build();
    }
}
