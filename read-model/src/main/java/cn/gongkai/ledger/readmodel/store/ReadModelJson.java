package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.report.json.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Converts read-model records to MongoDB documents and back through JSON, in the ledger's one JSON configuration
 * ({@link LedgerJson}): dates as ISO strings (so that they sort and compare as text), unknown fields ignored when
 * reading. Held in one place so that every repository
 * and the query service read the documents the same way.
 */
public final class ReadModelJson {
    private static final ObjectMapper MAPPER = LedgerJson.newMapper();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ReadModelJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The record as a document with {@code _id} set to {@code id}. */
    public static Document toDocument(String id, Object value) {
        Document document = new Document("_id", id);
        document.putAll(Document.parse(write(value)));
        return document;
    }

    /** The record a document holds ({@code _id} and fields the record does not have are ignored). */
    public static <T> T fromDocument(Document document, Class<T> type) {
        try {
            return MAPPER.readValue(document.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read-model document " + document.get("_id"), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }
}
