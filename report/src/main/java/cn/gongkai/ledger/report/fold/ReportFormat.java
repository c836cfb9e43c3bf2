package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.request.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two official formats of the annual report's tables and their canonical keys (annual-report.md):
 * the rows and columns of table 二, the rows of table 三 (its columns are the same in both) and the
 * fifteen cells of table 四 (the same in both).
 */
public enum ReportFormat {
    /** 国办公开办函〔2021〕30号, for reports on 2021 and later. */
    Y2021("2021"),
    /** The trial format issued with the 2019 条例, for reports on 2019 and 2020. */
    Y2019("2019");

    // Table 二 columns, 2021 format.
    public static final String ISSUED = "本年制发件数";
    public static final String REPEALED = "本年废止件数";
    public static final String IN_FORCE = "现行有效件数";
    public static final String DECISIONS = "本年处理决定数量";
    public static final String FEES = "本年收费金额";
    // Table 二 columns, 2019 format.
    public static final String NEWLY_MADE = "本年新制作数量";
    public static final String NEWLY_PUBLISHED = "本年新公开数量";
    public static final String PUBLISHED_TOTAL = "对外公开总数量";
    public static final String ITEMS_LAST_YEAR = "上一年项目数量";
    public static final String ITEMS_CHANGE = "本年增/减";
    public static final String DECISIONS_2019 = "处理决定数量";
    public static final String PROCUREMENT_ROW = "政府集中采购";
    public static final String PROCUREMENT_PROJECTS = "采购项目数量";
    public static final String PROCUREMENT_AMOUNT = "采购总金额";

    // Table 三 rows that are not outcomes.
    public static final String RECEIVED = "一";
    public static final String CARRIED_OVER = "二";
    public static final String CONCLUDED_TOTAL = "三.七";
    public static final String CARRIED_FORWARD = "四";
    /** The single 其他处理 row of the 2019 format (the sum of the 2021 rows 三.六.1–3). */
    public static final String OTHER_HANDLING_2019 = "三.六";

    /** Table 四 groups: 行政复议 and the two lawsuit routes. */
    public static final String RECONSIDERATION_GROUP = "复议";

    private static final List<String> TABLE3_COLUMNS;
    private static final List<String> TABLE4_GROUPS;
    private static final List<String> TABLE4_COLUMNS;
    private static final List<String> TABLE4_KEYS;

    static {
        List<String> columns = new ArrayList<>();
        Arrays.stream(ApplicantType.values()).map(ApplicantType::key).forEach(columns::add);
        columns.add(ApplicantType.TOTAL);
        TABLE3_COLUMNS = List.copyOf(columns);
        TABLE4_GROUPS = List.of(RECONSIDERATION_GROUP, Route.DIRECT.key(), Route.AFTER_RECONSIDERATION.key());
        List<String> t4columns = new ArrayList<>();
        Arrays.stream(AppealOutcome.values()).map(AppealOutcome::key).forEach(t4columns::add);
        t4columns.add(AppealOutcome.PENDING_KEY);
        t4columns.add(AppealOutcome.TOTAL_KEY);
        TABLE4_COLUMNS = List.copyOf(t4columns);
        List<String> keys = new ArrayList<>();
        TABLE4_GROUPS.forEach(g -> TABLE4_COLUMNS.forEach(c -> keys.add(table4Key(g, c))));
        TABLE4_KEYS = List.copyOf(keys);
    }

    private final String code;

    ReportFormat(String code) {
        this.code = code;
    }

    /** {@code "2021"} or {@code "2019"}, as in the report JSON's {@code format}. */
    public String code() {
        return code;
    }

    public static ReportFormat fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format: " + code + " (2021 or 2019)"));
    }

    /** The format in force for a report on {@code year}. */
    public static ReportFormat forYear(int year) {
        return year >= 2021 ? Y2021 : Y2019;
    }

    /** Table 二: each row key with its column keys, in the official order. */
    public Map<String, List<String>> table2Layout() {
        Map<String, List<String>> layout = new LinkedHashMap<>();
        if (this == Y2021) {
            for (NormativeDocumentKind kind : NormativeDocumentKind.values()) {
                layout.put(kind.key(), List.of(ISSUED, REPEALED, IN_FORCE));
            }
            for (Article20Category category : List.of(Article20Category.LICENSING, Article20Category.PENALTY,
                    Article20Category.ENFORCEMENT)) {
                layout.put(category.key(), List.of(DECISIONS));
            }
            layout.put(Article20Category.ADMINISTRATIVE_FEE.key(), List.of(FEES));
        } else {
            for (NormativeDocumentKind kind : NormativeDocumentKind.values()) {
                layout.put(kind.label2019(), List.of(NEWLY_MADE, NEWLY_PUBLISHED, PUBLISHED_TOTAL));
            }
            for (Article20Category category : Article20Category.values()) {
                layout.put(category.key(), category.talliesDecisions()
                        ? List.of(ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019)
                        : List.of(ITEMS_LAST_YEAR, ITEMS_CHANGE));
            }
            layout.put(PROCUREMENT_ROW, List.of(PROCUREMENT_PROJECTS, PROCUREMENT_AMOUNT));
        }
        return Collections.unmodifiableMap(layout);
    }

    /** The table-二 row key of a normative document kind in this format. */
    public String table2Row(NormativeDocumentKind kind) {
        return this == Y2021 ? kind.key() : kind.label2019();
    }

    /** Whether a table-二 column holds an amount in 万元 (a decimal string in JSON) rather than a count. */
    public static boolean isAmountColumn(String column) {
        return FEES.equals(column) || PROCUREMENT_AMOUNT.equals(column);
    }

    /** Whether a table-二 column may legitimately be negative (a change, not a count). */
    public static boolean isSignedColumn(String column) {
        return ITEMS_CHANGE.equals(column);
    }

    /** Table 三 rows in official order. */
    public List<String> table3Rows() {
        List<String> rows = new ArrayList<>(List.of(RECEIVED, CARRIED_OVER));
        outcomeRows().forEach(rows::add);
        rows.add(CONCLUDED_TOTAL);
        rows.add(CARRIED_FORWARD);
        return List.copyOf(rows);
    }

    /** The outcome rows of table 三 (those summed in 三.七), in official order. */
    public List<String> outcomeRows() {
        return Arrays.stream(Outcome.values()).map(this::rowOf).distinct().toList();
    }

    /** The table-三 row an outcome is counted in: its key, except 三.六.1–3 in the 2019 format (三.六). */
    public String rowOf(Outcome outcome) {
        return this == Y2019 && outcome.groupKey().equals(OTHER_HANDLING_2019) ? OTHER_HANDLING_2019 : outcome.key();
    }

    /** Table 三 columns: the six applicant types and 总计. */
    public static List<String> table3Columns() {
        return TABLE3_COLUMNS;
    }

    /** The three groups of table 四: {@code 复议}, {@code 直诉}, {@code 复议后诉}. */
    public static List<String> table4Groups() {
        return TABLE4_GROUPS;
    }

    /** The five columns of each table-四 group: 维持, 纠正, 其他, 未审结, 总计. */
    public static List<String> table4Columns() {
        return TABLE4_COLUMNS;
    }

    /** The fifteen keys of table 四 in official order, e.g. {@code 复议.维持}. */
    public static List<String> table4Keys() {
        return TABLE4_KEYS;
    }

    public static String table4Key(String group, String column) {
        return group + "." + column;
    }
}
