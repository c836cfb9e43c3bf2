package cn.gongkai.ledger.report.parser;

import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statistical tables out of the text of a published annual report (as copied from a web page, a
 * document or markdown) into an {@link AnnualReport} in canonical keys, without checks. Tolerates every layout
 * {@link TextCells} knows (with cells wrapped onto the next line), full-width characters, spaced-out and misspelt
 * labels ({@link Labels}), 社会组织 for 社会公益组织 and 规范性文件 for 行政规范性文件 (columns and rows are taken
 * in the official order), numbers printed with their unit ({@link CellValue}: 元 and 万元, 件, 个; an amount in 元
 * is converted to the 万元 of table 二). A blank cell, a dash, or a cell the table does not print becomes blank
 * ({@code null}). The format is 2019 when the
 * text has the 2019 table 二 columns (本年新制作数量, 对外公开总数量, 政府集中采购), else 2021 when table 三 splits
 * 三.六 (逾期不补正), else the one in force for the year. The agency id is unknown (null); the name is taken from
 * the signature or the title.
 */
public final class PublishedReportParser {
    private static final Pattern TABLE2 = Pattern.compile("^二[、.]\\s*主动公开政府信息.*情况");
    private static final Pattern TABLE3 = Pattern.compile("^三[、.].*收到和处理.*申请.{0,2}情况");
    private static final Pattern TABLE4 = Pattern.compile("^四[、.].*行政复议.*行政诉讼");
    private static final Pattern END = Pattern.compile("^(五|5)[、.]|存在的主要问题");
    private static final Pattern TITLE_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年度?\\s*政府信息公开");
    private static final Pattern ANY_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern AGENCY = Pattern.compile(
            "[\\p{IsHan}()]{2,30}(局|委员会|委|办公室|办|人民政府|政府|厅|中心|院|署|馆|所|站|队)");
    private static final List<String> TABLE4_HEADER_WORDS = List.of("总计", "审结", "维持", "纠正", "结果", "起诉", "行政复议", "行政诉讼");

    private PublishedReportParser() {
    }

    /** @throws IllegalArgumentException when the text holds no table 三 or no year */
    public static AnnualReport parse(String publishedText) {
        String text = Normalizer.normalize(publishedText, Normalizer.Form.NFKC).replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = List.of(text.split("\n", -1));
        int t2 = find(lines, TABLE2, 0);
        int t3 = find(lines, TABLE3, Math.max(t2, 0));
        if (t3 < 0) {
            throw new IllegalArgumentException("no table 三 (收到和处理政府信息公开申请情况) found");
        }
        int year = year(text);
        int t4 = find(lines, TABLE4, t3 + 1);
        int end = find(lines, END, Math.max(t4, t3) + 1);
        int t3End = t4 >= 0 ? t4 : end >= 0 ? end : lines.size();
        List<String> cells2 = t2 >= 0 ? TextCells.of(lines.subList(t2 + 1, t3)) : List.of();
        List<String> cells3 = TextCells.of(lines.subList(t3 + 1, t3End));
        List<String> cells4 = t4 >= 0 ? TextCells.of(lines.subList(t4 + 1, end >= 0 ? end : lines.size())) : List.of();
        ReportFormat format = format(text, year);

        Map<String, List<CellValue>> rows2 = rows(cells2, table2Labels(format), row -> format.table2Layout().get(row).size());
        Map<String, Map<String, BigDecimal>> table2 = new LinkedHashMap<>();
        format.table2Layout().forEach((row, columns) -> table2.put(row, zip(columns, rows2.get(row),
                (column, v) -> ReportFormat.isAmountColumn(column) ? v.inWanYuan() : BigDecimal.valueOf(integer(v, row)))));

        List<String> columns3 = ReportFormat.table3Columns();
        Map<String, List<CellValue>> rows3 = rows(cells3, table3Labels(format), row -> columns3.size());
        if (rows3.isEmpty()) {
            throw new IllegalArgumentException("no row of table 三 (收到和处理政府信息公开申请情况) found");
        }
        Map<String, Map<String, Integer>> table3 = new LinkedHashMap<>();
        format.table3Rows().forEach(row -> table3.put(row, zip(columns3, rows3.get(row), (column, v) -> integer(v, row))));

        Map<String, Integer> table4 = zip(ReportFormat.table4Keys(), table4Values(cells4), (key, v) -> integer(v, key));
        return new AnnualReport(new AnnualReport.Agency(null, agencyName(lines).orElse(null)), year, format, null, null,
                table2, table3, table4, List.of());
    }

    private static int year(String text) {
        Matcher title = TITLE_YEAR.matcher(text);
        Matcher any = ANY_YEAR.matcher(text);
        if (title.find()) {
            return Integer.parseInt(title.group(1));
        }
        if (any.find()) {
            return Integer.parseInt(any.group(1));
        }
        throw new IllegalArgumentException("no report year (YYYY年) found");
    }

