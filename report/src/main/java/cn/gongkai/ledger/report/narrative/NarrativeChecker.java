package cn.gongkai.ledger.report.narrative;

import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AnnualReport.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report's text and flags each number it states that contradicts the report's tables ("予以公开及部分
 * 公开258件" beside tables summing to 275): every claim is matched to its {@link NarrativeFigures figure}, the
 * same mapping the draft inserts from. A statement of none ("没有收到…申请", "未发生…行政复议") is a claim of 0.
 * Numbers the text states about anything else are not read. A figure whose cells are blank is not compared.
 */
public final class NarrativeChecker {
    /** The rule id of a contradiction between the text and the tables. */
    public static final String NARRATIVE = "narrative";

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final String GAP = "[^\\d，,。；;\\n]{0,%d}?";
    private static final String COUNT = "\\s*(?:件|起)";

    /** A kind of claim: the figure it states and how the text says it; the most specific kinds first. */
    private record Claim(String figure, Pattern pattern) {
    }

    /** Outcomes of an appeal, whose figure depends on whether 复议 or 诉讼 was spoken of last. */
    private record AppealClaim(String reconsiderationFigure, String lawsuitFigure, Pattern pattern) {
    }

    private static final List<Claim> CLAIMS = List.of(
            claim(NarrativeFigures.DISCLOSED_OR_PARTIALLY, "予以公开(?:及|和|与|、|或)部分公开" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.CARRIED_FORWARD, "结转下一?年度?" + gap(12) + NUMBER + COUNT),
            claim(NarrativeFigures.CARRIED_OVER, "上年(?:度)?结转" + gap(16) + NUMBER + COUNT),
            claim(NarrativeFigures.RECEIVED, "(?:新收|收到|受理)" + gap(14) + "申请" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.CONCLUDED, "(?:办理完毕|办结|作出答复)" + gap(8) + NUMBER + COUNT),
            claim(NarrativeFigures.WITHHELD, "不予公开" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.DISCLOSED, "(?<!不)予以公开" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.PARTIALLY_DISCLOSED, "部分公开" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.UNAVAILABLE, "无法提供" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.NOT_PROCESSED, "不予处理" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.OTHER_HANDLING, "其他处理" + gap(6) + NUMBER + COUNT),
            claim(NarrativeFigures.RECONSIDERATIONS, "行政复议" + gap(10) + NUMBER + COUNT),
            claim(NarrativeFigures.LAWSUITS, "行政诉讼" + gap(10) + NUMBER + COUNT),
            claim(NarrativeFigures.FEES, "收费" + gap(10) + NUMBER + "\\s*万元"),
            claim(NarrativeFigures.NORMATIVE_IN_FORCE, "(?:现行有效|对外公开)(?:行政)?规范性文件" + gap(4) + NUMBER + COUNT),
            claim(NarrativeFigures.NORMATIVE_ISSUED, "(?:行政)?规范性文件" + gap(4) + NUMBER + COUNT),
            claim(NarrativeFigures.RULES_ISSUED, "规章" + gap(4) + NUMBER + COUNT),
            claim(NarrativeFigures.LICENSING, "行政许可" + gap(8) + NUMBER + COUNT),
            claim(NarrativeFigures.PENALTY, "行政处罚" + gap(8) + NUMBER + COUNT),
            claim(NarrativeFigures.ENFORCEMENT, "行政强制" + gap(8) + NUMBER + COUNT));

    private static final List<Claim> NONE = List.of(
            claim(NarrativeFigures.RECEIVED, "(?:没有|未)(?:收到|受理)[^。；;\\n]{0,20}?申请"),
            claim(NarrativeFigures.RECONSIDERATIONS, "(?:没有|未)(?:发生|收到)[^。；;\\n]{0,24}?行政复议"),
            claim(NarrativeFigures.LAWSUITS, "(?:没有|未)(?:发生|收到)[^。；;\\n]{0,24}?行政诉讼"));

    private static final List<AppealClaim> APPEAL_OUTCOMES = List.of(
            new AppealClaim(NarrativeFigures.RECONSIDERATIONS_UPHELD, NarrativeFigures.LAWSUITS_UPHELD,
                    Pattern.compile("维持" + gap(4) + NUMBER + COUNT)),
            new AppealClaim(NarrativeFigures.RECONSIDERATIONS_CORRECTED, NarrativeFigures.LAWSUITS_CORRECTED,
                    Pattern.compile("纠正" + gap(4) + NUMBER + COUNT)),
            new AppealClaim(NarrativeFigures.RECONSIDERATIONS_PENDING, NarrativeFigures.LAWSUITS_PENDING,
                    Pattern.compile("(?:尚未|未)审结" + gap(4) + NUMBER + COUNT)));

    private static final Pattern SENTENCE = Pattern.compile("[^。；;\\n]+");
    private static final Pattern SUBJECT = Pattern.compile("行政复议|行政诉讼");

    private NarrativeChecker() {
    }

    private static String gap(int max) {
        return String.format(GAP, max);
    }

    private static Claim claim(String figure, String regex) {
        return new Claim(figure, Pattern.compile(regex));
    }

    /** The contradictions between {@code text} and {@code report}'s tables, in the order the text states them. */
    public static List<Check> check(String text, AnnualReport report) {
        Map<String, Figure> figures = NarrativeFigures.of(report);
        List<Check> checks = new ArrayList<>();
        Matcher sentences = SENTENCE.matcher(text);
        while (sentences.find()) {
            checkSentence(sentences.group(), figures, checks);
        }
        return checks;
    }

    private static void checkSentence(String sentence, Map<String, Figure> figures, List<Check> checks) {
        boolean[] consumed = new boolean[sentence.length()];
        List<Found> found = new ArrayList<>();
        for (Claim claim : CLAIMS) {
            Matcher m = claim.pattern().matcher(sentence);
            while (m.find()) {
                if (take(consumed, m.start(), m.end())) {
                    found.add(new Found(m.start(), claim.figure(), new BigDecimal(m.group(1)), m.group()));
                }
            }
        }
        for (Claim claim : NONE) {
            Matcher m = claim.pattern().matcher(sentence);
            while (m.find()) {
                if (take(consumed, m.start(), m.end())) {
                    found.add(new Found(m.start(), claim.figure(), BigDecimal.ZERO, m.group()));
                }
            }
        }
        for (AppealClaim claim : APPEAL_OUTCOMES) {
            Matcher m = claim.pattern().matcher(sentence);
            while (m.find()) {
                String subject = lastSubjectBefore(sentence, m.start());
                if (subject != null && take(consumed, m.start(), m.end())) {
                    found.add(new Found(m.start(), subject.equals("行政复议") ? claim.reconsiderationFigure()
                            : claim.lawsuitFigure(), new BigDecimal(m.group(1)), m.group()));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(Found::at));
        for (Found f : found) {
            Figure figure = figures.get(f.figure());
            if (figure == null || figure.value() == null || figure.value().compareTo(f.stated()) == 0) {
                continue;
            }
            String cells = String.join(" + ", figure.cells());
            checks.add(new Check(NARRATIVE, cells, "正文“" + f.quote() + "”与表格不符：" + figure.label() + "按表格为"
                    + figure.text() + figure.unit() + " / the text states " + f.stated().toPlainString()
                    + " where the tables give " + figure.text() + " (" + cells + ")", figure.cells()));
        }
    }

    private record Found(int at, String figure, BigDecimal stated, String quote) {
    }

    /** Marks {@code [start, end)} as read; false when any of it was read by a more specific claim. */
    private static boolean take(boolean[] consumed, int start, int end) {
        for (int i = start; i < end; i++) {
            if (consumed[i]) {
                return false;
            }
        }
        for (int i = start; i < end; i++) {
            consumed[i] = true;
        }
        return true;
    }

    private static String lastSubjectBefore(String sentence, int at) {
        Matcher m = SUBJECT.matcher(sentence.substring(0, at));
        String subject = null;
        while (m.find()) {
            subject = m.group();
        }
        return subject;
    }
}
