package cn.gongkai.ledger.api.common;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every limit on an input of the ledger, in one place: the REST bodies, the import lines and the events the
 * projector consumes are all checked against it ({@link #check(Record)}), and docs/import-format.md lists the
 * same figures (a test keeps the two in step).
 *
 * <ul>
 *   <li><b>Ids</b> (agency ids, tracking numbers, the {@code rc-}/{@code ls-} ids, {@code documentId},
 *       {@code batchRef}, {@code calendarVersion}): 1 to {@value #ID_MAX_LENGTH} characters of the safe alphabet
 *       {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit. A request id is {@code agencyId:trackingNumber},
 *       each part an id. No space, {@code / \ % [ ] | ^ "}, control, zero-width or other invisible characters.</li>
 *   <li><b>Names</b> (people, courts, offices, document numbers): one line, 1 to {@value #NAME_MAX_LENGTH}
 *       characters, printable.</li>
 *   <li><b>Texts</b> (subject, reason, summary, title, what is missing): 1 to {@value #TEXT_MAX_LENGTH}
 *       characters, printable, line breaks allowed. A publication's {@code tables}, which the ledger writes
 *       itself, may be as long as one event ({@value #EVENT_MAX_BYTES}).</li>
 *   <li>Printable: no control characters (except a line feed in a text), no format characters (zero-width
 *       spaces, joiners, direction marks, byte-order marks), no unpaired surrogates, private-use or unassigned
 *       code points; not blank; in Unicode NFC (the service normalises what it receives).</li>
 *   <li><b>Amounts</b> in yuan: exact decimals from 0 up to {@link #YUAN_MAX}, never written with an
 *       exponent (the aggregates further require at most two decimals).</li>
 *   <li><b>Counts</b> (integers): JSON integers from 0 to {@value #COUNT_MAX}; so is an event's sequence.</li>
 *   <li><b>Business dates</b>: ISO dates {@code YYYY-MM-DD} from {@link #DATE_MIN} to {@link #DATE_MAX}.</li>
 *   <li><b>Lists</b>: at most {@value #LIST_MAX_SIZE} items.</li>
 *   <li><b>Sizes</b>: a REST body at most {@value #BODY_MAX_BYTES} bytes, an import body at most
 *       {@value #IMPORT_MAX_BYTES} bytes and {@value #IMPORT_MAX_LINES} lines, each line at most
 *       {@value #BODY_MAX_BYTES} bytes (a 台账 file, XLSX or CSV, at most {@value #IMPORT_MAX_BYTES} bytes too; an
 *       agency's event export at most {@value #TRANSFER_MAX_BYTES} bytes); one event's JSON at most {@value #EVENT_MAX_BYTES} bytes, well below the
 *       Kafka message limit {@value #KAFKA_MAX_MESSAGE_BYTES} (producer, broker and consumer use that figure);
 *       the request headers at most {@value #HEADERS_MAX_BYTES} bytes.</li>
 * </ul>
 */
public final class InputLimits {
    public static final int ID_MAX_LENGTH = 64;
    /** The safe alphabet of an id. */
    public static final String ID_ALPHABET = "[A-Za-z0-9][A-Za-z0-9._-]*";
    public static final int NAME_MAX_LENGTH = 200;
    public static final int TEXT_MAX_LENGTH = 2000;
    public static final int LIST_MAX_SIZE = 16;
    public static final long COUNT_MAX = 100_000_000L;
    public static final BigDecimal YUAN_MAX = new BigDecimal("99999999999999999.99");
    public static final LocalDate DATE_MIN = LocalDate.of(2000, 1, 1);
    public static final LocalDate DATE_MAX = LocalDate.of(2099, 12, 31);
    public static final int BODY_MAX_BYTES = 64 * 1024;
    public static final int IMPORT_MAX_BYTES = 10 * 1024 * 1024;
    public static final int IMPORT_MAX_LINES = 10_000;
    /** An agency's event export brought into another installation ({@code POST /api/agencies/{id}/events}). */
    public static final int TRANSFER_MAX_BYTES = 256 * 1024 * 1024;
    public static final int EVENT_MAX_BYTES = 256 * 1024;
    public static final int KAFKA_MAX_MESSAGE_BYTES = 1024 * 1024;
    public static final int HEADERS_MAX_BYTES = 16 * 1024;

    /** How a string field is limited. */
    public enum TextKind {
        ID(ID_MAX_LENGTH, "编号"), NAME(NAME_MAX_LENGTH, "名称"), TEXT(TEXT_MAX_LENGTH, "文字"),
        /** A document the ledger itself writes into an event (a publication's tables): up to one event's size. */
        DOCUMENT(EVENT_MAX_BYTES, "文档");

        private final int maxLength;
        private final String labelZh;

        TextKind(int maxLength, String labelZh) {
            this.maxLength = maxLength;
            this.labelZh = labelZh;
        }

        public int maxLength() {
            return maxLength;
        }
    }

    private static final Pattern ID = Pattern.compile(ID_ALPHABET);

    /** The string fields of the commands and events that are not names; every other string field is a name. */
    private static final Map<String, TextKind> KINDS = Map.ofEntries(
            Map.entry("documentId", TextKind.ID),
            Map.entry("batchRef", TextKind.ID),
            Map.entry("calendarVersion", TextKind.ID),
            Map.entry("trackingNumber", TextKind.ID),
            Map.entry("subject", TextKind.TEXT),
            Map.entry("reason", TextKind.TEXT),
            Map.entry("summary", TextKind.TEXT),
            Map.entry("missing", TextKind.TEXT),
            Map.entry("title", TextKind.TEXT),
            Map.entry("receiptRule", TextKind.TEXT),
            Map.entry("tables", TextKind.DOCUMENT));

    private InputLimits() {
    }

    /** The limit of a string field of a command or an event, by its name. */
    public static TextKind kindOf(String field) {
        return KINDS.getOrDefault(field, TextKind.NAME);
    }

    /** Unicode NFC: how every text is stored. */
    public static String normalise(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Checks every component of a command or event (nested records and lists too); throws the first violation. */
    public static void check(Record message) {
        checkRecord("", message, false);
    }

    /**
     * Checks a stored event as {@link #check(Record)} checks a command, except that a field the privacy module
     * sealed ({@value #SEALED_PREFIX} and base64: the ciphertext of a checked value, longer than the value) is
     * checked by its alphabet, not its length.
     */
    public static void checkEvent(Record event) {
        checkRecord("", event, true);
    }

    /** An id: the safe alphabet, at most {@value #ID_MAX_LENGTH} characters. */
    public static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InputViolation("INVALID_ID", field, "编号 " + field + " 不能为空",
                    "id " + field + " must not be empty");
        }
        if (value.length() > ID_MAX_LENGTH) {
            throw tooLong(field, TextKind.ID);
        }
        if (!ID.matcher(value).matches()) {
            throw new InputViolation("INVALID_ID", field,
                    "编号 " + field + " 只能由字母、数字和 . _ - 组成，且以字母或数字开头",
                    "id " + field + " may contain only A-Z a-z 0-9 . _ - and must start with a letter or digit");
        }
        return value;
    }

    /** A name or a text: printable, NFC, not blank, within its length. */
    public static String text(String field, String value, TextKind kind) {
        if (kind == TextKind.ID) {
            return id(field, value);
        }
        if (value.isBlank()) {
            throw new InputViolation("BLANK_FIELD", field, "字段 " + field + " 不能为空白",
                    "field " + field + " must not be blank");
        }
        if (value.codePointCount(0, value.length()) > kind.maxLength) {
            throw tooLong(field, kind);
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!printable(c, kind)) {
                throw new InputViolation("INVALID_CHARACTER", field,
                        "字段 " + field + " 含有不可打印或不可见的字符（位置 " + (i + 1) + "，U+" + hex(c) + "）",
                        "field " + field + " contains a non-printable or invisible character (position " + (i + 1)
                                + ", U+" + hex(c) + ")");
            }
            i += Character.charCount(c);
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new InputViolation("NOT_NORMALISED", field, "字段 " + field + " 不是 Unicode NFC 规范形式",
                    "field " + field + " is not in Unicode NFC");
        }
        return value;
    }

    /** An exact amount in yuan: 0 to {@link #YUAN_MAX}, no exponent. */
    public static BigDecimal yuan(String field, BigDecimal amount) {
        if (amount.scale() < 0 || amount.compareTo(YUAN_MAX) > 0 || amount.signum() < 0) {
            throw new InputViolation("AMOUNT_OUT_OF_RANGE", field,
                    "金额 " + field + " 应为 0 至 " + YUAN_MAX.toPlainString() + " 元之间的普通小数",
                    "amount " + field + " must be a plain decimal from 0 to " + YUAN_MAX.toPlainString() + " yuan");
        }
        return amount;
    }

    /** A business date within {@link #DATE_MIN} and {@link #DATE_MAX}. */
    public static LocalDate date(String field, LocalDate date) {
        if (date.isBefore(DATE_MIN) || date.isAfter(DATE_MAX)) {
            throw new InputViolation("DATE_OUT_OF_RANGE", field,
                    "日期 " + field + "（" + date + "）应在 " + DATE_MIN + " 至 " + DATE_MAX + " 之间",
                    "date " + field + " " + date + " must lie between " + DATE_MIN + " and " + DATE_MAX);
        }
        return date;
    }

    /** A count: 0 to {@value #COUNT_MAX} (the aggregates decide whether 0 is allowed). */
    public static long count(String field, long value) {
        if (value < 0 || value > COUNT_MAX) {
            throw new InputViolation("NUMBER_OUT_OF_RANGE", field,
                    "数值 " + field + " 应为 0 至 " + COUNT_MAX + " 之间的整数",
                    "number " + field + " must be an integer from 0 to " + COUNT_MAX);
        }
        return value;
    }

    /** How the privacy module's sealed values begin ({@code pd1:} + base64 of nonce, ciphertext and tag). */
    private static final String SEALED_PREFIX = "pd1:";
    private static final Pattern SEALED = Pattern.compile(Pattern.quote(SEALED_PREFIX) + "[A-Za-z0-9+/]+={0,2}");

    private static void checkRecord(String prefix, Record message, boolean event) {
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(message);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            checkValue(prefix + component.getName(), component.getName(), value, event);
        }
    }

    private static void checkValue(String path, String name, Object value, boolean event) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            if (event && SEALED.matcher(text).matches()) {
                return;
            }
            text(path, text, kindOf(name));
        } else if (value instanceof TypedId typed) {
            typed.parts().forEach(part -> id(path, part));
        } else if (value instanceof BigDecimal amount) {
            yuan(path, amount);
        } else if (value instanceof LocalDate date) {
            date(path, date);
        } else if (value instanceof Integer number) {
            count(path, number);
        } else if (value instanceof Collection<?> items) {
            if (items.size() > LIST_MAX_SIZE) {
                throw new InputViolation("LIST_TOO_LONG", path, "列表 " + path + " 最多 " + LIST_MAX_SIZE + " 项",
                        "list " + path + " may hold at most " + LIST_MAX_SIZE + " items");
            }
            int index = 0;
            for (Object item : items) {
                checkValue(path + "[" + index++ + "]", name, item, event);
            }
        } else if (value instanceof Recorded recorded) {
            text(path + ".by", recorded.by(), TextKind.NAME);
        } else if (value instanceof Record nested) {
            checkRecord(path + ".", nested, event);
        }
    }

    private static boolean printable(int c, TextKind kind) {
        if (c == '\n') {
            return kind == TextKind.TEXT || kind == TextKind.DOCUMENT;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static InputViolation tooLong(String field, TextKind kind) {
        return new InputViolation("FIELD_TOO_LONG", field,
                "字段 " + field + " 超过最大长度 " + kind.maxLength + " 个字符（" + kind.labelZh + "）",
                "field " + field + " is longer than " + kind.maxLength + " characters");
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
