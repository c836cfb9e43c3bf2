package cn.gongkai.ledger.report.checker;

import static cn.gongkai.ledger.report.fold.AnnualReport.cell;

import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AnnualReport.Check;
import cn.gongkai.ledger.report.fold.ReportFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consistency checker: lists every broken rule of a report's tables, each with its cell (see
 * {@link AnnualReport#cell}) and a message in Chinese and English. Works on any report, folded or typed in.
 *
 * <p>Rules, in the order they are listed: {@link #BLANK} (a row, column or table blank throughout is one finding
 * naming its cells, see {@code blanks}), {@link #NEGATIVE} per cell; then {@link #ROW_TOTAL},
 * {@link #OUTCOME_TOTAL}, {@link #COLUMN_IDENTITY} of table 三, {@link #GROUP_TOTAL} of table 四, and
 * {@link #CARRY_OVER} (and, when both state the policy {@code OPEN_IN_YEAR}, {@link CarryOver#APPEALS_CARRY_OVER})
 * against last year's report when one is given — the rule of {@link CarryOver}. A sum is checked only when none of its
 * cells is blank (the blank cell is itself listed: blank is not zero).
 */
public final class ReportChecker {
    /** A blank cell: the table is incomplete (blank is not zero). */
    public static final String BLANK = "blank";
    /** A negative number where only a count or an amount can stand. */
    public static final String NEGATIVE = "negative";
    /** Table 三, per row: 总计 = the sum of the six applicant columns. */
    public static final String ROW_TOTAL = "row-total";
    /** Table 三, per column: 三.七 = the sum of the outcome rows. */
    public static final String OUTCOME_TOTAL = "outcome-total";
    /** Table 三, per column: 一 + 二 = 三.七 + 四 (the 勾稽关系 printed in the table). */
    public static final String COLUMN_IDENTITY = "column-identity";
    /** Table 四, per group: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
    public static final String GROUP_TOTAL = "group-total";
    /** Table 三, per column: 二 = last year's 四. */
    public static final String CARRY_OVER = "carry-over";

    private ReportChecker() {
    }

    /** The broken rules of {@code report}. */
    public static List<Check> check(AnnualReport report) {
        return check(report, null);
    }

    /**
     * The broken rules of {@code report}, with 二 checked against {@code lastYear}'s 四 when it is given.
     *
     * @throws IllegalArgumentException when {@code lastYear} is not the report of the year before
     */
    public static List<Check> check(AnnualReport report, AnnualReport lastYear) {
        List<Check> checks = new ArrayList<>();
        Set<String> signed = new HashSet<>();
        report.table2().forEach((row, columns) -> columns.keySet().stream().filter(ReportFormat::isSignedColumn)
                .forEach(column -> signed.add(cell("table2", row, column))));
        checks.addAll(blanks(report));
        report.cells().forEach((cell, value) -> {
            if (value != null && value.signum() < 0 && !signed.contains(cell)) {
                checks.add(new Check(NEGATIVE, cell, "负数：此处只能是数量或金额（" + value.toPlainString()
                        + "） / Negative number where only a count or an amount can stand (" + value.toPlainString() + ")"));
            }
        });
        Map<String, Map<String, Integer>> t3 = report.table3();
        for (Map.Entry<String, Map<String, Integer>> row : t3.entrySet()) {
            List<Integer> six = ReportFormat.table3Columns().stream().filter(c -> !ApplicantType.TOTAL.equals(c))
                    .map(row.getValue()::get).toList();
            sumRule(checks, ROW_TOTAL, cell("table3", row.getKey(), ApplicantType.TOTAL),
                    row.getValue().get(ApplicantType.TOTAL), six, "六类申请人之和", "the sum of the six applicant columns");
        }
        for (String column : ReportFormat.table3Columns()) {
            List<Integer> outcomes = report.format().outcomeRows().stream().map(r -> t3.get(r).get(column)).toList();
            sumRule(checks, OUTCOME_TOTAL, cell("table3", ReportFormat.CONCLUDED_TOTAL, column),
                    t3.get(ReportFormat.CONCLUDED_TOTAL).get(column), outcomes, "各办理结果之和", "the sum of the outcome rows");
        }
        ReportFormat.table3Columns().forEach(column -> columnIdentity(checks, t3, column));
        for (String group : ReportFormat.table4Groups()) {
            List<Integer> parts = ReportFormat.table4Columns().stream().filter(c -> !AppealOutcome.TOTAL_KEY.equals(c))
                    .map(c -> report.table4().get(ReportFormat.table4Key(group, c))).toList();
            String total = ReportFormat.table4Key(group, AppealOutcome.TOTAL_KEY);
            sumRule(checks, GROUP_TOTAL, cell("table4", total), report.table4().get(total), parts,
                    "结果维持、结果纠正、其他结果、尚未审结之和", "维持 + 纠正 + 其他 + 尚未审结");
        }
        if (lastYear != null) {
            carryOver(checks, report, lastYear);
        }
        return checks;
    }

    /**
     * The blank cells, grouped as a person sees them: a table blank throughout is one finding ({@code table3/*});
     * otherwise each column of table 三 or 四 blank in every row ({@code table3/*\/自然人}, {@code table4/*.总计}) and
     * each row blank in every column ({@code table3/三.五.5/*}, {@code table2/规章/*}, {@code table4/复议.*}) is one
     * finding naming its cells; every other blank cell is a finding of its own. A cell in both a blank row and a
     * blank column is named by both.
     */
    private static List<Check> blanks(AnnualReport report) {
        Set<String> blank = new LinkedHashSet<>();
        report.cells().forEach((cell, value) -> {
            if (value == null) {
                blank.add(cell);
            }
        });
        List<Check> found = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        // table 二: rows
        Map<String, List<String>> rows2 = new LinkedHashMap<>();
        report.table2().forEach((row, columns) -> rows2.put(row,
                columns.keySet().stream().map(c -> cell("table2", row, c)).toList()));
        groupTable(found, covered, blank, "table2", rows2, Map.of());
        // table 三: rows and columns
        Map<String, List<String>> rows3 = new LinkedHashMap<>();
        report.table3().forEach((row, columns) -> rows3.put(row,
                columns.keySet().stream().map(c -> cell("table3", row, c)).toList()));
        Map<String, List<String>> columns3 = new LinkedHashMap<>();
        ReportFormat.table3Columns().forEach(c -> columns3.put(c,
                report.table3().keySet().stream().map(row -> cell("table3", row, c)).toList()));
        groupTable(found, covered, blank, "table3", rows3, columns3);
        // table 四: groups (rows) and columns
        Map<String, List<String>> rows4 = new LinkedHashMap<>();
        ReportFormat.table4Groups().forEach(g -> rows4.put(g,
                ReportFormat.table4Columns().stream().map(c -> cell("table4", ReportFormat.table4Key(g, c))).toList()));
        Map<String, List<String>> columns4 = new LinkedHashMap<>();
        ReportFormat.table4Columns().forEach(c -> columns4.put(c,
                ReportFormat.table4Groups().stream().map(g -> cell("table4", ReportFormat.table4Key(g, c))).toList()));
        groupTable(found, covered, blank, "table4", rows4, columns4);
        blank.stream().filter(c -> !covered.contains(c)).forEach(c -> found.add(new Check(BLANK, c,
                "单元格空白：空白不等于零，表格不完整 / Blank cell: blank is not zero, the table is incomplete")));
        Map<String, Integer> position = new HashMap<>();
        report.cells().keySet().forEach(c -> position.put(c, position.size()));
        found.sort(Comparator.comparingInt((Check c) -> position.get(c.cells().get(0)))
                .thenComparing(c -> !c.cell().contains("*")));
        return found;
    }

    private static void groupTable(List<Check> found, Set<String> covered, Set<String> blank, String table,
                                   Map<String, List<String>> rows, Map<String, List<String>> columns) {
        List<String> all = rows.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return;
        }
        if (blank.containsAll(all)) {
            found.add(group(table + "/*", "整张表格空白", "the whole table is blank", all));
            covered.addAll(all);
            return;
        }
        boolean table4 = table.equals("table4");
        columns.forEach((column, cells) -> {
            if (cells.size() > 1 && blank.containsAll(cells)) {
                found.add(group(table4 ? table + "/*." + column : table + "/*/" + column, "整列空白", "the whole column is blank",
                        cells));
                covered.addAll(cells);
            }
        });
        rows.forEach((row, cells) -> {
            if (cells.size() > 1 && blank.containsAll(cells)) {
                found.add(group(table4 ? table + "/" + row + ".*" : table + "/" + row + "/*", "整行空白", "the whole row is blank",
                        cells));
                covered.addAll(cells);
            }
        });
    }

    private static Check group(String address, String zh, String en, List<String> cells) {
        return new Check(BLANK, address, zh + "（" + cells.size() + "个单元格：" + String.join("、", cells)
                + "）：空白不等于零，表格不完整 / " + en + " (" + cells.size() + " cells: " + String.join(", ", cells)
                + "): blank is not zero, the table is incomplete", cells);
    }

    /** {@code report} with its checks replaced by the broken rules found now. */
    public static AnnualReport checked(AnnualReport report, AnnualReport lastYear) {
        return report.withChecks(check(report, lastYear));
    }

    private static void sumRule(List<Check> checks, String rule, String cell, Integer total, List<Integer> parts,
                                String partsZh, String partsEn) {
        if (total == null || parts.contains(null)) {
            return;
        }
        int sum = parts.stream().mapToInt(Integer::intValue).sum();
        if (sum != total) {
            checks.add(new Check(rule, cell, "合计 " + total + " 不等于" + partsZh + " " + sum
                    + " / Total " + total + " is not " + partsEn + " (" + sum + ")"));
        }
    }

    private static void columnIdentity(List<Check> checks, Map<String, Map<String, Integer>> t3, String column) {
        Integer received = t3.get(ReportFormat.RECEIVED).get(column);
        Integer carriedOver = t3.get(ReportFormat.CARRIED_OVER).get(column);
        Integer concluded = t3.get(ReportFormat.CONCLUDED_TOTAL).get(column);
        Integer carriedForward = t3.get(ReportFormat.CARRIED_FORWARD).get(column);
        if (received == null || carriedOver == null || concluded == null || carriedForward == null) {
            return;
        }
        int in = received + carriedOver;
        int out = concluded + carriedForward;
        if (in != out) {
            checks.add(new Check(COLUMN_IDENTITY, cell("table3", "*", column),
                    "第一项加第二项之和（" + received + "+" + carriedOver + "=" + in + "）不等于第三项加第四项之和（"
                            + concluded + "+" + carriedForward + "=" + out + "） / 一 + 二 (" + received + "+" + carriedOver
                            + "=" + in + ") is not 三.七 + 四 (" + concluded + "+" + carriedForward + "=" + out + ")"));
        }
    }

    /** {@link CarryOver}: 二 = last year's 四 (and table 四 across years), by counts. */
    private static void carryOver(List<Check> checks, AnnualReport report, AnnualReport lastYear) {
        checks.addAll(CarryOver.checks(CarryOver.differences(report, lastYear), "上一年度报告"));
    }
}
