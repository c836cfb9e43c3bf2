package cn.gongkai.ledger.report.json;

import cn.gongkai.ledger.api.common.InputLimits;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * How a command's JSON is read: strictly, with no coercion. Strings only from JSON strings (NFC-normalised),
 * integers only from JSON integers within {@code int}, amounts only from JSON numbers (exact), dates only from
 * {@code "YYYY-MM-DD"} strings, enums only by their exact names, duplicate keys and trailing content refused.
 * The limits on the values themselves are {@link InputLimits}, checked after binding. The one strict reader of
 * the ledger: the command bodies and import lines ({@link #MAPPER}) and the events the projector consumes from
 * Kafka ({@link #EVENTS}, the same rules except that a field it does not know is ignored, so that an event
 * written by a later version still loads; {@link EventJson#readStrict(byte[])}).
 */
public final class StrictJson {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Command bodies and import lines: also refuses a field the command does not have. */
    public static final ObjectMapper MAPPER = newMapper();
    /** Events from the topic: the same, but a field the event does not have (a later version's) is ignored. */
    public static final ObjectMapper EVENTS = eventMapper();

    private StrictJson() {
    }

    private static ObjectMapper eventMapper() {
        ObjectMapper mapper = newMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(64).maxNestingDepth(16).maxStringLength(InputLimits.EVENT_MAX_BYTES).build());
        return mapper;
    }

    private static ObjectMapper newMapper() {
        ObjectMapper mapper = LedgerJson.newMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().configure(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature(), false);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(64).maxNestingDepth(16).maxStringLength(InputLimits.BODY_MAX_BYTES).build());
        SimpleModule strict = new SimpleModule("strict-ledger-input");
        strict.addDeserializer(String.class, new StrictString());
        strict.addDeserializer(Integer.class, new StrictInt());
        strict.addDeserializer(int.class, new StrictInt());
        strict.addDeserializer(BigDecimal.class, new StrictDecimal());
        strict.addDeserializer(LocalDate.class, new StrictDate());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass(), deserializer);
            }
        });
        mapper.registerModule(strict);
        return mapper;
    }

    /** Decodes UTF-8 strictly: a malformed or truncated sequence is refused, never replaced by U+FFFD. */
    public static String utf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
        return chars.toString();
    }

    private static MismatchedInputException wrongType(JsonParser p, Class<?> type, String expected) {
        return MismatchedInputException.from(p, type, "expected " + expected + ", got " + p.currentToken());
    }

    /** An enum only by its exact constant name: Jackson would also accept {@code " LICENSING"} (trimmed). */
    private static final class ExactEnum extends JsonDeserializer<Object> {
        private final Class<?> type;
        private final JsonDeserializer<?> delegate;

        ExactEnum(Class<?> type, JsonDeserializer<?> delegate) {
            this.type = type;
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw wrongType(p, type, "the name of a constant");
            }
            String name = p.getText();
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return delegate.deserialize(p, context);
                }
            }
            throw MismatchedInputException.from(p, type, "not a constant of " + type.getSimpleName() + ": " + name);
        }
    }

    private static final class StrictString extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw wrongType(p, String.class, "a JSON string");
            }
            return InputLimits.normalise(p.getText());
        }
    }

    private static final class StrictInt extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                throw wrongType(p, Integer.class, "a JSON integer");
            }
            return p.getIntValue();
        }
    }

    private static final class StrictDecimal extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw wrongType(p, BigDecimal.class, "a JSON number");
            }
            return p.getDecimalValue();
        }
    }

    private static final class StrictDate extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING || !ISO_DATE.matcher(p.getText()).matches()) {
                throw wrongType(p, LocalDate.class, "an ISO date string YYYY-MM-DD");
            }
            try {
                return LocalDate.parse(p.getText(), DATE);
            } catch (DateTimeParseException e) {
                throw MismatchedInputException.from(p, LocalDate.class, "no such date: " + p.getText());
            }
        }
    }
}
