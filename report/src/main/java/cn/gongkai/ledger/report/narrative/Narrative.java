package cn.gongkai.ledger.report.narrative;

import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's numbered sections (一 总体情况 … 六 其他需要报告的事项) as an editable draft. Each section's
 * {@code template} is text with placeholders ({@code {{received}}}, see {@link NarrativeFigures}); its
 * {@code text} is the template with every placeholder replaced by the figure folded from the same events as
 * the tables, so text and tables cannot disagree. An office edits the templates (rewording, adding, keeping the
 * placeholders) and renders them again with {@link #render}.
 */
public final class Narrative {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    /** A numbered section: its number (一 … 六), its official title, its template and its rendered text. */
    public record Section(String number, String title, String template, String text, List<Figure> figures) {
        public Section {
            figures = List.copyOf(figures);
        }
    }

    /** The sections and every figure the templates may name. */
    public record Draft(List<Section> sections, Map<String, Figure> figures) {
        public Draft {
            sections = List.copyOf(sections);
            figures = Map.copyOf(figures);
        }
    }

    /** A placeholder that names no figure. */
    public static final class UnknownFigureException extends IllegalArgumentException {
        private final String key;

        UnknownFigureException(String key) {
            super("unknown figure in narrative: {{" + key + "}}");
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private Narrative() {
    }

    /** The official titles of the six sections (国办公开办函〔2021〕30号), by number. */
    public static Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("一", "总体情况");
        titles.put("二", "主动公开政府信息情况");
        titles.put("三", "收到和处理政府信息公开申请情况");
        titles.put("四", "政府信息公开行政复议、行政诉讼情况");
        titles.put("五", "存在的主要问题及改进情况");
        titles.put("六", "其他需要报告的事项");
        return titles;
    }

    /** The draft of {@code report}'s sections, every number inserted from its tables. */
    public static Draft draft(AnnualReport report) {
        Map<String, String> templates = new LinkedHashMap<>();
        String year = report.year() + "年";
        templates.put("一", year + "，本机关新收政府信息公开申请{{received}}件，上年结转{{carriedOver}}件；本年度办理完毕"
                + "{{concluded}}件，其中予以公开{{disclosed}}件、部分公开{{partiallyDisclosed}}件、不予公开{{withheld}}件、"
                + "无法提供{{unavailable}}件、不予处理{{notProcessed}}件、其他处理{{otherHandling}}件，结转下年度继续办理"
                + "{{carriedForward}}件。发生政府信息公开行政复议{{reconsiderations}}件、行政诉讼{{lawsuits}}件。");
        templates.put("二", report.format() == ReportFormat.Y2021
                ? year + "，本机关制发规章{{rulesIssued}}件、行政规范性文件{{normativeDocumentsIssued}}件，现行有效行政规范性文件"
                        + "{{normativeDocumentsInForce}}件；作出行政许可处理决定{{licensingDecisions}}件、行政处罚处理决定"
                        + "{{penaltyDecisions}}件、行政强制处理决定{{enforcementDecisions}}件；行政事业性收费本年收费金额"
                        + "{{feesCollected}}万元。"
                : year + "，本机关新制作规章{{rulesIssued}}件、规范性文件{{normativeDocumentsIssued}}件，对外公开规范性文件"
                        + "{{normativeDocumentsInForce}}件；作出行政许可处理决定{{licensingDecisions}}件、行政处罚处理决定"
                        + "{{penaltyDecisions}}件、行政强制处理决定{{enforcementDecisions}}件。");
        templates.put("三", year + "，本机关新收政府信息公开申请{{received}}件，上年结转{{carriedOver}}件。办理完毕"
                + "{{concluded}}件：予以公开及部分公开{{disclosedOrPartially}}件（予以公开{{disclosed}}件，部分公开"
                + "{{partiallyDisclosed}}件），不予公开{{withheld}}件，无法提供{{unavailable}}件，不予处理{{notProcessed}}件，"
                + "其他处理{{otherHandling}}件。结转下年度继续办理{{carriedForward}}件。");
        templates.put("四", year + "，本机关发生政府信息公开行政复议{{reconsiderations}}件，其中结果维持"
                + "{{reconsiderationsUpheld}}件、结果纠正{{reconsiderationsCorrected}}件、尚未审结{{reconsiderationsPending}}件；"
                + "行政诉讼{{lawsuits}}件，其中结果维持{{lawsuitsUpheld}}件、结果纠正{{lawsuitsCorrected}}件、尚未审结"
                + "{{lawsuitsPending}}件。");
        templates.put("五", "（请填写本年度政府信息公开工作存在的主要问题及改进情况。）");
        templates.put("六", "（请填写其他需要报告的事项，包括依据《政府信息公开信息处理费管理办法》收取信息处理费的情况。）");
        return render(report, templates);
    }

    /**
     * Renders edited templates (section number → template) against {@code report}: every placeholder is replaced
     * by its figure.
     *
     * @throws UnknownFigureException when a placeholder names no figure
     * @throws IllegalArgumentException when a section number is not 一 … 六
     */
    public static Draft render(AnnualReport report, Map<String, String> templates) {
        Map<String, Figure> figures = NarrativeFigures.of(report);
        Map<String, String> titles = titles();
        List<Section> sections = new ArrayList<>();
        templates.keySet().stream().filter(n -> !titles.containsKey(n)).findFirst().ifPresent(n -> {
            throw new IllegalArgumentException("no section " + n + " (一 to 六)");
        });
        titles.forEach((number, title) -> {
            String template = templates.getOrDefault(number, "");
            List<Figure> cited = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                Figure figure = figures.get(m.group(1));
                if (figure == null) {
                    throw new UnknownFigureException(m.group(1));
                }
                if (!cited.contains(figure)) {
                    cited.add(figure);
                }
                m.appendReplacement(text, Matcher.quoteReplacement(figure.text()));
            }
            m.appendTail(text);
            sections.add(new Section(number, title, template, text.toString(), cited));
        });
        return new Draft(sections, figures);
    }

    /** The whole text as published: each section headed {@code 一、总体情况}, then its text. */
    public static String text(Draft draft) {
        StringBuilder text = new StringBuilder();
        draft.sections().forEach(s -> text.append(s.number()).append('、').append(s.title()).append('\n')
                .append(s.text()).append("\n\n"));
        return text.toString();
    }
}
