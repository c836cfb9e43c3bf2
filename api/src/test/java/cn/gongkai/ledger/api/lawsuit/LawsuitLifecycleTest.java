package cn.gongkai.ledger.api.lawsuit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.AppealFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentRendered;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentTookEffect;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.LawsuitFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.PlaintiffDataErased;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.RetrialOpened;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.Concluded;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.Pending;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.State;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LawsuitLifecycleTest {
    static final LawsuitId ID = new LawsuitId("ls-lc-1");
    static final Recorded AT = new Recorded("legal-zhao", Instant.parse("2024-06-28T02:00:00Z"));

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static LawsuitFiled filed() {
        return new LawsuitFiled(ID, new AgencyId("lc-agency"), "宁河区法院", "（2024）行初1号", "张三", d("2024-02-01"),
                Route.DIRECT, null, null, AT);
    }

    static JudgmentRendered judgment(Instance instance, JudgmentResult result, String on) {
        return new JudgmentRendered(ID, instance, "宁河区法院", result, d(on), "（2024）判1号", AT);
    }

    static State replay(LawsuitEvent... events) {
        return LawsuitLifecycle.replay(Arrays.asList(events));
    }

    @Test
    void everyEventTypeMovesTheLifecycle() {
        List<Class<?>> handled = List.of(LawsuitFiled.class, JudgmentRendered.class, AppealFiled.class,
                JudgmentTookEffect.class, RetrialOpened.class, PlaintiffDataErased.class);
        assertThat(LawsuitEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(handled);
        State filed = replay(filed());
        State rendered = LawsuitLifecycle.evolve(filed, judgment(Instance.FIRST, JudgmentResult.REVOKED, "2024-05-01"));
        State appealed = LawsuitLifecycle.evolve(rendered, new AppealFiled(ID, d("2024-05-10"), "本机关", AT));
        State effective = LawsuitLifecycle.evolve(rendered, new JudgmentTookEffect(ID, Instance.FIRST, d("2024-05-20"), AT));
        State retried = LawsuitLifecycle.evolve(effective, new RetrialOpened(ID, d("2024-08-01"), "市中院", AT));
        assertThat(List.of(LawsuitLifecycle.initial(), filed, rendered, appealed, effective, retried)).doesNotHaveDuplicates();
        assertThat(LawsuitLifecycle.evolve(rendered, new PlaintiffDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, AT)))
                .as("an erasure changes no fact the report reads").isEqualTo(rendered);
    }

    @Test
    void anAffirmingJudgmentTakesTheResultItAffirmed() {
        State state = replay(filed(), judgment(Instance.FIRST, JudgmentResult.CLAIM_DISMISSED, "2024-05-01"),
                new AppealFiled(ID, d("2024-05-10"), "张三", AT),
                judgment(Instance.SECOND, JudgmentResult.AFFIRMED, "2024-07-01"),
                new JudgmentTookEffect(ID, Instance.SECOND, d("2024-07-15"), AT));

        Concluded concluded = (Concluded) state;
        assertThat(concluded.result()).isEqualTo(JudgmentResult.CLAIM_DISMISSED);
        assertThat(concluded.facts().transitions())
                .containsExactly(new Transition(d("2024-07-15"), JudgmentResult.CLAIM_DISMISSED));
    }

    @Test
    void aRetrialReopensAndItsJudgmentDecides() {
        State state = replay(filed(), judgment(Instance.FIRST, JudgmentResult.CLAIM_DISMISSED, "2024-05-01"),
                new JudgmentTookEffect(ID, Instance.FIRST, d("2024-05-20"), AT),
                new RetrialOpened(ID, d("2024-08-01"), "市中院", AT));
        assertThat(state).isInstanceOf(Pending.class);
        assertThat(((Pending) state).instance()).isEqualTo(Instance.RETRIAL);

        State decided = LawsuitLifecycle.evolve(LawsuitLifecycle.evolve(state,
                        judgment(Instance.RETRIAL, JudgmentResult.REVOKED, "2024-10-01")),
                new JudgmentTookEffect(ID, Instance.RETRIAL, d("2024-10-20"), AT));
        assertThat(((Concluded) decided).facts().transitions()).containsExactly(
                new Transition(d("2024-05-20"), JudgmentResult.CLAIM_DISMISSED), new Transition(d("2024-08-01"), null),
                new Transition(d("2024-10-20"), JudgmentResult.REVOKED));
    }
}
