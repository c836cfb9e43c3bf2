package cn.gongkai.ledger.report.narrative;

import static cn.gongkai.ledger.api.common.ApplicantType.COMMERCIAL_ENTERPRISE;
import static cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AnnualReport.Check;
import cn.gongkai.ledger.report.fold.History;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The narrative drafted from the counts, and the checker reading a text against its tables. */
class NarrativeTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** A year where every figure differs from its neighbours, so a number put in the wrong place shows. */
    private static AnnualReport report(ReportFormat format) {
        History h = new History("ninghe-commerce").register("宁河区商务局");
        for (int i = 0; i < 7; i++) {
            h.receive("d" + i, NATURAL_PERSON, LocalDate.of(2024, 2, 1)).reply("d" + i, LocalDate.of(2024, 3, 1),
                    Outcome.DISCLOSED);
        }
        for (int i = 0; i < 4; i++) {
            h.receive("p" + i, COMMERCIAL_ENTERPRISE, LocalDate.of(2024, 2, 1)).reply("p" + i, LocalDate.of(2024, 3, 1),
                    Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS);
        }
        h.receive("carried", NATURAL_PERSON, LocalDate.of(2023, 12, 28))
                .reply("carried", LocalDate.of(2024, 1, 5), Outcome.WITHHELD_STATE_SECRET)
                .receive("carried2", NATURAL_PERSON, LocalDate.of(2023, 12, 29))
                .reply("carried2", LocalDate.of(2024, 1, 5), Outcome.UNAVAILABLE_NOT_HELD)
                .receive("open", NATURAL_PERSON, LocalDate.of(2024, 12, 30))
                .receive("w", NATURAL_PERSON, LocalDate.of(2024, 5, 1)).withdraw("w", LocalDate.of(2024, 5, 2))
                .issue("nd-1", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2024, 2, 20))
                .issue("nd-2", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2024, 5, 20))
                .issue("nd-3", NormativeDocumentKind.NORMATIVE_DOCUMENT, LocalDate.of(2023, 5, 20))
                .tally(Article20Category.LICENSING, LocalDate.of(2024, 3, 31), 13)
                .tally(Article20Category.PENALTY, LocalDate.of(2024, 3, 31), 6)
                .fees(LocalDate.of(2024, 6, 30), "12345.00")
                .fileReconsideration("1", LocalDate.of(2024, 2, 10))
                .decideReconsideration("1", LocalDate.of(2024, 7, 15), ReconsiderationResult.CHANGED)
                .fileReconsideration("2", LocalDate.of(2024, 3, 10))
                .fileReconsideration("3", LocalDate.of(2024, 3, 11))
                .fileLawsuit("4", Route.DIRECT, LocalDate.of(2024, 4, 1))
                .judgment("4", Instance.FIRST, cn.gongkai.ledger.api.lawsuit.JudgmentResult.CLAIM_DISMISSED,
                        LocalDate.of(2024, 9, 1))
                .takeEffect("4", Instance.FIRST, LocalDate.of(2024, 9, 20), AppealOutcome.UPHELD);
        return ReportFold.fold(h.events(), new ReportRequest(h.agency, 2024, format, null, null));
    }

    private static BigDecimal sumOf(AnnualReport report, List<String> cells) {
        return cells.stream().map(c -> report.cells().get(c)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyNumberOfTheDraftEqualsTheCellsItCites(ReportFormat format) {
        AnnualReport report = report(format);
        Narrative.Draft draft = Narrative.draft(report);

        assertThat(draft.sections()).extracting(Narrative.Section::number)
                .containsExactly("一", "二", "三", "四", "五", "六");
        assertThat(draft.sections().get(0).title()).isEqualTo("总体情况");
        for (Narrative.Section section : draft.sections()) {
            for (Figure figure : section.figures()) {
                assertThat(figure.value()).as(figure.key()).isEqualByComparingTo(sumOf(report, figure.cells()));
            }
            assertThat(section.text()).doesNotContain("{{");
        }
        assertThat(NarrativeChecker.check(Narrative.text(draft), report)).isEmpty();
    }

    @Test
    void theDraftStatesTheFoldedNumbers() {
        AnnualReport report = report(ReportFormat.Y2021);
        String one = Narrative.draft(report).sections().get(0).text();
        assertThat(one).startsWith("2024年，本机关新收政府信息公开申请13件，上年结转2件；本年度办理完毕14件，其中予以公开7件、部分公开4件、"
                + "不予公开1件、无法提供1件、不予处理0件、其他处理1件，结转下年度继续办理1件。发生政府信息公开行政复议3件、行政诉讼1件。");
        assertThat(Narrative.draft(report).sections().get(1).text()).contains("行政规范性文件2件", "现行有效行政规范性文件3件",
                "行政许可处理决定13件", "行政处罚处理决定6件", "本年收费金额1.2345万元");
        assertThat(Narrative.draft(report).sections().get(3).text()).contains("行政复议3件，其中结果维持0件、结果纠正1件、尚未审结2件",
                "行政诉讼1件，其中结果维持1件");
    }

    /** Each placeholder in turn stated one too high: the checker flags that figure, with exactly its cells. */
    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void theCheckerCatchesEveryNumberTheDraftStates(ReportFormat format) {
        AnnualReport report = report(format);
        Narrative.Draft draft = Narrative.draft(report);
        String templates = String.join("。\n", draft.sections().stream().map(Narrative.Section::template).toList());
        for (Figure wrong : draft.sections().stream().flatMap(s -> s.figures().stream()).distinct().toList()) {
            Matcher m = PLACEHOLDER.matcher(templates);
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                Figure figure = draft.figures().get(m.group(1));
                BigDecimal value = figure.key().equals(wrong.key()) ? figure.value().add(BigDecimal.ONE) : figure.value();
                m.appendReplacement(text, value.stripTrailingZeros().toPlainString());
            }
            m.appendTail(text);
            List<Check> checks = NarrativeChecker.check(text.toString(), report);
            assertThat(checks).as(wrong.key()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.cell()).isEqualTo(String.join(" + ", wrong.cells())))
                    .allSatisfy(c -> assertThat(c.rule()).isEqualTo(NarrativeChecker.NARRATIVE));
        }
    }

    @Test
    void flagsThePublishedContradictions() {
        AnnualReport report = report(ReportFormat.Y2021);
        List<Check> checks = NarrativeChecker.check("本年度共收到政府信息公开申请17件，其中予以公开及部分公开258件；"
                + "结转下年度继续办理1件。没有发生政府信息公开行政复议案件。", report);
        assertThat(checks).extracting(Check::cell).containsExactly("table3/一/总计",
                "table3/三.一/总计 + table3/三.二/总计", "table4/复议.总计");
        assertThat(checks.get(1).message()).contains("予以公开及部分公开258件", "11", "258");
    }

    @Test
    void readsNumbersOnlyWhereTheTextSpeaksOfAFigure() {
        AnnualReport report = report(ReportFormat.Y2021);
        assertThat(NarrativeChecker.check("2024年，我局主动公开信息累计66条，办理人大代表建议主办件1件、政协提案3件，"
                + "开展培训12次。予以公开7件，部分公开4件。", report)).isEmpty();
    }

    @Test
    void anEditedTemplateIsRenderedFromTheSameFold() {
        AnnualReport report = report(ReportFormat.Y2021);
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("一", "全年受理申请{{received}}件，办结{{concluded}}件。");
        templates.put("五", "人员不足。");
        Narrative.Draft draft = Narrative.render(report, templates);
        assertThat(draft.sections().get(0).text()).isEqualTo("全年受理申请13件，办结14件。");
        assertThat(draft.sections().get(4).text()).isEqualTo("人员不足。");
        assertThat(draft.sections().get(2).text()).isEmpty();
        assertThatThrownBy(() -> Narrative.render(report, Map.of("一", "{{applesSold}}")))
                .isInstanceOf(Narrative.UnknownFigureException.class).hasMessageContaining("applesSold");
        assertThatThrownBy(() -> Narrative.render(report, Map.of("七", "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
