package cn.gongkai.ledger.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared mapper of the event and report JSON ({@link LedgerJson}) and the helpers around it. */
final class JsonMappers {
    /** Thread-safe once configured. */
    static final ObjectMapper MAPPER = LedgerJson.newMapper();

    private JsonMappers() {
    }

    /** @throws IllegalArgumentException when the text is not JSON */
    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming {@code what} when the node is not a JSON object */
    static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
