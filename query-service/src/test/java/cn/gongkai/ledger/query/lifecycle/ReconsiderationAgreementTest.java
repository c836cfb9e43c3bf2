package cn.gongkai.ledger.query.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationAccepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationDecided;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationFiled;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationRejected;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationWithdrawn;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseSummaryFold;
import cn.gongkai.ledger.report.fold.CountingRules;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every reader of a reconsideration's history agrees with the one {@link ReconsiderationLifecycle}: the case
 * summary's status, conclusion date and outcome, and the report's table-四 cell, on every path the aggregate
 * allows and on jqwik-generated histories (including the redundant events the lifecycle must ignore). The
 * aggregate holds the same lifecycle as its state, so it refuses what the lifecycle would ignore.
 */
class ReconsiderationAgreementTest {
    private static final AgencyId AGENCY = new AgencyId("agree-rc");
    private static final ReconsiderationId ID = new ReconsiderationId("rc-agree-1");
    private static final LocalDate START = LocalDate.of(2024, 2, 1);

    enum Step { FILE, ACCEPT, DECIDE, REJECT, WITHDRAW, ERASE }

    private static ReconsiderationEvent make(Step step, int day, ReconsiderationResult result) {
        LocalDate on = START.plusDays(day);
        Recorded at = new Recorded("legal", Instant.parse("2024-12-31T02:00:00Z"));
        return switch (step) {
            case FILE -> new ReconsiderationFiled(ID, AGENCY, "区人民政府", "（2024）复1号", "张三", on, null, at);
            case ACCEPT -> new ReconsiderationAccepted(ID, on, at);
            case DECIDE -> new ReconsiderationDecided(ID, on, result, "复决1号", at);
            case REJECT -> new ReconsiderationRejected(ID, on, "超过申请期限", at);
            case WITHDRAW -> new ReconsiderationWithdrawn(ID, on, "撤回", at);
            case ERASE -> new ReconsiderationEvent.ReconsiderationApplicantDataErased(ID, ErasureGround.CONSENT_WITHDRAWN,
                    at);
        };
    }

    private static List<ReconsiderationEvent> history(List<Step> steps, ReconsiderationResult result) {
        List<ReconsiderationEvent> history = new ArrayList<>();
        history.add(make(Step.FILE, 0, result));
        for (int i = 0; i < steps.size(); i++) {
            history.add(make(steps.get(i), 3 * (i + 1), result));
        }
        return history;
    }

    @Example
    void everyPathTheAggregateAllowsAgrees() {
        for (ReconsiderationResult result : ReconsiderationResult.values()) {
            for (List<Step> path : List.of(List.<Step>of(), List.of(Step.ACCEPT), List.of(Step.REJECT),
                    List.of(Step.WITHDRAW), List.of(Step.ACCEPT, Step.DECIDE), List.of(Step.ACCEPT, Step.WITHDRAW),
                    List.of(Step.ACCEPT, Step.ERASE, Step.DECIDE), List.of(Step.REJECT, Step.ERASE))) {
                assertAgree(history(path, result));
            }
        }
        assertThat(EventTypes.under(ReconsiderationEvent.class)).hasSize(Step.values().length);
    }

    @Property(tries = 300)
    void everyReaderAgreesOnAGeneratedHistory(@ForAll("steps") List<Step> steps,
                                              @ForAll ReconsiderationResult result) {
        assertAgree(history(steps, result));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMaxSize(6);
    }

    private static void assertAgree(List<ReconsiderationEvent> history) {
        ReconsiderationLifecycle.State state = ReconsiderationLifecycle.replay(history);
        List<EventEnvelope> envelopes = IntStream.range(0, history.size())
                .mapToObj(i -> EventEnvelope.of(i, history.get(i))).toList();
        CaseSummary summary = CaseSummaryFold.fold(envelopes).orElseThrow();
        Map<String, Integer> table4 = ReportFold.fold(envelopes, ReportRequest.of(AGENCY, 2024)).table4();
        String path = history.stream().map(e -> e.getClass().getSimpleName()).toList().toString();

        String column;
        if (state instanceof ReconsiderationLifecycle.Concluded c) {
            AppealOutcome outcome = CountingRules.appealOutcome(c.ending());
            assertThat(summary.status()).as(path).isEqualTo(CaseStatus.CONCLUDED);
            assertThat(summary.concludedOn()).as(path).isEqualTo(c.concludedOn());
            assertThat(summary.outcome().key()).as(path).isEqualTo(outcome.key());
            column = outcome.key();
        } else {
            assertThat(summary.status()).as(path).isEqualTo(state instanceof ReconsiderationLifecycle.Accepted
                    ? CaseStatus.ACCEPTED : CaseStatus.FILED);
            assertThat(summary.concludedOn()).as(path).isNull();
            assertThat(summary.outcome()).as(path).isNull();
            column = AppealOutcome.PENDING_KEY;
        }
        assertThat(table4.get(ReportFormat.table4Key(ReportFormat.RECONSIDERATION_GROUP, column))).as(path).isEqualTo(1);
        assertThat(table4.get(ReportFormat.table4Key(ReportFormat.RECONSIDERATION_GROUP, AppealOutcome.TOTAL_KEY)))
                .as(path).isEqualTo(1);
    }
}
