package cn.gongkai.ledger.report.parser;

import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a report's tables as the text of a published report, in one of the layouts found on the web. */
final class ReportText {
    enum Layout { TABS, CELL_PER_LINE, PIPE_PER_LINE, MARKDOWN }

    /**
     * How the cells are printed.
     *
     * @param units   numbers carry their unit: 件 in table 二 (万元 for amounts) and 三, 个 in table 四
     * @param wrapped each row's last value is wrapped onto the next line after its separator (tab layouts:
     *                {@code \t} alone or a trailing tab, then the value; {@code |}-per-line: the value, then
     *                {@code |} alone; markdown rows cannot wrap)
     */
    record Style(boolean units, boolean wrapped) {
        static final Style PLAIN = new Style(false, false);
    }

    private ReportText() {
    }

    static String render(AnnualReport report, Layout layout) {
        return render(report, layout, Style.PLAIN);
    }

    static String render(AnnualReport report, Layout layout, Style style) {
        List<List<String>> rows2 = new ArrayList<>();
        rows2.add(List.of("第二十条第（一）项"));
        report.table2().forEach((row, columns) -> {
            rows2.add(header(columns.keySet()));
            List<String> cells = new ArrayList<>(List.of(row));
            columns.forEach((column, v) -> cells.add(text(v) + (style.units() && v != null
                    ? (ReportFormat.isAmountColumn(column) ? "万元" : "件") : "")));
            rows2.add(cells);
        });
        List<List<String>> rows3 = new ArrayList<>();
        rows3.add(List.of("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"));
        rows3.add(List.of("", "自然人", "法人或其他组织", "总计"));
        rows3.add(List.of("", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""));
        report.table3().forEach((row, columns) -> rows3.add(values(label3(row), columns.values(), style.units() ? "件" : "")));
        List<List<String>> rows4 = new ArrayList<>();
        rows4.add(List.of("行政复议", "行政诉讼"));
        rows4.add(List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"));
        rows4.add(List.of("", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正",
                "其他结果", "尚未审结", "总计"));
        rows4.add(report.table4().values().stream().map(v -> text(v) + (style.units() && v != null ? "个" : "")).toList());
        return report.agency().name() + report.year() + "年度政府信息公开工作年度报告\n一、总体情况\n本年度，本机关认真做好主动公开工作。\n"
                + "二、主动公开政府信息情况\n" + table(rows2, layout, style)
                + "三、收到和处理政府信息公开申请情况\n" + table(rows3, layout, style)
                + "四、政府信息公开行政复议、行政诉讼情况\n" + table(rows4, layout, style)
                + "五、存在的主要问题及改进情况\n公开内容还需丰富，共 3 项改进。\n六、其他需要报告的事项\n无\n";
    }

    private static String label3(String row) {
        return switch (row) {
            case "一" -> "一、本年新收政府信息公开申请数量";
            case "二" -> "二、上年结转政府信息公开申请数量";
            case "三.六" -> "（六）其他处理";
            case "三.七" -> "（七）总计";
            case "四" -> "四、结转下年度继续办理";
            default -> Outcome.fromKey(row).label();
        };
    }

    private static List<String> header(Collection<String> columns) {
        List<String> cells = new ArrayList<>(List.of("信息内容"));
        columns.forEach(c -> cells.add(c.equals(ReportFormat.FEES) ? c + "（单位：万元）" : c));
        return cells;
    }

    private static List<String> values(String label, Collection<? extends Number> values, String unit) {
        List<String> cells = new ArrayList<>(List.of(label));
        values.forEach(v -> cells.add(text(v) + (v == null ? "" : unit)));
        return cells;
    }

    private static String text(Number value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static String table(List<List<String>> rows, Layout layout, Style style) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String last = row.get(row.size() - 1);
            boolean wrap = style.wrapped() && !last.isEmpty() && Character.isDigit(last.charAt(0)) && row.size() > 1;
            List<String> head = wrap ? row.subList(0, row.size() - 1) : row;
            switch (layout) {
                case TABS -> text.append(String.join("\t", head)).append(wrap ? "\t\n" + last : "").append('\n');
                case CELL_PER_LINE -> text.append(head.stream().map(c -> "\t" + c + "\n").collect(Collectors.joining()))
                        .append(wrap ? "\t\n" + last + "\n" : "").append('\n');
                case PIPE_PER_LINE -> text.append(head.stream().map(c -> c + " |\n").collect(Collectors.joining()))
                        .append(wrap ? last + "\n |\n" : "").append("|||\n");
                case MARKDOWN -> {
                    text.append("| ").append(String.join(" | ", row)).append(" |\n");
                    if (i == 0) {
                        text.append("|").append("---|".repeat(row.size())).append('\n');
                    }
                }
            }
        }
        return text.append('\n').toString();
    }
}
