package cn.gongkai.ledger.report.json;

import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.PeriodReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The canonical report JSON of annual-report.md, keys in the spec's order: {@code agency {id, name}, year,
 * format, asOf, appealPolicy, table2, table3, table4, checks}. Counts are integers, 万元 amounts decimal strings,
 * a blank cell is {@code null}. Reading is lenient where a typed-in report may be: a blank cell may be
 * {@code null}, {@code ""} or missing, a count may be a string of digits, an amount a number, {@code format}
 * may be absent (then it follows table 三's rows, or the year).
 */
public final class ReportJson {
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ReportJson() {
    }

    public static ObjectNode toJson(AnnualReport report) {
        ObjectNode root = JsonMappers.MAPPER.createObjectNode();
        ObjectNode agency = root.putObject("agency");
        agency.put("id", report.agency().id());
        agency.put("name", report.agency().name());
        root.put("year", report.year());
        root.put("format", report.format().code());
        root.put("asOf", report.asOf() == null ? null : AS_OF.format(report.asOf()));
        root.put("appealPolicy", report.appealPolicy() == null ? null : report.appealPolicy().name());
        putTables(root, report.table2(), report.table3(), report.table4());
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(c -> {
            ObjectNode check = checks.addObject().put("rule", c.rule()).put("cell", c.cell()).put("message", c.message());
            ArrayNode covered = check.putArray("cells");
            c.cells().forEach(covered::add);
        });
        return root;
    }

    /**
     * The figures of a period: {@code agency, period {from, to}, format, asOf, appealPolicy, covered, table2,
     * table3, table4}, the tables exactly as in the report JSON (every cell blank when not covered).
     */
    public static ObjectNode toJson(PeriodReport report) {
        ObjectNode root = JsonMappers.MAPPER.createObjectNode();
        ObjectNode agency = root.putObject("agency");
        agency.put("id", report.agency().id());
        agency.put("name", report.agency().name());
        ObjectNode period = root.putObject("period");
        period.put("from", report.period().from().toString());
        period.put("to", report.period().to().toString());
        root.put("format", report.format().code());
        root.put("asOf", report.asOf() == null ? null : AS_OF.format(report.asOf()));
        root.put("appealPolicy", report.appealPolicy() == null ? null : report.appealPolicy().name());
        root.put("covered", report.covered());
        putTables(root, report.table2(), report.table3(), report.table4());
        return root;
    }

    public static String write(PeriodReport report) {
        return JsonMappers.pretty(toJson(report));
    }

    private static void putTables(ObjectNode root, Map<String, Map<String, BigDecimal>> table2Cells,
                                  Map<String, Map<String, Integer>> table3Cells, Map<String, Integer> table4Cells) {
        ObjectNode table2 = root.putObject("table2");
        table2Cells.forEach((row, columns) -> {
            ObjectNode cells = table2.putObject(row);
            columns.forEach((column, value) -> {
                if (value == null) {
                    cells.putNull(column);
                } else if (ReportFormat.isAmountColumn(column)) {
                    cells.put(column, value.toPlainString());
                } else {
                    cells.put(column, value.intValueExact());
                }
            });
        });
        ObjectNode table3 = root.putObject("table3");
        table3Cells.forEach((row, columns) -> {
            ObjectNode cells = table3.putObject(row);
            columns.forEach(cells::put);
        });
        ObjectNode table4 = root.putObject("table4");
        table4Cells.forEach(table4::put);
    }

    /** Pretty-printed canonical JSON. */
    public static String write(AnnualReport report) {
        return JsonMappers.pretty(toJson(report));
    }

    /** The changes of a {@linkplain cn.gongkai.ledger.report.diff.ReportDiff diff}: {@code [{cell, before, after}]}. */
    public static String writeChanges(List<CellChange> changes) {
        ArrayNode array = JsonMappers.MAPPER.createArrayNode();
        changes.forEach(c -> array.addObject().put("cell", c.cell()).put("before", c.before()).put("after", c.after()));
        return JsonMappers.pretty(array);
    }

    /** The canonical JSON text as a tree, exactly as written (no re-rendering). */
    public static JsonNode readTree(String json) {
        return JsonMappers.parse(json);
    }

    /** @throws IllegalArgumentException when the text is not a report in canonical JSON, naming what is wrong */
    public static AnnualReport read(String json) {
        return fromJson(JsonMappers.parse(json));
    }

    /** @throws IllegalArgumentException when the node is not a report in canonical JSON, naming what is wrong */
    public static AnnualReport fromJson(JsonNode root) {
        JsonMappers.requireObject(root, "a report");
        JsonNode year = root.path("year");
        if (!year.canConvertToExactIntegral() && !year.asText().matches("\\d{4}")) {
            throw new IllegalArgumentException("year must be an integer: " + year);
        }
        int y = year.asInt();
        ReportFormat format = format(root, y);
        JsonNode agency = root.path("agency");
        return new AnnualReport(new AnnualReport.Agency(text(agency.get("id")), text(agency.get("name"))), y, format,
                asOf(root.get("asOf")), appealPolicy(root.get("appealPolicy")), table2(root.path("table2")),
                table(root.path("table3"), "table3", ReportJson::integers), integers(root.path("table4"), "table4"),
                checks(root.path("checks")));
    }

    private static ReportFormat format(JsonNode root, int year) {
        String code = text(root.get("format"));
        if (code != null) {
            return ReportFormat.fromCode(code);
        }
        if (root.path("table3").has(ReportFormat.OTHER_HANDLING_2019)) {
            return ReportFormat.Y2019;
        }
        return root.path("table3").has("三.六.1") ? ReportFormat.Y2021 : ReportFormat.forYear(year);
    }

    private static OffsetDateTime asOf(JsonNode node) {
        String text = text(node);
        try {
            return text == null ? null : OffsetDateTime.parse(text, AS_OF);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf must be an ISO date-time with offset: " + text, e);
        }
    }

    private static AppealPolicy appealPolicy(JsonNode node) {
        String text = text(node);
        return text == null ? null : AppealPolicy.valueOf(text);
    }

    private static Map<String, Map<String, BigDecimal>> table2(JsonNode node) {
        return table(node, "table2", (row, where) -> fields(row, where, ReportJson::decimal));
    }

    private static Map<String, Integer> integers(JsonNode node, String where) {
        return fields(node, where, ReportJson::integer);
    }

    private static <V> Map<String, Map<String, V>> table(JsonNode node, String where,
                                                         BiFunction<JsonNode, String, Map<String, V>> rowReader) {
        Map<String, Map<String, V>> table = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return table;
        }
        JsonMappers.requireObject(node, where);
        node.fields().forEachRemaining(e -> table.put(e.getKey(), rowReader.apply(e.getValue(), where + "/" + e.getKey())));
        return table;
    }

    private static <V> Map<String, V> fields(JsonNode node, String where, BiFunction<JsonNode, String, V> cellReader) {
        Map<String, V> cells = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return cells;
        }
        JsonMappers.requireObject(node, where);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            cells.put(e.getKey(), cellReader.apply(e.getValue(), where + "/" + e.getKey()));
        }
        return cells;
    }

    private static Integer integer(JsonNode value, String cell) {
        BigDecimal decimal = decimal(value, cell);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(cell + " must be an integer: " + value, e);
        }
    }

    private static BigDecimal decimal(JsonNode value, String cell) {
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(cell + " must be a number: " + value, e);
        }
    }

    private static List<AnnualReport.Check> checks(JsonNode node) {
        List<AnnualReport.Check> checks = new ArrayList<>();
        node.forEach(c -> {
            List<String> cells = new ArrayList<>();
            c.path("cells").forEach(cell -> cells.add(cell.asText()));
            checks.add(new AnnualReport.Check(c.path("rule").asText(), c.path("cell").asText(), c.path("message").asText(),
                    cells));
        });
        return checks;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
