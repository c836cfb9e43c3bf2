package cn.gongkai.ledger.command.reconsideration;

import static cn.gongkai.ledger.command.rules.Refusals.conflict;
import static cn.gongkai.ledger.command.rules.Refusals.recordedOn;
import static cn.gongkai.ledger.command.rules.Refusals.unprocessable;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.AcceptReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.DecideReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.EraseReconsiderationApplicantData;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.FileReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.RejectReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.WithdrawReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationAccepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationApplicantDataErased;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationDecided;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationFiled;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationRejected;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationWithdrawn;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.command.AxonCommandTargets;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReconsiderationTest {
    private static final ReconsiderationId ID = new ReconsiderationId("rc-2024-007");
    private static final AgencyId AGENCY = new AgencyId("ninghe-commerce");
    private static final RequestId REQUEST = RequestId.of(AGENCY, "2024-0001");
    private static final String REVIEW_BODY = "宁和市人民政府";
    private static final LocalDate FILED_ON = LocalDate.of(2024, 5, 6);
    private static final LocalDate ACCEPTED_ON = LocalDate.of(2024, 5, 10);
    private static final LocalDate TODAY = LocalDate.of(2024, 9, 30);
    private static final Recorded NOW = recordedOn(TODAY);

    private FixtureConfiguration<Reconsideration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Reconsideration.class);
        fixture.registerCommandTargetResolver(new AxonCommandTargets());
    }

    private static FileReconsideration file(LocalDate filedOn, RequestId linkedRequest) {
        return new FileReconsideration(ID, AGENCY, REVIEW_BODY, "宁政复〔2024〕7号", "张三", filedOn, linkedRequest, NOW);
    }

    private static ReconsiderationFiled filed() {
        return new ReconsiderationFiled(ID, AGENCY, REVIEW_BODY, "宁政复〔2024〕7号", "张三", FILED_ON, REQUEST, NOW);
    }

    private static ReconsiderationAccepted accepted() {
        return new ReconsiderationAccepted(ID, ACCEPTED_ON, NOW);
    }

    private static DecideReconsideration decide(LocalDate decidedOn) {
        return new DecideReconsideration(ID, decidedOn, ReconsiderationResult.UPHELD, "宁政复决〔2024〕7号", NOW);
    }

    @Nested
    class Filing {
        @Test
        void filesACaseAboutARequestOfTheAgency() {
            fixture.givenNoPriorActivity()
                    .when(file(FILED_ON, REQUEST))
                    .expectEvents(filed())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void filesACaseNotAboutARequestInTheLedger() {
            fixture.givenNoPriorActivity()
                    .when(new FileReconsideration(ID, AGENCY, REVIEW_BODY, null, "张三", FILED_ON, null, NOW))
                    .expectEvents(new ReconsiderationFiled(ID, AGENCY, REVIEW_BODY, null, "张三", FILED_ON, null, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesACaseFiledTwice() {
            fixture.given(filed())
                    .when(file(FILED_ON, REQUEST))
                    .expectException(conflict("RECONSIDERATION_ALREADY_FILED"));
        }

        @Test
        void refusesAFilingDateInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(file(TODAY.plusDays(1), REQUEST))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesARequestOfAnotherAgency() {
            fixture.givenNoPriorActivity()
                    .when(file(FILED_ON, new RequestId("ninghe-finance:2024-0001")))
                    .expectException(unprocessable("LINKED_REQUEST_OF_OTHER_AGENCY"));
        }

        @Test
        void refusesABlankReviewBody() {
            fixture.givenNoPriorActivity()
                    .when(new FileReconsideration(ID, AGENCY, " ", null, "张三", FILED_ON, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesABlankApplicant() {
            fixture.givenNoPriorActivity()
                    .when(new FileReconsideration(ID, AGENCY, REVIEW_BODY, null, "", FILED_ON, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAMissingAgency() {
            fixture.givenNoPriorActivity()
                    .when(new FileReconsideration(ID, null, REVIEW_BODY, null, "张三", FILED_ON, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }

    @Nested
    class Acceptance {
        @Test
        void acceptsAFiledCase() {
            fixture.given(filed())
                    .when(new AcceptReconsideration(ID, ACCEPTED_ON, NOW))
                    .expectEvents(accepted())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondAcceptance() {
            fixture.given(filed(), accepted())
                    .when(new AcceptReconsideration(ID, ACCEPTED_ON.plusDays(1), NOW))
                    .expectException(conflict("RECONSIDERATION_ALREADY_ACCEPTED"));
        }

        @Test
        void refusesAnAcceptanceBeforeFiling() {
            fixture.given(filed())
                    .when(new AcceptReconsideration(ID, FILED_ON.minusDays(1), NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAnAcceptanceInTheFuture() {
            fixture.given(filed())
                    .when(new AcceptReconsideration(ID, TODAY.plusDays(1), NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAnAcceptanceOfAConcludedCase() {
            fixture.given(filed(), new ReconsiderationWithdrawn(ID, ACCEPTED_ON, null, NOW))
                    .when(new AcceptReconsideration(ID, ACCEPTED_ON, NOW))
                    .expectException(conflict("RECONSIDERATION_CONCLUDED"));
        }
    }

    @Nested
    class Rejection {
        @Test
        void rejectsACaseNotAccepted() {
            fixture.given(filed())
                    .when(new RejectReconsideration(ID, ACCEPTED_ON, "超过法定申请期限", NOW))
                    .expectEvents(new ReconsiderationRejected(ID, ACCEPTED_ON, "超过法定申请期限", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesARejectionAfterAcceptance() {
            fixture.given(filed(), accepted())
                    .when(new RejectReconsideration(ID, ACCEPTED_ON.plusDays(1), "超过法定申请期限", NOW))
                    .expectException(conflict("RECONSIDERATION_ALREADY_ACCEPTED"));
        }

        @Test
        void refusesARejectionWithoutReason() {
            fixture.given(filed())
                    .when(new RejectReconsideration(ID, ACCEPTED_ON, "", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesARejectionBeforeFiling() {
            fixture.given(filed())
                    .when(new RejectReconsideration(ID, FILED_ON.minusDays(1), "超过法定申请期限", NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesARejectionOfAConcludedCase() {
            fixture.given(filed(), new ReconsiderationRejected(ID, ACCEPTED_ON, "超过法定申请期限", NOW))
                    .when(new RejectReconsideration(ID, ACCEPTED_ON, "超过法定申请期限", NOW))
                    .expectException(conflict("RECONSIDERATION_CONCLUDED"));
        }
    }

    @Nested
    class Decision {
        @Test
        void decidesAnAcceptedCase() {
            fixture.given(filed(), accepted())
                    .when(decide(LocalDate.of(2024, 7, 1)))
                    .expectEvents(new ReconsiderationDecided(ID, LocalDate.of(2024, 7, 1), ReconsiderationResult.UPHELD,
                            "宁政复决〔2024〕7号", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesADecisionOnACaseNotAccepted() {
            fixture.given(filed())
                    .when(decide(LocalDate.of(2024, 7, 1)))
                    .expectException(conflict("RECONSIDERATION_NOT_ACCEPTED"));
        }

        @Test
        void refusesADecisionBeforeAcceptance() {
            fixture.given(filed(), accepted())
                    .when(decide(ACCEPTED_ON.minusDays(1)))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesADecisionInTheFuture() {
            fixture.given(filed(), accepted())
                    .when(decide(TODAY.plusDays(1)))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesADecisionWithoutResult() {
            fixture.given(filed(), accepted())
                    .when(new DecideReconsideration(ID, LocalDate.of(2024, 7, 1), null, null, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesASecondDecision() {
            fixture.given(filed(), accepted(), new ReconsiderationDecided(ID, LocalDate.of(2024, 7, 1),
                            ReconsiderationResult.REVOKED, null, NOW))
                    .when(decide(LocalDate.of(2024, 7, 2)))
                    .expectException(conflict("RECONSIDERATION_CONCLUDED"));
        }
    }

    @Nested
    class Withdrawal {
        @Test
        void endsAnAcceptedCase() {
            fixture.given(filed(), accepted())
                    .when(new WithdrawReconsideration(ID, ACCEPTED_ON, "申请人撤回", NOW))
                    .expectEvents(new ReconsiderationWithdrawn(ID, ACCEPTED_ON, "申请人撤回", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void endsACaseNotYetAccepted() {
            fixture.given(filed())
                    .when(new WithdrawReconsideration(ID, FILED_ON, null, NOW))
                    .expectEvents(new ReconsiderationWithdrawn(ID, FILED_ON, null, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAWithdrawalBeforeAcceptance() {
            fixture.given(filed(), accepted())
                    .when(new WithdrawReconsideration(ID, ACCEPTED_ON.minusDays(1), null, NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAWithdrawalInTheFuture() {
            fixture.given(filed())
                    .when(new WithdrawReconsideration(ID, TODAY.plusDays(1), null, NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesAWithdrawalOfADecidedCase() {
            fixture.given(filed(), accepted(), new ReconsiderationDecided(ID, LocalDate.of(2024, 7, 1),
                            ReconsiderationResult.UPHELD, null, NOW))
                    .when(new WithdrawReconsideration(ID, LocalDate.of(2024, 7, 2), null, NOW))
                    .expectException(conflict("RECONSIDERATION_CONCLUDED"));
        }
    }

    /** 删除个人信息: once, on a legal ground; the case goes on. */
    @org.junit.jupiter.api.Nested
    class Erasure {
        @Test
        void erasesOnceOnALegalGround() {
            fixture.given(filed())
                    .when(new EraseReconsiderationApplicantData(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .expectEvents(new ReconsiderationApplicantDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondErasureAndOneWithoutAGround() {
            fixture.given(filed(), new ReconsiderationApplicantDataErased(ID, ErasureGround.CONSENT_WITHDRAWN, NOW))
                    .when(new EraseReconsiderationApplicantData(ID, ErasureGround.PURPOSE_ACHIEVED, NOW))
                    .expectNoEvents()
                    .expectException(conflict("PERSONAL_DATA_ALREADY_ERASED"));
            fixture.given(filed())
                    .when(new EraseReconsiderationApplicantData(ID, null, NOW))
                    .expectNoEvents()
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }
    }
}
