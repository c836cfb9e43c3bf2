package cn.gongkai.ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentTookEffect;
import cn.gongkai.ledger.report.json.LedgerJson;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Events stored in an older shape still load through the event store's serializer (which refuses unknown
 * properties everywhere else): the approved samples of every shape are report's StoredEventApprovalTest.
 */
class OldEventShapesTest {
    @Test
    void aJudgmentTookEffectStoredWithItsTableFourColumnLoadsWithoutIt() throws Exception {
        String stored = """
                {"lawsuitId":"ls-2024-001","instance":"SECOND","effectiveOn":"2024-09-20","outcome":"CORRECTED",
                 "recorded":{"by":"li.clerk","at":"2024-03-01T02:00:00Z"}}""";

        JudgmentTookEffect event = LedgerJson.newMapper().readValue(stored, JudgmentTookEffect.class);

        assertThat(event.instance()).isEqualTo(Instance.SECOND);
        assertThat(event.effectiveOn()).isEqualTo(LocalDate.of(2024, 9, 20));
        assertThat(LedgerJson.newMapper().writeValueAsString(event)).doesNotContain("outcome");
    }
}
