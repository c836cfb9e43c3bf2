package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.report.json.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Converts read-model records to MongoDB documents and back, in the ledger's one JSON configuration
 * ({@link LedgerJson}): dates as ISO strings (so that they sort and compare as text), unknown fields ignored when
 * reading. Held in one place so that every repository and the query service read the documents the same way.
 *
 * <p>Numbers never pass through floating point: the record's JSON tree is turned into BSON value by value, a
 * decimal (an amount) as an exact {@link Decimal128} with its scale, an integer as an int32/int64 (or a
 * Decimal128 beyond a long), and back. A decimal Decimal128 cannot hold exactly (more than 34 digits) is refused
 * with an exception rather than rounded; the ledger's amounts have at most 19 ({@code InputLimits.YUAN_MAX}).
 */
public final class ReadModelJson {
    private static final ObjectMapper MAPPER = LedgerJson.newMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ReadModelJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The record as a document with {@code _id} set to {@code id}. */
    public static Document toDocument(String id, Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("a read-model record must be a JSON object: " + value);
        }
        Document document = new Document("_id", id);
        tree.fields().forEachRemaining(field -> {
            if (!"_id".equals(field.getKey())) {
                document.put(field.getKey(), bson(field.getValue()));
            }
        });
        return document;
    }

    /** The record a document holds ({@code _id} and fields the record does not have are ignored). */
    public static <T> T fromDocument(Document document, Class<T> type) {
        try {
            return MAPPER.treeToValue(json(document), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
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

    /** A JSON value as the BSON value stored for it. */
    private static Object bson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Document document = new Document();
            node.fields().forEachRemaining(field -> document.put(field.getKey(), bson(field.getValue())));
            return document;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(bson(item)));
            return items;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt() || node.isShort()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger() || node.isBigDecimal()) {
            return decimal(node.decimalValue());
        }
        if (node.isDouble() || node.isFloat()) {
            // No read-model record has a floating-point field; kept as it is should one ever appear.
            return node.doubleValue();
        }
        if (node.isBinary()) {
            try {
                return node.binaryValue();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return node.asText();
    }

    private static Decimal128 decimal(BigDecimal value) {
        try {
            return new Decimal128(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the number " + value.toPlainString()
                    + " cannot be stored exactly in the read model (a Decimal128 holds 34 digits)", e);
        }
    }

    /** A stored BSON value as JSON. */
    private static JsonNode json(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), json(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Iterator<?> items = list.iterator(); items.hasNext(); ) {
                array.add(json(items.next()));
            }
            return array;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Decimal128 number) {
            return NODES.numberNode(number.bigDecimalValue());
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof ObjectId id) {
            return NODES.textNode(id.toHexString());
        }
        if (value instanceof java.util.Date date) {
            return NODES.textNode(date.toInstant().toString());
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        return NODES.textNode(value.toString());
    }
}
