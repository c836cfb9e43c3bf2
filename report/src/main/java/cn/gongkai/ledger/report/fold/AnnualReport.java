package cn.gongkai.ledger.report.fold;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The statistical tables of one agency's annual report, keyed exactly as the canonical report JSON
 * (annual-report.md). A cell is {@code null} when it is blank (a typed-in or parsed report); a folded report
 * has no blank cell. The constructor normalises every table to the full key set of {@code format}, in official
 * order (a missing cell becomes blank) and refuses keys the format does not have.
 *
 * <p>Table 二 counts and amounts are both {@link BigDecimal}; amounts (万元) are the columns named by
 * {@link ReportFormat#isAmountColumn(String)}.
 *
 * @param agency       the agency; its id is null for a report parsed from a published text
 * @param asOf         the time the report is as of; null when unknown
 * @param appealPolicy the table-四 policy; null when unknown
 * @param appealPolicyBasis why the report applies {@code appealPolicy} (the agency's setting, the query, the
 *                          default); null when unknown (a typed-in or parsed report)
 * @param checks       the broken rules found by the checker; empty for a folded report
 */
public record AnnualReport(Agency agency, int year, ReportFormat format, OffsetDateTime asOf, AppealPolicy appealPolicy,
                           Map<String, Map<String, BigDecimal>> table2, Map<String, Map<String, Integer>> table3,
                           Map<String, Integer> table4, List<Check> checks, AppealPolicy.Basis appealPolicyBasis) {

    /** The agency a report is about. */
    public record Agency(String id, String name) {
    }

    /**
     * A broken rule: its id, the cell it is about (see {@link AnnualReport#cell}; {@code table3/*\/自然人} a whole
     * column, {@code table3/三.五.5/*} a whole row, {@code table3/*} the whole table), a Chinese / English message,
     * and the cells it covers: the cell itself, or every cell of a row, column or table that is blank throughout.
     */
    public record Check(String rule, String cell, String message, List<String> cells) {
        public Check {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(message, "message");
            cells = cells == null || cells.isEmpty() ? List.of(cell) : List.copyOf(cells);
        }

        /** A check of one cell. */
        public Check(String rule, String cell, String message) {
            this(rule, cell, message, List.of(cell));
        }
    }

    /** A report that does not say why its policy applies ({@code appealPolicyBasis} null). */
    public AnnualReport(Agency agency, int year, ReportFormat format, OffsetDateTime asOf, AppealPolicy appealPolicy,
                        Map<String, Map<String, BigDecimal>> table2, Map<String, Map<String, Integer>> table3,
                        Map<String, Integer> table4, List<Check> checks) {
        this(agency, year, format, asOf, appealPolicy, table2, table3, table4, checks, null);
    }

    public AnnualReport {
        Objects.requireNonNull(format, "format");
        agency = agency == null ? new Agency(null, null) : agency;
        table2 = normalise("table2", format.table2Layout(), table2);
        table3 = normalise("table3", rowsWithColumns(format.table3Rows(), ReportFormat.table3Columns()), table3);
        table4 = normaliseRow("table4", ReportFormat.table4Keys(), table4);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** This report with {@code checks} in place of its own. */
    public AnnualReport withChecks(List<Check> newChecks) {
        return new AnnualReport(agency, year, format, asOf, appealPolicy, table2, table3, table4, newChecks,
                appealPolicyBasis);
    }

    /**
     * The address of a cell: the table and its keys joined by {@code /}, e.g. {@code table3/三.七/自然人},
     * {@code table4/复议.总计}, {@code table2/规章/本年制发件数}. {@code *} stands for a set of rows. An address is
     * for people to read, not to be split: a key may itself hold a {@code /} (2019 {@code 本年增/减}).
     */
    public static String cell(String table, String... keys) {
        return table + "/" + String.join("/", keys);
    }

    /** Every cell by its {@linkplain #cell address}, in official order (table 二, 三, 四); blank is null. */
    public Map<String, BigDecimal> cells() {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        table2.forEach((row, columns) -> columns.forEach((column, v) -> cells.put(cell("table2", row, column), v)));
        table3.forEach((row, columns) -> columns.forEach((column, v) ->
                cells.put(cell("table3", row, column), v == null ? null : BigDecimal.valueOf(v))));
        table4.forEach((key, v) -> cells.put(cell("table4", key), v == null ? null : BigDecimal.valueOf(v)));
        return Collections.unmodifiableMap(cells);
    }

    private static Map<String, List<String>> rowsWithColumns(List<String> rows, List<String> columns) {
        Map<String, List<String>> layout = new LinkedHashMap<>();
        rows.forEach(row -> layout.put(row, columns));
        return layout;
    }

    private static <V> Map<String, Map<String, V>> normalise(String table, Map<String, List<String>> layout,
                                                              Map<String, Map<String, V>> given) {
        Map<String, Map<String, V>> source = given == null ? Map.of() : given;
        refuseUnknown(table, layout.keySet(), source.keySet());
        Map<String, Map<String, V>> result = new LinkedHashMap<>();
        layout.forEach((row, columns) -> result.put(row, normaliseRow(table + "/" + row, columns, source.get(row))));
        return Collections.unmodifiableMap(result);
    }

    private static <V> Map<String, V> normaliseRow(String where, List<String> keys, Map<String, V> given) {
        Map<String, V> source = given == null ? Map.of() : given;
        refuseUnknown(where, keys, source.keySet());
        Map<String, V> result = new LinkedHashMap<>();
        keys.forEach(key -> result.put(key, source.get(key)));
        return Collections.unmodifiableMap(result);
    }

    private static void refuseUnknown(String where, java.util.Collection<String> known, Set<String> given) {
        Set<String> unknown = new HashSet<>(given);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown keys in " + where + ": " + unknown);
        }
    }
}
