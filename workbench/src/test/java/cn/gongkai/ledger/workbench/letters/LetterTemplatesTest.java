package cn.gongkai.ledger.workbench.letters;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.request.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped letters use only the documented placeholders; filling leaves none; an agency's copy wins. */
class LetterTemplatesTest {
    /** The placeholders docs/letters.md documents. */
    static final Set<String> DOCUMENTED = Set.of("机关名称", "申请人", "申请人类型", "登记编号", "收到申请之日", "收到方式",
            "申请内容", "承办人", "联系方式", "文书日期", "补正内容", "补正期限", "征求意见对象", "收费金额", "计收方式",
            "延长工作日", "延期理由", "批准人", "答复书文号", "答复内容", "答复依据", "办理结果", "复议机关", "救济途径");

    @Test
    void everyShippedTemplateUsesOnlyDocumentedPlaceholdersAndFillingLeavesNone() {
        LetterTemplates templates = new LetterTemplates("");
        for (String kind : LetterController.TITLES.keySet()) {
            String template = templates.template(kind);
            assertThat(DOCUMENTED).as(kind).containsAll(LetterTemplates.placeholders(template).keySet());
            String filled = LetterTemplates.fill(template, Map.of());
            assertThat(filled).doesNotContain("{{").contains("（未登记）");
            assertThat(Letter.parse(filled).title()).contains(LetterController.TITLES.get(kind).replace("登记回执", "回执"));
        }
    }

    @Test
    void anAgencysOwnTemplateReplacesTheShippedOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("receipt.txt"), "收件回执\n{{申请人}}，您好。\n[右]{{机关名称}}\n");
        String filled = LetterTemplates.fill(new LetterTemplates(dir.toString()).template("receipt"),
                Map.of("申请人", "王某", "机关名称", "示范局"));
        Letter letter = Letter.parse(filled);
        assertThat(letter.title()).isEqualTo("收件回执");
        assertThat(letter.paragraphs()).containsExactly(new Letter.Paragraph("王某，您好。", false),
                new Letter.Paragraph("示范局", true));
    }

    @Test
    void everyOutcomeHasItsLegalBasis() {
        for (Outcome outcome : Outcome.values()) {
            assertThat(OutcomeBasis.of(outcome).article()).as(outcome.name()).startsWith("第");
        }
        assertThat(OutcomeBasis.citation(java.util.List.of(Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS)))
                .isEqualTo("《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（三）项、第十五条、第三十二条");
    }
}
