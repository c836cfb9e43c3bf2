package cn.gongkai.ledger.command.lawsuit;

import static cn.gongkai.ledger.command.rules.Refusals.conflict;
import static cn.gongkai.ledger.command.rules.Refusals.recordedOn;
import static cn.gongkai.ledger.command.rules.Refusals.unprocessable;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.ErasePlaintiffData;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileAppeal;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileLawsuit;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.OpenRetrial;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.RecordJudgmentEffective;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.RenderJudgment;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.AppealFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentRendered;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentTookEffect;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.LawsuitFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.PlaintiffDataErased;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.RetrialOpened;
import cn.gongkai.ledger.api.lawsuit.LawsuitId;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.command.AxonCommandTargets;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LawsuitTest {
    private static final LawsuitId ID = new LawsuitId("ls-2024-003");
    private static final AgencyId AGENCY = new AgencyId("ninghe-commerce");
    private static final RequestId REQUEST = RequestId.of(AGENCY, "2024-0001");
    private static final ReconsiderationId RECONSIDERATION = new ReconsiderationId("rc-2024-007");
    private static final String COURT = "宁和市铁路运输法院";
    private static final String APPEAL_COURT = "宁和市中级人民法院";
    private static final LocalDate FILED_ON = LocalDate.of(2024, 2, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 31);
    private static final Recorded NOW = recordedOn(TODAY);

    private FixtureConfiguration<Lawsuit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lawsuit.class);
        fixture.registerCommandTargetResolver(new AxonCommandTargets());
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2024, month, dayOfMonth);
    }

    private static FileLawsuit file(Route route, ReconsiderationId reconsideration) {
        return new FileLawsuit(ID, AGENCY, COURT, "（2024）宁71行初3号", "张三", FILED_ON, route, reconsideration, REQUEST,
                NOW);
    }

    private static LawsuitFiled filed() {
        return new LawsuitFiled(ID, AGENCY, COURT, "（2024）宁71行初3号", "张三", FILED_ON, Route.DIRECT, null, REQUEST,
                NOW);
    }

    private static JudgmentRendered firstJudgment(JudgmentResult result) {
        return new JudgmentRendered(ID, Instance.FIRST, COURT, result, day(5, 6), "（2024）宁71行初3号", NOW);
    }

    private static AppealFiled appealed() {
        return new AppealFiled(ID, day(5, 15), "张三", NOW);
    }

    private static JudgmentRendered secondJudgment(JudgmentResult result) {
        return new JudgmentRendered(ID, Instance.SECOND, APPEAL_COURT, result, day(8, 20), "（2024）宁行终9号", NOW);
    }

    private static RenderJudgment render(Instance instance, JudgmentResult result, LocalDate renderedOn) {
        return new RenderJudgment(ID, instance, COURT, result, renderedOn, null, NOW);
    }

    private static RecordJudgmentEffective effective(LocalDate effectiveOn) {
        return new RecordJudgmentEffective(ID, effectiveOn, NOW);
    }

    @Nested
    class Filing {
        @Test
        void filesADirectLawsuit() {
            fixture.givenNoPriorActivity()
                    .when(file(Route.DIRECT, null))
                    .expectEvents(filed())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void filesALawsuitAfterReconsiderationWithItsReconsideration() {
            fixture.givenNoPriorActivity()
                    .when(file(Route.AFTER_RECONSIDERATION, RECONSIDERATION))
                    .expectEvents(new LawsuitFiled(ID, AGENCY, COURT, "（2024）宁71行初3号", "张三", FILED_ON,
                            Route.AFTER_RECONSIDERATION, RECONSIDERATION, REQUEST, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesALawsuitAfterReconsiderationWithoutIt() {
            fixture.givenNoPriorActivity()
                    .when(file(Route.AFTER_RECONSIDERATION, null))
                    .expectException(unprocessable("LINKED_RECONSIDERATION_REQUIRED"));
        }

        @Test
        void refusesADirectLawsuitLinkingAReconsideration() {
            fixture.givenNoPriorActivity()
                    .when(file(Route.DIRECT, RECONSIDERATION))
                    .expectException(unprocessable("LINKED_RECONSIDERATION_FORBIDDEN"));
        }

        @Test
        void refusesALawsuitFiledTwice() {
            fixture.given(filed())
                    .when(file(Route.DIRECT, null))
                    .expectException(conflict("LAWSUIT_ALREADY_FILED"));
        }

        @Test
        void refusesAFilingDateInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new FileLawsuit(ID, AGENCY, COURT, null, "张三", TODAY.plusDays(1), Route.DIRECT, null, null,
                            NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesARequestOfAnotherAgency() {
            fixture.givenNoPriorActivity()
                    .when(new FileLawsuit(ID, AGENCY, COURT, null, "张三", FILED_ON, Route.DIRECT, null,
                            new RequestId("ninghe-finance:2024-0001"), NOW))
                    .expectException(unprocessable("LINKED_REQUEST_OF_OTHER_AGENCY"));
        }

        @Test
        void refusesAMissingRoute() {
            fixture.givenNoPriorActivity()
                    .when(file(null, null))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesABlankCourt() {
            fixture.givenNoPriorActivity()
                    .when(new FileLawsuit(ID, AGENCY, "", null, "张三", FILED_ON, Route.DIRECT, null, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesABlankPlaintiff() {
            fixture.givenNoPriorActivity()
                    .when(new FileLawsuit(ID, AGENCY, COURT, null, " ", FILED_ON, Route.DIRECT, null, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }

    @Nested
    class Judgment {
        @Test
        void isRenderedAtFirstInstance() {
            fixture.given(filed())
                    .when(new RenderJudgment(ID, Instance.FIRST, COURT, JudgmentResult.REVOKED, day(5, 6),
                            "（2024）宁71行初3号", NOW))
                    .expectEvents(firstJudgment(JudgmentResult.REVOKED))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void isRenderedAtSecondInstanceAfterAnAppeal() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed())
                    .when(new RenderJudgment(ID, Instance.SECOND, APPEAL_COURT, JudgmentResult.AFFIRMED, day(8, 20),
                            "（2024）宁行终9号", NOW))
                    .expectEvents(secondJudgment(JudgmentResult.AFFIRMED))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondInstanceJudgmentWithoutAppeal() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(render(Instance.SECOND, JudgmentResult.AFFIRMED, day(8, 20)))
                    .expectException(conflict("JUDGMENT_INSTANCE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAFirstInstanceJudgmentOnceAppealed() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed())
                    .when(render(Instance.FIRST, JudgmentResult.CLAIM_DISMISSED, day(8, 20)))
                    .expectException(conflict("JUDGMENT_INSTANCE_OUT_OF_ORDER"));
        }

        @Test
        void refusesARetrialJudgmentWithoutRetrial() {
            fixture.given(filed())
                    .when(render(Instance.RETRIAL, JudgmentResult.REVOKED, day(5, 6)))
                    .expectException(conflict("JUDGMENT_INSTANCE_OUT_OF_ORDER"));
        }

        @Test
        void refusesASecondJudgmentOfTheSameInstance() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(render(Instance.FIRST, JudgmentResult.CLAIM_DISMISSED, day(5, 7)))
                    .expectException(conflict("JUDGMENT_ALREADY_RENDERED"));
        }

        @Test
        void refusesAnAffirmationWithNothingToAffirm() {
            fixture.given(filed())
                    .when(render(Instance.FIRST, JudgmentResult.AFFIRMED, day(5, 6)))
                    .expectException(unprocessable("NOTHING_TO_AFFIRM"));
        }

        @Test
        void refusesAJudgmentBeforeFiling() {
            fixture.given(filed())
                    .when(render(Instance.FIRST, JudgmentResult.REVOKED, FILED_ON.minusDays(1)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesASecondInstanceJudgmentBeforeTheAppeal() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed())
                    .when(render(Instance.SECOND, JudgmentResult.AFFIRMED, day(5, 14)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAJudgmentInTheFuture() {
            fixture.given(filed())
                    .when(render(Instance.FIRST, JudgmentResult.REVOKED, TODAY.plusDays(1)))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAJudgmentWithoutResult() {
            fixture.given(filed())
                    .when(render(Instance.FIRST, null, day(5, 6)))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAJudgmentWithoutInstance() {
            fixture.given(filed())
                    .when(render(null, JudgmentResult.REVOKED, day(5, 6)))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAJudgmentWithoutCourt() {
            fixture.given(filed())
                    .when(new RenderJudgment(ID, Instance.FIRST, " ", JudgmentResult.REVOKED, day(5, 6), null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAJudgmentOnAConcludedCase() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW))
                    .when(render(Instance.FIRST, JudgmentResult.REVOKED, day(6, 1)))
                    .expectException(conflict("LAWSUIT_CONCLUDED"));
        }
    }

    @Nested
    class Appeal {
        @Test
        void isFiledAgainstAFirstInstanceJudgmentNotInEffect() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(new FileAppeal(ID, day(5, 15), "张三", NOW))
                    .expectEvents(appealed())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnAppealWithoutJudgment() {
            fixture.given(filed())
                    .when(new FileAppeal(ID, day(5, 15), "张三", NOW))
                    .expectException(conflict("APPEAL_NOT_ALLOWED"));
        }

        @Test
        void refusesASecondAppeal() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed())
                    .when(new FileAppeal(ID, day(5, 16), "宁和市商务局", NOW))
                    .expectException(conflict("APPEAL_NOT_ALLOWED"));
        }

        @Test
        void refusesAnAppealAgainstASecondInstanceJudgment() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed(),
                            secondJudgment(JudgmentResult.AFFIRMED))
                    .when(new FileAppeal(ID, day(8, 25), "宁和市商务局", NOW))
                    .expectException(conflict("APPEAL_NOT_ALLOWED"));
        }

        @Test
        void refusesAnAppealAgainstAJudgmentInEffect() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW))
                    .when(new FileAppeal(ID, day(5, 23), "张三", NOW))
                    .expectException(conflict("LAWSUIT_CONCLUDED"));
        }

        @Test
        void refusesAnAppealBeforeTheJudgment() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(new FileAppeal(ID, day(5, 5), "张三", NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAnAppealInTheFuture() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(new FileAppeal(ID, TODAY.plusDays(1), "张三", NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAnAppealWithoutAppellant() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(new FileAppeal(ID, day(5, 15), "", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }

    @Nested
    class TakingEffect {
        @Test
        void concludesUnderTheOutcomeOfAFirstInstanceJudgment() {
            fixture.given(filed(), firstJudgment(JudgmentResult.CLAIM_DISMISSED))
                    .when(effective(day(5, 22)))
                    .expectEvents(new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anAffirmingSecondInstanceJudgmentTakesTheOutcomeOfTheFirst() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed(),
                            secondJudgment(JudgmentResult.AFFIRMED))
                    .when(effective(day(8, 20)))
                    .expectEvents(new JudgmentTookEffect(ID, Instance.SECOND, day(8, 20), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aReversingSecondInstanceJudgmentHasItsOwnOutcome() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed(),
                            secondJudgment(JudgmentResult.CLAIM_DISMISSED))
                    .when(effective(day(8, 20)))
                    .expectEvents(new JudgmentTookEffect(ID, Instance.SECOND, day(8, 20), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anAffirmingRetrialJudgmentTakesTheOutcomeOfTheJudgmentInEffect() {
            fixture.given(filed(), firstJudgment(JudgmentResult.SUIT_DISMISSED), appealed(),
                            secondJudgment(JudgmentResult.AFFIRMED),
                            new JudgmentTookEffect(ID, Instance.SECOND, day(8, 20), NOW),
                            new RetrialOpened(ID, day(10, 8), "宁和省高级人民法院", NOW),
                            new JudgmentRendered(ID, Instance.RETRIAL, "宁和省高级人民法院", JudgmentResult.AFFIRMED,
                                    day(12, 2), null, NOW))
                    .when(effective(day(12, 2)))
                    .expectEvents(new JudgmentTookEffect(ID, Instance.RETRIAL, day(12, 2), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aRetrialJudgmentMayCorrectTheCase() {
            fixture.given(filed(), firstJudgment(JudgmentResult.CLAIM_DISMISSED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW),
                            new RetrialOpened(ID, day(10, 8), APPEAL_COURT, NOW),
                            new JudgmentRendered(ID, Instance.RETRIAL, APPEAL_COURT, JudgmentResult.ORDERED_TO_ACT,
                                    day(12, 2), null, NOW))
                    .when(effective(day(12, 2)))
                    .expectEvents(new JudgmentTookEffect(ID, Instance.RETRIAL, day(12, 2), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesWithoutAJudgment() {
            fixture.given(filed())
                    .when(effective(day(5, 22)))
                    .expectException(conflict("NO_JUDGMENT_PENDING"));
        }

        @Test
        void refusesWhileAnAppealIsPending() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED), appealed())
                    .when(effective(day(5, 22)))
                    .expectException(conflict("NO_JUDGMENT_PENDING"));
        }

        @Test
        void refusesADateBeforeTheJudgment() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(effective(day(5, 5)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesADateInTheFuture() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(effective(TODAY.plusDays(1)))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesASecondTakingEffect() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW))
                    .when(effective(day(5, 23)))
                    .expectException(conflict("LAWSUIT_CONCLUDED"));
        }
    }

    @Nested
    class Retrial {
        @Test
        void reopensAConcludedCase() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW))
                    .when(new OpenRetrial(ID, day(10, 8), APPEAL_COURT, NOW))
                    .expectEvents(new RetrialOpened(ID, day(10, 8), APPEAL_COURT, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void isFollowedByARetrialJudgment() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW),
                            new RetrialOpened(ID, day(10, 8), APPEAL_COURT, NOW))
                    .when(render(Instance.RETRIAL, JudgmentResult.AFFIRMED, day(12, 2)))
                    .expectEvents(new JudgmentRendered(ID, Instance.RETRIAL, COURT, JudgmentResult.AFFIRMED, day(12, 2),
                            null, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesARetrialOfAnOpenCase() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED))
                    .when(new OpenRetrial(ID, day(10, 8), APPEAL_COURT, NOW))
                    .expectException(conflict("LAWSUIT_NOT_CONCLUDED"));
        }

        @Test
        void refusesARetrialBeforeTheJudgmentTookEffect() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW))
                    .when(new OpenRetrial(ID, day(5, 21), APPEAL_COURT, NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesARetrialWithoutCourt() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW))
                    .when(new OpenRetrial(ID, day(10, 8), null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAnAppealAgainstARetrialJudgment() {
            fixture.given(filed(), firstJudgment(JudgmentResult.REVOKED),
                            new JudgmentTookEffect(ID, Instance.FIRST, day(5, 22), NOW),
                            new RetrialOpened(ID, day(10, 8), APPEAL_COURT, NOW),
                            new JudgmentRendered(ID, Instance.RETRIAL, APPEAL_COURT, JudgmentResult.AFFIRMED,
                                    day(12, 2), null, NOW))
                    .when(new FileAppeal(ID, day(12, 5), "张三", NOW))
                    .expectException(conflict("APPEAL_NOT_ALLOWED"));
        }
    }

    /** 删除个人信息: once, on a legal ground; the case goes on. */
    @org.junit.jupiter.api.Nested
    class Erasure {
        @Test
        void erasesOnceOnALegalGround() {
            fixture.given(filed())
                    .when(new ErasePlaintiffData(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .expectEvents(new PlaintiffDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondErasureAndOneWithoutAGround() {
            fixture.given(filed(), new PlaintiffDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .when(new ErasePlaintiffData(ID, ErasureGround.PURPOSE_ACHIEVED, NOW))
                    .expectNoEvents()
                    .expectException(conflict("PERSONAL_DATA_ALREADY_ERASED"));
            fixture.given(filed())
                    .when(new ErasePlaintiffData(ID, null, NOW))
                    .expectNoEvents()
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }
}
