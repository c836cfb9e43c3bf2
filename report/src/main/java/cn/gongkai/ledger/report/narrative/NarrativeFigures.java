package cn.gongkai.ledger.report.narrative;

import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from the numbers a report's text states to the cells of its tables: the draft inserts these
 * figures, and the narrative checker compares a published text's numbers with them. A figure is the sum of
 * its cells (予以公开及部分公开 = 三.一 + 三.二; 不予公开 = every 三.三 row; 行政诉讼 = both lawsuit groups).
 */
public final class NarrativeFigures {
    public static final String RECEIVED = "received";
    public static final String CARRIED_OVER = "carriedOver";
    public static final String CONCLUDED = "concluded";
    public static final String DISCLOSED = "disclosed";
    public static final String PARTIALLY_DISCLOSED = "partiallyDisclosed";
    public static final String DISCLOSED_OR_PARTIALLY = "disclosedOrPartially";
    public static final String WITHHELD = "withheld";
    public static final String UNAVAILABLE = "unavailable";
    public static final String NOT_PROCESSED = "notProcessed";
    public static final String OTHER_HANDLING = "otherHandling";
    public static final String CARRIED_FORWARD = "carriedForward";
    public static final String RECONSIDERATIONS = "reconsiderations";
    public static final String RECONSIDERATIONS_UPHELD = "reconsiderationsUpheld";
    public static final String RECONSIDERATIONS_CORRECTED = "reconsiderationsCorrected";
    public static final String RECONSIDERATIONS_PENDING = "reconsiderationsPending";
    public static final String LAWSUITS = "lawsuits";
    public static final String LAWSUITS_UPHELD = "lawsuitsUpheld";
    public static final String LAWSUITS_CORRECTED = "lawsuitsCorrected";
    public static final String LAWSUITS_PENDING = "lawsuitsPending";
    public static final String RULES_ISSUED = "rulesIssued";
    public static final String NORMATIVE_ISSUED = "normativeDocumentsIssued";
    public static final String NORMATIVE_IN_FORCE = "normativeDocumentsInForce";
    public static final String LICENSING = "licensingDecisions";
    public static final String PENALTY = "penaltyDecisions";
    public static final String ENFORCEMENT = "enforcementDecisions";
    public static final String FEES = "feesCollected";

    private static final String COUNT = "件";
    private static final String WAN = "万元";

    private NarrativeFigures() {
    }

