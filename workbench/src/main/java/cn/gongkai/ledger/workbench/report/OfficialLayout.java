package cn.gongkai.ledger.workbench.report;

import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.workbench.report.OfficialTable.Cell;
import cn.gongkai.ledger.workbench.vocabulary.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables 二, 三 and 四 of a report in the layout of its official format (国办公开办函〔2021〕30号, or the 2019 trial
 * format): the merged header cells, the verbatim row labels (those of the api enums and {@link ReportFormat}),
 * and the 勾稽关系 note of table 三.
 */
public final class OfficialLayout {
    public static final String TITLE_SUFFIX = "年政府信息公开工作年度报告";
    public static final String TABLE2_HEADING = "二、主动公开政府信息情况";
    public static final String TABLE3_HEADING = "三、收到和处理政府信息公开申请情况";
    public static final String TABLE4_HEADING = "四、政府信息公开行政复议、行政诉讼情况";
    public static final String CHECK_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    static final String RECEIVED_LABEL = "一、本年新收政府信息公开申请数量";
    static final String CARRIED_OVER_LABEL = "二、上年结转政府信息公开申请数量";
    static final String RESULTS_LABEL = "三、本年度办理结果";
    static final String CONCLUDED_TOTAL_LABEL = "（七）总计";
    static final String CARRIED_FORWARD_LABEL = "四、结转下年度继续办理";
    private static final String CONTENT = "信息内容";

    private OfficialLayout() {
    }

    /** The report's title: the agency's name, the year and 年政府信息公开工作年度报告. */
    public static String title(AnnualReport report) {
        String name = report.agency().name() == null ? report.agency().id() : report.agency().name();
        return name + report.year() + TITLE_SUFFIX;
    }

    public static List<OfficialTable> tables(AnnualReport report) {
        return List.of(table2(report), table3(report), table4(report));
    }

