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
import cn.gongkai.ledger.report.json.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.InputViolation;
import cn.gongkai.ledger.api.common.TypedId;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
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

    private static final ObjectMapper MAPPER = StrictJson.MAPPER;

    private CommandBinder() {
    }

    /** Parses a JSON object exactly (decimals stay decimals, duplicate keys refused); anything else is malformed. */
    static ObjectNode parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw CommandRejected.malformedJson(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw CommandRejected.notAnObject();
        }
        return object;
    }

    /** Parses a body of bytes: strict UTF-8 (a malformed byte is refused, never replaced), then {@link #parse(String)}. */
    static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw CommandRejected.notAnObject();
        }
        try {
            return parse(StrictJson.utf8(body, 0, body.length));
        } catch (CharacterCodingException e) {
            throw CommandRejected.invalidEncoding(null);
        }
    }

    static <C extends LedgerCommand> C bind(Class<C> type, ObjectNode fields, Recorded recorded) {
        if (fields.has(RECORDED)) {
            throw CommandRejected.fieldNotAllowed(RECORDED, "登记人和登记时间由系统填写",
                    "the officer and the time are recorded by the service");
        }
        assignIdentity(type, fields);
        checkRawIds(type, fields);
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            JsonNode value = fields.get(name);
            if (!name.equals(RECORDED) && (value == null || value.isNull()) && !CommandCatalog.isOptional(type, name)) {
                throw CommandRejected.missingField(name);
            }
        }
        fields.set(RECORDED, MAPPER.valueToTree(recorded));
        C command;
        try {
            command = MAPPER.treeToValue(fields, type);
        } catch (UnrecognizedPropertyException e) {
            throw CommandRejected.unknownField(e.getPropertyName());
        } catch (ValueInstantiationException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof InputViolation violation) {
                throw CommandRejected.of(violation);
            }
            throw CommandRejected.invalidField(path(e), "值不符合要求", cause.getMessage());
        } catch (JsonMappingException e) {
            throw CommandRejected.invalidField(path(e), expectedZh(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw CommandRejected.malformedJson(e);
        }
        try {
            InputLimits.check((Record) command);
        } catch (InputViolation violation) {
            throw CommandRejected.of(violation);
        }
        return command;
    }

    /** What the field should have held, in Chinese, from the type Jackson could not bind. */
    private static String expectedZh(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "值的类型不符";
        }
        if (target.isEnum()) {
            return "应为以下值之一：" + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining("、"));
        }
        if (target == String.class || TypedId.class.isAssignableFrom(target)) {
            return "应为字符串";
        }
        if (target == Integer.class || target == int.class) {
            return "应为整数（JSON 整数，不带小数点、不加引号，且在 int 范围内）";
        }
        if (target == BigDecimal.class) {
            return "应为数字（JSON 数字，不加引号）";
        }
        if (target == LocalDate.class) {
            return "应为 YYYY-MM-DD 格式的日期字符串，且是存在的日期";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "应为数组";
        }
        return "应为 JSON 对象";
    }

    private static void assignIdentity(Class<?> type, ObjectNode fields) {
        if (type == DisclosureRequestCommand.ReceiveRequest.class) {
            if (fields.has("requestId")) {
                throw CommandRejected.fieldNotAllowed("requestId", "申请编号由 agencyId 和 trackingNumber 组成",
                        "the request id is made of agencyId and trackingNumber");
            }
            String agency = rawId(requiredText(fields, "agencyId"), "agencyId");
            String trackingNumber = rawId(requiredText(fields, TRACKING_NUMBER), TRACKING_NUMBER);
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

    /** Ids are checked as sent, before a typed id could trim them: {@code "R01 "} is not {@code "R01"}. */
    private static void checkRawIds(Class<?> type, ObjectNode fields) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = fields.get(component.getName());
            if (value != null && value.isTextual() && TypedId.class.isAssignableFrom(component.getType())) {
                String raw = value.asText();
                int colon = raw.indexOf(':');
                if (component.getType() == RequestId.class && colon >= 0) {
                    rawId(raw.substring(0, colon), component.getName());
                    rawId(raw.substring(colon + 1), component.getName());
                } else {
                    rawId(raw, component.getName());
                }
            }
        }
    }

    private static String rawId(String value, String field) {
        try {
            return InputLimits.id(field, value);
        } catch (InputViolation violation) {
            throw CommandRejected.of(violation);
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
            throw CommandRejected.invalidField(name, "应为字符串", "expected a string");
        }
        return value.asText();
    }

    private static <T> T validId(String field, Supplier<T> id) {
        try {
            return id.get();
        } catch (IllegalArgumentException e) {
            throw CommandRejected.invalidField(field, "编号无效", e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(body)" : path.replace(".[", "[");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
