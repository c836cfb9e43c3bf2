package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand;
import cn.gongkai.ledger.api.lawsuit.LawsuitId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.report.json.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a JSON object (a REST body with the ids of its URL, or an import line) into an api command record.
 * The JSON has the record's fields by name, minus {@code recorded}, which comes from the officer and the clock.
 * Registrations derive or assign their aggregate id: a request's from {@code agencyId} and {@code trackingNumber},
 * a reconsideration's and a lawsuit's is generated when the client sends none.
 */
final class CommandBinder {
    static final String RECORDED = "recorded";
    static final String TRACKING_NUMBER = "trackingNumber";

    private static final ObjectMapper MAPPER = LedgerJson.newMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CommandBinder() {
    }

    /** Parses a JSON object exactly (decimals stay decimals); anything else is refused as malformed. */
    static ObjectNode parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw CommandRejected.malformedJson(e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw CommandRejected.malformedJson("expected a JSON object");
        }
        return object;
    }

    static <C extends LedgerCommand> C bind(Class<C> type, ObjectNode fields, Recorded recorded) {
        if (fields.has(RECORDED)) {
            throw CommandRejected.fieldNotAllowed(RECORDED, "登记人和登记时间由系统填写",
                    "the officer and the time are recorded by the service");
        }
        assignIdentity(type, fields);
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            JsonNode value = fields.get(name);
            if (!name.equals(RECORDED) && (value == null || value.isNull()) && !CommandCatalog.isOptional(type, name)) {
                throw CommandRejected.missingField(name);
            }
        }
        fields.set(RECORDED, MAPPER.valueToTree(recorded));
        try {
            return MAPPER.treeToValue(fields, type);
        } catch (UnrecognizedPropertyException e) {
            throw CommandRejected.unknownField(e.getPropertyName());
        } catch (ValueInstantiationException e) {
            throw CommandRejected.invalidField(path(e), rootMessage(e));
        } catch (JsonMappingException e) {
            throw CommandRejected.invalidField(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw CommandRejected.malformedJson(e.getOriginalMessage());
        }
    }

    private static void assignIdentity(Class<?> type, ObjectNode fields) {
        if (type == DisclosureRequestCommand.ReceiveRequest.class) {
            if (fields.has("requestId")) {
                throw CommandRejected.fieldNotAllowed("requestId", "申请编号由 agencyId 和 trackingNumber 组成",
                        "the request id is made of agencyId and trackingNumber");
            }
            String agency = requiredText(fields, "agencyId");
            String trackingNumber = requiredText(fields, TRACKING_NUMBER);
            fields.remove("agencyId");
            fields.remove(TRACKING_NUMBER);
            RequestId id = validId("trackingNumber", () -> RequestId.of(new AgencyId(agency), trackingNumber));
            fields.put("requestId", id.value());
        } else if (type == ReconsiderationCommand.FileReconsideration.class) {
            assignIfMissing(fields, "reconsiderationId", ReconsiderationId.random().value());
        } else if (type == LawsuitCommand.FileLawsuit.class) {
            assignIfMissing(fields, "lawsuitId", LawsuitId.random().value());
        }
    }

    private static void assignIfMissing(ObjectNode fields, String idField, String generated) {
        JsonNode given = fields.get(idField);
        if (given == null || given.isNull()) {
            fields.put(idField, generated);
        }
    }

    private static String requiredText(ObjectNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw CommandRejected.missingField(name);
        }
        if (!value.isTextual()) {
            throw CommandRejected.invalidField(name, "expected a string");
        }
        return value.asText();
    }

    private static <T> T validId(String field, Supplier<T> id) {
        try {
            return id.get();
        } catch (IllegalArgumentException e) {
            throw CommandRejected.invalidField(field, e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(body)" : path.replace(".[", "[");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