    /** Every figure of {@code report}, by key, in the order the draft states them. */
    public static Map<String, Figure> of(AnnualReport report) {
        ReportFormat format = report.format();
        Map<String, BigDecimal> cells = report.cells();
        List<Figure> figures = new ArrayList<>();
        figures.add(figure(cells, RECEIVED, "本年新收政府信息公开申请", COUNT, table3(ReportFormat.RECEIVED)));
        figures.add(figure(cells, CARRIED_OVER, "上年结转政府信息公开申请", COUNT, table3(ReportFormat.CARRIED_OVER)));
        figures.add(figure(cells, CONCLUDED, "本年度办理完毕", COUNT, table3(ReportFormat.CONCLUDED_TOTAL)));
        figures.add(figure(cells, DISCLOSED, "予以公开", COUNT, table3(Outcome.DISCLOSED.key())));
        figures.add(figure(cells, PARTIALLY_DISCLOSED, "部分公开", COUNT, table3(Outcome.PARTIALLY_DISCLOSED.key())));
        figures.add(figure(cells, DISCLOSED_OR_PARTIALLY, "予以公开及部分公开", COUNT,
                table3(Outcome.DISCLOSED.key(), Outcome.PARTIALLY_DISCLOSED.key())));
        figures.add(figure(cells, WITHHELD, "不予公开", COUNT, group(format, "三.三")));
        figures.add(figure(cells, UNAVAILABLE, "无法提供", COUNT, group(format, "三.四")));
        figures.add(figure(cells, NOT_PROCESSED, "不予处理", COUNT, group(format, "三.五")));
        figures.add(figure(cells, OTHER_HANDLING, "其他处理", COUNT, group(format, "三.六")));
        figures.add(figure(cells, CARRIED_FORWARD, "结转下年度继续办理", COUNT, table3(ReportFormat.CARRIED_FORWARD)));
        String reconsideration = ReportFormat.RECONSIDERATION_GROUP;
        List<String> lawsuitGroups = List.of(Route.DIRECT.key(), Route.AFTER_RECONSIDERATION.key());
        figures.add(figure(cells, RECONSIDERATIONS, "行政复议", COUNT, table4(List.of(reconsideration),
                AppealOutcome.TOTAL_KEY)));
        figures.add(figure(cells, RECONSIDERATIONS_UPHELD, "行政复议结果维持", COUNT, table4(List.of(reconsideration),
                AppealOutcome.UPHELD.key())));
        figures.add(figure(cells, RECONSIDERATIONS_CORRECTED, "行政复议结果纠正", COUNT,
                table4(List.of(reconsideration), AppealOutcome.CORRECTED.key())));
        figures.add(figure(cells, RECONSIDERATIONS_PENDING, "行政复议尚未审结", COUNT,
                table4(List.of(reconsideration), AppealOutcome.PENDING_KEY)));
        figures.add(figure(cells, LAWSUITS, "行政诉讼", COUNT, table4(lawsuitGroups, AppealOutcome.TOTAL_KEY)));
        figures.add(figure(cells, LAWSUITS_UPHELD, "行政诉讼结果维持", COUNT, table4(lawsuitGroups,
                AppealOutcome.UPHELD.key())));
        figures.add(figure(cells, LAWSUITS_CORRECTED, "行政诉讼结果纠正", COUNT, table4(lawsuitGroups,
                AppealOutcome.CORRECTED.key())));
        figures.add(figure(cells, LAWSUITS_PENDING, "行政诉讼尚未审结", COUNT, table4(lawsuitGroups,
                AppealOutcome.PENDING_KEY)));
        boolean y2021 = format == ReportFormat.Y2021;
        String issued = y2021 ? ReportFormat.ISSUED : ReportFormat.NEWLY_MADE;
        String inForce = y2021 ? ReportFormat.IN_FORCE : ReportFormat.PUBLISHED_TOTAL;
        String decisions = y2021 ? ReportFormat.DECISIONS : ReportFormat.DECISIONS_2019;
        figures.add(figure(cells, RULES_ISSUED, "本年制发规章", COUNT,
                List.of(AnnualReport.cell("table2", format.table2Row(NormativeDocumentKind.RULE), issued))));
        figures.add(figure(cells, NORMATIVE_ISSUED, "本年制发行政规范性文件", COUNT, List.of(AnnualReport.cell(
                "table2", format.table2Row(NormativeDocumentKind.NORMATIVE_DOCUMENT), issued))));
        figures.add(figure(cells, NORMATIVE_IN_FORCE, "现行有效行政规范性文件", COUNT, List.of(AnnualReport.cell(
                "table2", format.table2Row(NormativeDocumentKind.NORMATIVE_DOCUMENT), inForce))));
        figures.add(figure(cells, LICENSING, "行政许可处理决定", COUNT,
                List.of(AnnualReport.cell("table2", Article20Category.LICENSING.key(), decisions))));
        figures.add(figure(cells, PENALTY, "行政处罚处理决定", COUNT,
                List.of(AnnualReport.cell("table2", Article20Category.PENALTY.key(), decisions))));
        figures.add(figure(cells, ENFORCEMENT, "行政强制处理决定", COUNT,
                List.of(AnnualReport.cell("table2", Article20Category.ENFORCEMENT.key(), decisions))));
        if (y2021) {
            figures.add(figure(cells, FEES, "行政事业性收费本年收费金额", WAN,
                    List.of(AnnualReport.cell("table2", Article20Category.ADMINISTRATIVE_FEE.key(), ReportFormat.FEES))));
        }
        Map<String, Figure> byKey = new LinkedHashMap<>();
        figures.forEach(f -> byKey.put(f.key(), f));
        return byKey;
    }

    private static List<String> table3(String... rows) {
        return Arrays.stream(rows).map(row -> AnnualReport.cell("table3", row, ApplicantType.TOTAL)).toList();
    }

    /** The 总计 cells of every outcome row of a group ({@code 三.三} → 三.三.1 … 三.三.8; 2019 三.六 is one row). */
    private static List<String> group(ReportFormat format, String groupKey) {
        return format.outcomeRows().stream().filter(row -> row.equals(groupKey) || row.startsWith(groupKey + "."))
                .map(row -> AnnualReport.cell("table3", row, ApplicantType.TOTAL)).toList();
    }

    private static List<String> table4(List<String> groups, String column) {
        return groups.stream().map(g -> AnnualReport.cell("table4", ReportFormat.table4Key(g, column))).toList();
    }

    private static Figure figure(Map<String, BigDecimal> cells, String key, String label, String unit,
                                 List<String> addresses) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String address : addresses) {
            if (!cells.containsKey(address)) {
                throw new IllegalStateException("no cell " + address);
            }
            BigDecimal value = cells.get(address);
            if (value == null) {
                return new Figure(key, label, unit, addresses, null);
            }
            sum = sum.add(value);
        }
        return new Figure(key, label, unit, addresses, sum);
    }
}