    private static ReportFormat format(String text, int year) {
        String compact = Labels.compact(text);
        if (compact.contains("本年新制作数量") || compact.contains("对外公开总数量") || compact.contains("政府集中采购")) {
            return ReportFormat.Y2019;
        }
        return compact.contains("逾期不补正") ? ReportFormat.Y2021 : ReportFormat.forYear(year);
    }

    /** The first line from {@code from} that, without markdown heading marks, matches {@code heading}; -1 if none. */
    private static int find(List<String> lines, Pattern heading, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (heading.matcher(lines.get(i).replaceFirst("^[#\\s]+", "")).find()) {
                return i;
            }
        }
        return -1;
    }

    /** Table 二 row labels by row key: the key is the official label. */
    private static Map<String, String> table2Labels(ReportFormat format) {
        Map<String, String> labels = new LinkedHashMap<>();
        format.table2Layout().keySet().forEach(row -> labels.put(row, row));
        return labels;
    }

    private static Map<String, String> table3Labels(ReportFormat format) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ReportFormat.RECEIVED, "一、本年新收政府信息公开申请数量");
        labels.put(ReportFormat.CARRIED_OVER, "二、上年结转政府信息公开申请数量");
        for (Outcome outcome : Outcome.values()) {
            String row = format.rowOf(outcome);
            labels.putIfAbsent(row, row.equals(outcome.key()) ? outcome.label() : "(六)其他处理");
        }
        labels.put(ReportFormat.CONCLUDED_TOTAL, "(七)总计");
        labels.put(ReportFormat.CARRIED_FORWARD, "四、结转下年度继续办理");
        labels.replaceAll((row, label) -> Normalizer.normalize(label, Normalizer.Form.NFKC));
        return labels;
    }

    /**
     * Walks the cells; a text cell that matches a row's label (each row once) is followed by that row's values:
     * up to {@code width(row)} value cells, stopping at the next text cell.
     */
    private static Map<String, List<CellValue>> rows(List<String> cells, Map<String, String> labels,
                                                     Function<String, Integer> width) {
        Map<String, List<CellValue>> rows = new LinkedHashMap<>();
        Map<String, String> open = new LinkedHashMap<>();
        labels.forEach((row, label) -> open.put(label, row));
        int i = 0;
        while (i < cells.size()) {
            String cell = cells.get(i++);
            if (CellValue.isValue(cell)) {
                continue;
            }
            Optional<String> label = Labels.best(cell, open.keySet());
            if (label.isPresent()) {
                String row = open.remove(label.get());
                List<CellValue> values = new ArrayList<>();
                while (values.size() < width.apply(row) && i < cells.size() && CellValue.isValue(cells.get(i))) {
                    values.add(CellValue.of(cells.get(i++)));
                }
                rows.put(row, values);
            }
        }
        return rows;
    }

    /** Table 四: the value cells right after the last header cell, in the official order of the fifteen. */
    private static List<CellValue> table4Values(List<String> cells) {
        int lastHeader = -1;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (TABLE4_HEADER_WORDS.stream().anyMatch(Labels.compact(cell)::contains)) {
                lastHeader = i;
            }
        }
        List<CellValue> values = new ArrayList<>();
        for (int i = lastHeader + 1; i < cells.size() && CellValue.isValue(cells.get(i)) && values.size() < 15; i++) {
            values.add(CellValue.of(cells.get(i)));
        }
        return values;
    }

    private static <V> Map<String, V> zip(List<String> keys, List<CellValue> values,
                                          BiFunction<String, CellValue, V> convert) {
        Map<String, V> row = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            CellValue v = values != null && k < values.size() ? values.get(k) : null;
            row.put(keys.get(k), v == null || v.number() == null ? null : convert.apply(keys.get(k), v));
        }
        return row;
    }

    private static Integer integer(CellValue value, String where) {
        try {
            return value.number().intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where + ": not a whole number: " + value.number().toPlainString(), e);
        }
    }

    /** The agency: a signature line among the last lines, else a short line or the title's start among the first. */
    private static Optional<String> agencyName(List<String> lines) {
        List<String> text = lines.stream().map(l -> l.replaceFirst("^[#\\s]+", "").strip()).filter(l -> !l.isEmpty())
                .toList();
        for (int i = text.size() - 1; i >= Math.max(0, text.size() - 6); i--) {
            if (AGENCY.matcher(text.get(i)).matches()) {
                return Optional.of(text.get(i));
            }
        }
        for (String line : text.subList(0, Math.min(3, text.size()))) {
            Matcher agency = AGENCY.matcher(line.split("\\s*(?:19|20)\\d{2}\\s*年")[0].strip());
            if (agency.matches()) {
                return Optional.of(agency.group());
            }
        }
        return Optional.empty();
    }
}
