package cn.gongkai.ledger.api.reconsideration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationAccepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationDecided;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationFiled;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationRejected;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationWithdrawn;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.Accepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.Concluded;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.Filed;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.State;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.Unfiled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReconsiderationLifecycleTest {
    static final ReconsiderationId ID = new ReconsiderationId("rc-lc-1");
    static final Recorded AT = new Recorded("legal-zhao", Instant.parse("2024-06-28T02:00:00Z"));
    static final ReconsiderationFiled FILED = new ReconsiderationFiled(ID, new AgencyId("lc-agency"), "区人民政府",
            "（2024）复1号", "张三", LocalDate.parse("2024-02-01"), null, AT);
    static final ReconsiderationAccepted ACCEPTED = new ReconsiderationAccepted(ID, LocalDate.parse("2024-02-05"), AT);
    static final ReconsiderationDecided DECIDED = new ReconsiderationDecided(ID, LocalDate.parse("2024-04-01"),
            ReconsiderationResult.REVOKED, "复决1号", AT);
    static final ReconsiderationRejected REJECTED = new ReconsiderationRejected(ID, LocalDate.parse("2024-02-06"),
            "超过申请期限", AT);
    static final ReconsiderationWithdrawn WITHDRAWN = new ReconsiderationWithdrawn(ID, LocalDate.parse("2024-03-01"),
            "申请人撤回", AT);

    static State replay(ReconsiderationEvent... events) {
        return ReconsiderationLifecycle.replay(Arrays.asList(events));
    }

    @Test
    void everyEventTypeMovesTheLifecycle() {
        assertThat(EventTypes.under(ReconsiderationEvent.class)).containsExactlyInAnyOrder(
                ReconsiderationFiled.class, ReconsiderationAccepted.class, ReconsiderationDecided.class,
                ReconsiderationRejected.class, ReconsiderationWithdrawn.class,
                ReconsiderationEvent.ReconsiderationApplicantDataErased.class);
        assertThat(replay()).isInstanceOf(Unfiled.class);
        assertThat(replay(FILED)).isEqualTo(new Filed(FILED));
        assertThat(replay(FILED, ACCEPTED)).isEqualTo(new Accepted(FILED, ACCEPTED.acceptedOn()));
        assertThat(replay(FILED, ACCEPTED, DECIDED)).isEqualTo(new Concluded(FILED, ACCEPTED.acceptedOn(), DECIDED));
        assertThat(replay(FILED, REJECTED)).isEqualTo(new Concluded(FILED, null, REJECTED));
        assertThat(replay(FILED, WITHDRAWN)).isEqualTo(new Concluded(FILED, null, WITHDRAWN));
        assertThat(replay(FILED, ACCEPTED, WITHDRAWN)).isEqualTo(new Concluded(FILED, ACCEPTED.acceptedOn(), WITHDRAWN));
        assertThat(replay(FILED, ACCEPTED, new ReconsiderationEvent.ReconsiderationApplicantDataErased(ID,
                ErasureGround.CONSENT_WITHDRAWN, AT))).as("an erasure changes no fact the report reads")
                .isEqualTo(replay(FILED, ACCEPTED));
    }

    @Test
    void aCaseConcludesOnceAndNothingBeforeItsFilingCounts() {
        assertThat(replay(FILED, ACCEPTED, DECIDED, WITHDRAWN)).isEqualTo(replay(FILED, ACCEPTED, DECIDED));
        assertThat(((Concluded) replay(FILED, REJECTED, ACCEPTED)).concludedOn()).isEqualTo(REJECTED.decidedOn());
        assertThat(replay(ACCEPTED, DECIDED)).isInstanceOf(Unfiled.class);
        assertThat(replay(FILED, FILED, ACCEPTED, ACCEPTED)).isEqualTo(replay(FILED, ACCEPTED));
    }
}