    /** Table 二: the items of 第二十条 with their rows, each item under its own heading and column labels. */
    static OfficialTable table2(AnnualReport report) {
        ReportFormat format = report.format();
        Map<String, List<String>> layout = format.table2Layout();
        Map<String, List<String>> items = new LinkedHashMap<>();
        for (String row : layout.keySet()) {
            items.computeIfAbsent(item(row), i -> new ArrayList<>()).add(row);
        }
        int width = 4;
        List<List<Cell>> rows = new ArrayList<>();
        items.forEach((item, itemRows) -> {
            rows.add(List.of(Cell.heading(item, width, 1)));
            List<String> columns = layout.get(itemRows.get(0));
            List<Cell> header = new ArrayList<>(List.of(Cell.heading(CONTENT, 1, 1)));
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                String label = ReportFormat.isAmountColumn(column) ? column + "（单位：万元）" : column;
                header.add(Cell.heading(label, i == columns.size() - 1 ? width - 1 - i : 1, 1));
            }
            rows.add(header);
            for (String row : itemRows) {
                List<Cell> cells = new ArrayList<>(List.of(Cell.label(row, 1, 1)));
                List<String> rowColumns = layout.get(row);
                for (int i = 0; i < rowColumns.size(); i++) {
                    String column = rowColumns.get(i);
                    cells.add(Cell.value(AnnualReport.cell("table2", row, column), report.table2().get(row).get(column),
                            ReportFormat.isAmountColumn(column), i == rowColumns.size() - 1 ? width - 1 - i : 1));
                }
                rows.add(cells);
            }
        });
        return new OfficialTable("table2", TABLE2_HEADING, width, rows, null);
    }

    /** Which item of 第二十条 a row of table 二 belongs to. */
    private static String item(String row) {
        return switch (row) {
            case "规章", "行政规范性文件", "规范性文件" -> "第二十条第（一）项";
            case "行政许可", "其他对外管理服务事项" -> "第二十条第（五）项";
            case "行政处罚", "行政强制" -> "第二十条第（六）项";
            case "行政事业性收费" -> "第二十条第（八）项";
            default -> "第二十条第（九）项";
        };
    }

    /** Table 三: three label columns (item, group, reason) and the six applicant columns with 总计. */
    static OfficialTable table3(AnnualReport report) {
        ReportFormat format = report.format();
        List<String> columns = ReportFormat.table3Columns();
        int width = 3 + columns.size();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.heading(CHECK_NOTE, 3, 3), Cell.heading("申请人情况", columns.size(), 1)));
        rows.add(List.of(Cell.heading(ApplicantType.NATURAL_PERSON.label(), 1, 2),
                Cell.heading("法人或其他组织", columns.size() - 2, 1), Cell.heading(ApplicantType.TOTAL, 1, 2)));
        List<Cell> organisations = new ArrayList<>();
        for (ApplicantType type : ApplicantType.values()) {
            if (type != ApplicantType.NATURAL_PERSON) {
                organisations.add(Cell.heading(type.label(), 1, 1));
            }
        }
        rows.add(organisations);
        rows.add(valueRow(report, ReportFormat.RECEIVED, List.of(Cell.label(RECEIVED_LABEL, 3, 1))));
        rows.add(valueRow(report, ReportFormat.CARRIED_OVER, List.of(Cell.label(CARRIED_OVER_LABEL, 3, 1))));
        List<String> outcomeRows = format.outcomeRows();
        boolean first = true;
        String openGroup = null;
        for (String row : outcomeRows) {
            List<Cell> labels = new ArrayList<>();
            if (first) {
                labels.add(Cell.label(RESULTS_LABEL, 1, outcomeRows.size() + 1));
                first = false;
            }
            String group = groupOf(row);
            String groupLabel = Vocabulary.groupLabel(group);
            if (groupLabel == null || row.equals(group)) {
                labels.add(Cell.label(groupLabel != null ? groupLabel : rowLabel(row), 2, 1));
                openGroup = null;
            } else {
                if (!group.equals(openGroup)) {
                    long size = outcomeRows.stream().filter(r -> groupOf(r).equals(group)).count();
                    labels.add(Cell.label(groupLabel, 1, (int) size));
                    openGroup = group;
                }
                labels.add(Cell.label(rowLabel(row), 1, 1));
            }
            rows.add(valueRow(report, row, labels));
        }
        rows.add(valueRow(report, ReportFormat.CONCLUDED_TOTAL, List.of(Cell.label(CONCLUDED_TOTAL_LABEL, 2, 1))));
        rows.add(valueRow(report, ReportFormat.CARRIED_FORWARD, List.of(Cell.label(CARRIED_FORWARD_LABEL, 3, 1))));
        return new OfficialTable("table3", TABLE3_HEADING, width, rows, CHECK_NOTE);
    }

    private static String groupOf(String row) {
        return row.chars().filter(c -> c == '.').count() == 2 ? row.substring(0, row.lastIndexOf('.')) : row;
    }

    /** The verbatim label of an outcome row: the api enum's ({@code （一）予以公开}, {@code 1.属于国家秘密}). */
    private static String rowLabel(String row) {
        return Outcome.fromKey(row).label();
    }

    private static List<Cell> valueRow(AnnualReport report, String row, List<Cell> labels) {
        List<Cell> cells = new ArrayList<>(labels);
        for (String column : ReportFormat.table3Columns()) {
            Integer v = report.table3().get(row).get(column);
            cells.add(Cell.value(AnnualReport.cell("table3", row, column), v == null ? null : BigDecimal.valueOf(v),
                    false, 1));
        }
        return cells;
    }

    /** Table 四: 行政复议 (five columns), 行政诉讼 split by route (five each), one row of fifteen values. */
    static OfficialTable table4(AnnualReport report) {
        List<String> columns = ReportFormat.table4Columns();
        int width = columns.size() * 3;
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.heading("行政复议", columns.size(), 1), Cell.heading("行政诉讼", columns.size() * 2, 1)));
        List<Cell> second = new ArrayList<>();
        columns.forEach(c -> second.add(Cell.heading(columnLabel(c), 1, 2)));
        second.add(Cell.heading(Route.DIRECT.label(), columns.size(), 1));
        second.add(Cell.heading(Route.AFTER_RECONSIDERATION.label(), columns.size(), 1));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            columns.forEach(c -> third.add(Cell.heading(columnLabel(c), 1, 1)));
        }
        rows.add(third);
        List<Cell> values = new ArrayList<>();
        for (String key : ReportFormat.table4Keys()) {
            Integer v = report.table4().get(key);
            values.add(Cell.value(AnnualReport.cell("table4", key), v == null ? null : BigDecimal.valueOf(v), false, 1));
        }
        rows.add(values);
        return new OfficialTable("table4", TABLE4_HEADING, width, rows, null);
    }

    private static String columnLabel(String column) {
        for (AppealOutcome outcome : AppealOutcome.values()) {
            if (outcome.key().equals(column)) {
                return outcome.label();
            }
        }
        return AppealOutcome.PENDING_KEY.equals(column) ? AppealOutcome.PENDING_LABEL : column;
    }
}
