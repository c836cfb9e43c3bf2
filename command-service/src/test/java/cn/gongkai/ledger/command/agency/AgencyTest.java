package cn.gongkai.ledger.command.agency;

import static cn.gongkai.ledger.command.rules.Refusals.conflict;
import static cn.gongkai.ledger.command.rules.Refusals.recordedOn;
import static cn.gongkai.ledger.command.rules.Refusals.unprocessable;

import cn.gongkai.ledger.api.agency.AgencyCommand.CollectFees;
import cn.gongkai.ledger.api.agency.AgencyCommand.CountOpeningRegister;
import cn.gongkai.ledger.api.agency.AgencyCommand.OpenLedger;
import cn.gongkai.ledger.api.agency.AgencyCommand.CountServiceItems;
import cn.gongkai.ledger.api.agency.AgencyCommand.ExpireNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.IssueNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.RecordProcurement;
import cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency;
import cn.gongkai.ledger.api.agency.AgencyCommand.RepealNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.SetAppealCountingPolicy;
import cn.gongkai.ledger.api.agency.AgencyCommand.TallyDecisions;
import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.agency.AgencyEvent.AppealCountingPolicySet;
import cn.gongkai.ledger.api.agency.AgencyEvent.DecisionsTallied;
import cn.gongkai.ledger.api.agency.AgencyEvent.FeesCollected;
import cn.gongkai.ledger.api.agency.AgencyEvent.LedgerOpened;
import cn.gongkai.ledger.api.agency.AgencyEvent.OpeningRegisterCounted;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentExpired;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentIssued;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentRepealed;
import cn.gongkai.ledger.api.agency.AgencyEvent.ProcurementRecorded;
import cn.gongkai.ledger.api.agency.AgencyEvent.ServiceItemsCounted;
import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.command.AxonCommandTargets;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyTest {
    private static final AgencyId ID = new AgencyId("ninghe-commerce");
    private static final AgencyId SUPERIOR = new AgencyId("ninghe-gov");
    private static final String NAME = "宁和市商务局";
    private static final String DOCUMENT = "ncb-2024-1";
    private static final LocalDate ISSUED_ON = LocalDate.of(2024, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 31);
    private static final Recorded NOW = recordedOn(TODAY);

    private FixtureConfiguration<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerCommandTargetResolver(new AxonCommandTargets());
    }

    private static AgencyRegistered registered() {
        return new AgencyRegistered(ID, NAME, SUPERIOR, NOW);
    }

    private static NormativeDocumentIssued issued() {
        return new NormativeDocumentIssued(ID, DOCUMENT, NormativeDocumentKind.NORMATIVE_DOCUMENT,
                "宁和市商务局关于规范展会管理的通知", "宁商规〔2024〕1号", ISSUED_ON, NOW);
    }

    private static IssueNormativeDocument issue(String documentId, LocalDate issuedOn) {
        return new IssueNormativeDocument(ID, documentId, NormativeDocumentKind.NORMATIVE_DOCUMENT,
                "宁和市商务局关于规范展会管理的通知", "宁商规〔2024〕1号", issuedOn, NOW);
    }

    private static TallyDecisions tally(Article20Category category, int count, String batchRef) {
        return new TallyDecisions(ID, category, LocalDate.of(2024, 4, 30), count, batchRef, NOW);
    }

    private static CollectFees collect(String amount, String batchRef) {
        return new CollectFees(ID, LocalDate.of(2024, 4, 30), new BigDecimal(amount), batchRef, NOW);
    }

    private static RecordProcurement procure(int projects, String amount) {
        return procure(projects, amount, "procurement-2024-06");
    }

    private static RecordProcurement procure(int projects, String amount, String batchRef) {
        return new RecordProcurement(ID, LocalDate.of(2024, 6, 3), projects, new BigDecimal(amount), batchRef, NOW);
    }

    private static CountServiceItems countItems(Article20Category category, int count, String batchRef) {
        return new CountServiceItems(ID, category, LocalDate.of(2024, 1, 1), count, batchRef, NOW);
    }

    @Nested
    class Registration {
        @Test
        void registersAnAgencyUnderItsSuperior() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAgency(ID, NAME, SUPERIOR, NOW))
                    .expectEvents(registered())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void registersAnAgencyWithoutSuperior() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAgency(ID, NAME, null, NOW))
                    .expectEvents(new AgencyRegistered(ID, NAME, null, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASecondRegistration() {
            fixture.given(registered())
                    .when(new RegisterAgency(ID, NAME, SUPERIOR, NOW))
                    .expectException(conflict("AGENCY_ALREADY_REGISTERED"));
        }

        @Test
        void refusesABlankName() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAgency(ID, " ", SUPERIOR, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAnAgencyAsItsOwnSuperior() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAgency(ID, NAME, ID, NOW))
                    .expectException(unprocessable("SUPERIOR_IS_SELF"));
        }

        @Test
        void recordsNothingForAnUnregisteredAgency() {
            fixture.givenNoPriorActivity()
                    .when(tally(Article20Category.LICENSING, 1, "b"))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class NormativeDocuments {
        @Test
        void areIssued() {
            fixture.given(registered())
                    .when(issue(DOCUMENT, ISSUED_ON))
                    .expectEvents(issued())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void areRepealed() {
            fixture.given(registered(), issued())
                    .when(new RepealNormativeDocument(ID, DOCUMENT, LocalDate.of(2024, 11, 1), NOW))
                    .expectEvents(new NormativeDocumentRepealed(ID, DOCUMENT, LocalDate.of(2024, 11, 1), NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void expireEvenOnTheDayOfIssue() {
            fixture.given(registered(), issued())
                    .when(new ExpireNormativeDocument(ID, DOCUMENT, ISSUED_ON, NOW))
                    .expectEvents(new NormativeDocumentExpired(ID, DOCUMENT, ISSUED_ON, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnIdAlreadyInTheRegister() {
            fixture.given(registered(), issued(), new NormativeDocumentRepealed(ID, DOCUMENT, ISSUED_ON, NOW))
                    .when(issue(DOCUMENT, LocalDate.of(2024, 5, 1)))
                    .expectException(conflict("DOCUMENT_ALREADY_ISSUED"));
        }

        @Test
        void refusesAnIssueDateInTheFuture() {
            fixture.given(registered())
                    .when(issue(DOCUMENT, TODAY.plusDays(1)))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }

        @Test
        void refusesABlankId() {
            fixture.given(registered())
                    .when(issue(" ", ISSUED_ON))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesABlankTitle() {
            fixture.given(registered())
                    .when(new IssueNormativeDocument(ID, DOCUMENT, NormativeDocumentKind.RULE, "", null, ISSUED_ON,
                            NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesAMissingKind() {
            fixture.given(registered())
                    .when(new IssueNormativeDocument(ID, DOCUMENT, null, "通知", null, ISSUED_ON, NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesRepealingAnUnknownDocument() {
            fixture.given(registered())
                    .when(new RepealNormativeDocument(ID, DOCUMENT, LocalDate.of(2024, 11, 1), NOW))
                    .expectException(unprocessable("DOCUMENT_UNKNOWN"));
        }

        @Test
        void refusesRepealingARepealedDocument() {
            fixture.given(registered(), issued(), new NormativeDocumentRepealed(ID, DOCUMENT, ISSUED_ON, NOW))
                    .when(new RepealNormativeDocument(ID, DOCUMENT, LocalDate.of(2024, 11, 1), NOW))
                    .expectException(conflict("DOCUMENT_NOT_IN_FORCE"));
        }

        @Test
        void refusesExpiringARepealedDocument() {
            fixture.given(registered(), issued(), new NormativeDocumentRepealed(ID, DOCUMENT, ISSUED_ON, NOW))
                    .when(new ExpireNormativeDocument(ID, DOCUMENT, LocalDate.of(2024, 11, 1), NOW))
                    .expectException(conflict("DOCUMENT_NOT_IN_FORCE"));
        }

        @Test
        void refusesRepealingAnExpiredDocument() {
            fixture.given(registered(), issued(), new NormativeDocumentExpired(ID, DOCUMENT, ISSUED_ON, NOW))
                    .when(new RepealNormativeDocument(ID, DOCUMENT, LocalDate.of(2024, 11, 1), NOW))
                    .expectException(conflict("DOCUMENT_NOT_IN_FORCE"));
        }

        @Test
        void refusesARepealBeforeIssue() {
            fixture.given(registered(), issued())
                    .when(new RepealNormativeDocument(ID, DOCUMENT, ISSUED_ON.minusDays(1), NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesAnExpiryBeforeIssue() {
            fixture.given(registered(), issued())
                    .when(new ExpireNormativeDocument(ID, DOCUMENT, ISSUED_ON.minusDays(1), NOW))
                    .expectException(unprocessable("DATE_OUT_OF_ORDER"));
        }

        @Test
        void refusesARepealInTheFuture() {
            fixture.given(registered(), issued())
                    .when(new RepealNormativeDocument(ID, DOCUMENT, TODAY.plusDays(1), NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class DecisionTallies {
        @ParameterizedTest
        @EnumSource(value = Article20Category.class, names = "ADMINISTRATIVE_FEE", mode = EnumSource.Mode.EXCLUDE)
        void countDecisionsOfTheDecisionCategories(Article20Category category) {
            fixture.given(registered())
                    .when(tally(category, 12, "2024-04"))
                    .expectEvents(new DecisionsTallied(ID, category, LocalDate.of(2024, 4, 30), 12, "2024-04", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void countTheSameBatchReferenceOnceInEachCategory() {
            fixture.given(registered(), new DecisionsTallied(ID, Article20Category.LICENSING, LocalDate.of(2024, 4, 30),
                            12, "2024-04", NOW))
                    .when(tally(Article20Category.PENALTY, 3, "2024-04"))
                    .expectEvents(new DecisionsTallied(ID, Article20Category.PENALTY, LocalDate.of(2024, 4, 30), 3,
                            "2024-04", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void countNextToATallyRecordedBeforeBatchesWereRequired() {
            fixture.given(registered(), new DecisionsTallied(ID, Article20Category.LICENSING, LocalDate.of(2024, 4, 30),
                            1, null, NOW))
                    .when(tally(Article20Category.LICENSING, 1, "2024-05"))
                    .expectEvents(new DecisionsTallied(ID, Article20Category.LICENSING, LocalDate.of(2024, 4, 30), 1,
                            "2024-05", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void refuseATallyWithoutBatch(String batchRef) {
            fixture.given(registered())
                    .when(tally(Article20Category.LICENSING, 1, batchRef))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseATallyWithNullBatch() {
            fixture.given(registered())
                    .when(tally(Article20Category.LICENSING, 1, null))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseABatchAlreadyCounted() {
            fixture.given(registered(), new DecisionsTallied(ID, Article20Category.LICENSING, LocalDate.of(2024, 4, 30),
                            12, "2024-04", NOW))
                    .when(tally(Article20Category.LICENSING, 12, "2024-04"))
                    .expectException(conflict("BATCH_ALREADY_RECORDED"));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void refuseACountThatIsNotPositive(int count) {
            fixture.given(registered())
                    .when(tally(Article20Category.LICENSING, count, "b"))
                    .expectException(unprocessable("NUMBER_NOT_POSITIVE"));
        }

        @Test
        void refuseFees() {
            fixture.given(registered())
                    .when(tally(Article20Category.ADMINISTRATIVE_FEE, 1, "b"))
                    .expectException(unprocessable("CATEGORY_NOT_TALLIED"));
        }

        @Test
        void refuseAMissingCategory() {
            fixture.given(registered())
                    .when(tally(null, 1, "b"))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseADecisionDateInTheFuture() {
            fixture.given(registered())
                    .when(new TallyDecisions(ID, Article20Category.PENALTY, TODAY.plusDays(1), 1, "b", NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class Fees {
        @ParameterizedTest
        @ValueSource(strings = {"0", "12345.6", "12345.67"})
        void areCollectedInYuanToTheFen(String amount) {
            fixture.given(registered())
                    .when(collect(amount, "2024-04"))
                    .expectEvents(new FeesCollected(ID, LocalDate.of(2024, 4, 30), new BigDecimal(amount), "2024-04",
                            NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuseABatchAlreadyCollected() {
            fixture.given(registered(), new FeesCollected(ID, LocalDate.of(2024, 4, 30), new BigDecimal("100"),
                            "2024-04", NOW))
                    .when(collect("100", "2024-04"))
                    .expectException(conflict("BATCH_ALREADY_RECORDED"));
        }

        @Test
        void refuseACollectionWithoutBatch() {
            fixture.given(registered())
                    .when(collect("100", null))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseANegativeAmount() {
            fixture.given(registered())
                    .when(collect("-0.01", "b"))
                    .expectException(unprocessable("NUMBER_NEGATIVE"));
        }

        @Test
        void refuseFractionsOfAFen() {
            fixture.given(registered())
                    .when(collect("0.001", "b"))
                    .expectException(unprocessable("AMOUNT_TOO_PRECISE"));
        }

        @Test
        void refuseAMissingAmount() {
            fixture.given(registered())
                    .when(new CollectFees(ID, LocalDate.of(2024, 4, 30), null, "b", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseACollectionDateInTheFuture() {
            fixture.given(registered())
                    .when(new CollectFees(ID, TODAY.plusDays(1), BigDecimal.ONE, "b", NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class ServiceItems {
        @ParameterizedTest
        @ValueSource(ints = {0, 42})
        void areCounted(int count) {
            fixture.given(registered())
                    .when(countItems(Article20Category.ADMINISTRATIVE_FEE, count, "catalogue-2024"))
                    .expectEvents(new ServiceItemsCounted(ID, Article20Category.ADMINISTRATIVE_FEE,
                            LocalDate.of(2024, 1, 1), count, "catalogue-2024", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuseABatchAlreadyCounted() {
            fixture.given(registered(), new ServiceItemsCounted(ID, Article20Category.LICENSING,
                            LocalDate.of(2024, 1, 1), 40, "catalogue-2024", NOW))
                    .when(countItems(Article20Category.LICENSING, 40, "catalogue-2024"))
                    .expectException(conflict("BATCH_ALREADY_RECORDED"));
        }

        @Test
        void countTheSameBatchOnceInEachCategory() {
            fixture.given(registered(), new ServiceItemsCounted(ID, Article20Category.LICENSING,
                            LocalDate.of(2024, 1, 1), 40, "catalogue-2024", NOW))
                    .when(countItems(Article20Category.PENALTY, 7, "catalogue-2024"))
                    .expectEvents(new ServiceItemsCounted(ID, Article20Category.PENALTY, LocalDate.of(2024, 1, 1), 7,
                            "catalogue-2024", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuseACountWithoutBatch() {
            fixture.given(registered())
                    .when(countItems(Article20Category.LICENSING, 40, null))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseANegativeCount() {
            fixture.given(registered())
                    .when(countItems(Article20Category.LICENSING, -1, "b"))
                    .expectException(unprocessable("NUMBER_NEGATIVE"));
        }

        @Test
        void refuseAMissingCategory() {
            fixture.given(registered())
                    .when(countItems(null, 3, "b"))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseADateInTheFuture() {
            fixture.given(registered())
                    .when(new CountServiceItems(ID, Article20Category.LICENSING, TODAY.plusDays(1), 3, "b", NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class Procurement {
        @Test
        void isRecorded() {
            fixture.given(registered())
                    .when(procure(3, "1250000.50"))
                    .expectEvents(new ProcurementRecorded(ID, LocalDate.of(2024, 6, 3), 3, new BigDecimal("1250000.50"),
                            "procurement-2024-06", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesABatchAlreadyRecorded() {
            fixture.given(registered(), new ProcurementRecorded(ID, LocalDate.of(2024, 6, 3), 395,
                            new BigDecimal("1250000.50"), "procurement-2024", NOW))
                    .when(procure(395, "1250000.50", "procurement-2024"))
                    .expectException(conflict("BATCH_ALREADY_RECORDED"));
        }

        @Test
        void recordsTheNextBatch() {
            fixture.given(registered(), new ProcurementRecorded(ID, LocalDate.of(2024, 6, 3), 395,
                            new BigDecimal("1250000.50"), "procurement-2024H1", NOW))
                    .when(procure(12, "5000", "procurement-2024H2"))
                    .expectEvents(new ProcurementRecorded(ID, LocalDate.of(2024, 6, 3), 12, new BigDecimal("5000"),
                            "procurement-2024H2", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAProcurementWithoutBatch() {
            fixture.given(registered())
                    .when(procure(3, "100", null))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refusesANegativeProjectCount() {
            fixture.given(registered())
                    .when(procure(-1, "0"))
                    .expectException(unprocessable("NUMBER_NEGATIVE"));
        }

        @Test
        void refusesANegativeAmount() {
            fixture.given(registered())
                    .when(procure(1, "-5"))
                    .expectException(unprocessable("NUMBER_NEGATIVE"));
        }

        @Test
        void refusesFractionsOfAFen() {
            fixture.given(registered())
                    .when(procure(1, "5.555"))
                    .expectException(unprocessable("AMOUNT_TOO_PRECISE"));
        }

        @Test
        void refusesAContractDateInTheFuture() {
            fixture.given(registered())
                    .when(new RecordProcurement(ID, TODAY.plusDays(1), 1, BigDecimal.TEN, "b", NOW))
                    .expectException(unprocessable("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class OpeningBalances {
        private static final String SOURCE = "2023年度政府信息公开工作年度报告";

        @Test
        void openTheLedgerAtAYear() {
            fixture.given(registered())
                    .when(new OpenLedger(ID, 2024, SOURCE, NOW))
                    .expectEvents(new LedgerOpened(ID, 2024, SOURCE, NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void openTheLedgerOnce() {
            fixture.given(registered(), new LedgerOpened(ID, 2024, SOURCE, NOW))
                    .when(new OpenLedger(ID, 2023, SOURCE, NOW))
                    .expectException(conflict("LEDGER_ALREADY_OPENED"));
        }

        @ParameterizedTest
        @ValueSource(ints = {2007, 2025})
        void refuseAYearBeforeTheRegulationsOrAfterToday(int year) {
            fixture.given(registered())
                    .when(new OpenLedger(ID, year, SOURCE, NOW))
                    .expectException(unprocessable("FIRST_YEAR_OUT_OF_RANGE"));
        }

        @Test
        void refuseAnOpeningWithoutSource() {
            fixture.given(registered())
                    .when(new OpenLedger(ID, 2024, " ", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void countTheDocumentsInForceOncePerKind() {
            fixture.given(registered(), new LedgerOpened(ID, 2024, SOURCE, NOW))
                    .when(new CountOpeningRegister(ID, NormativeDocumentKind.NORMATIVE_DOCUMENT, 533, SOURCE, NOW))
                    .expectEvents(new OpeningRegisterCounted(ID, NormativeDocumentKind.NORMATIVE_DOCUMENT, 533, SOURCE, NOW))
                    .expectSuccessfulHandlerExecution();
            fixture.given(registered(), new LedgerOpened(ID, 2024, SOURCE, NOW),
                            new OpeningRegisterCounted(ID, NormativeDocumentKind.NORMATIVE_DOCUMENT, 533, SOURCE, NOW))
                    .when(new CountOpeningRegister(ID, NormativeDocumentKind.NORMATIVE_DOCUMENT, 534, SOURCE, NOW))
                    .expectException(conflict("OPENING_REGISTER_ALREADY_COUNTED"));
        }

        @Test
        void refuseACountBeforeTheLedgerIsOpened() {
            fixture.given(registered())
                    .when(new CountOpeningRegister(ID, NormativeDocumentKind.RULE, 3, SOURCE, NOW))
                    .expectException(conflict("LEDGER_NOT_OPENED"));
        }

        @Test
        void refuseANegativeCount() {
            fixture.given(registered(), new LedgerOpened(ID, 2024, SOURCE, NOW))
                    .when(new CountOpeningRegister(ID, NormativeDocumentKind.RULE, -1, SOURCE, NOW))
                    .expectException(unprocessable("NUMBER_NEGATIVE"));
        }
    }

    /** The table-四 counting policy (表四统计口径), set by the agency from a year on. */
    @Nested
    class AppealCountingPolicy {
        private static final String REASON = "市政府办公室通知：表四按本年新立案件统计";

        private SetAppealCountingPolicy set(String policy, int fromYear) {
            return new SetAppealCountingPolicy(ID, policy, fromYear, REASON, NOW);
        }

        private AppealCountingPolicySet wasSet(String policy, int fromYear) {
            return new AppealCountingPolicySet(ID, policy, fromYear, REASON, NOW);
        }

        @Test
        void isSetFromAYear() {
            fixture.given(registered())
                    .when(set("FILED_IN_YEAR", 2024))
                    .expectEvents(wasSet("FILED_IN_YEAR", 2024))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayBeSetForNextYearAhead() {
            fixture.given(registered())
                    .when(set("FILED_IN_YEAR", 2025))
                    .expectEvents(wasSet("FILED_IN_YEAR", 2025))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuseTheDefaultWhenNothingWasSet() {
            fixture.given(registered())
                    .when(set("OPEN_IN_YEAR", 2024))
                    .expectException(conflict("APPEAL_POLICY_UNCHANGED"));
        }

        @Test
        void refuseThePolicyAlreadyInForceFromThatYear() {
            fixture.given(registered(), wasSet("FILED_IN_YEAR", 2022))
                    .when(set("FILED_IN_YEAR", 2024))
                    .expectException(conflict("APPEAL_POLICY_UNCHANGED"));
        }

        @Test
        void acceptASettingThatChangesALaterYear() {
            // FILED_IN_YEAR is in force for 2022 already, but not from 2024 on: setting it from 2022 changes 2024
            fixture.given(registered(), wasSet("FILED_IN_YEAR", 2022), wasSet("OPEN_IN_YEAR", 2024))
                    .when(set("FILED_IN_YEAR", 2022))
                    .expectEvents(wasSet("FILED_IN_YEAR", 2022))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void returnToTheDefaultFromALaterYear() {
            fixture.given(registered(), wasSet("FILED_IN_YEAR", 2022))
                    .when(set("OPEN_IN_YEAR", 2024))
                    .expectEvents(wasSet("OPEN_IN_YEAR", 2024))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest
        @ValueSource(strings = {"OPEN_CASES", "filed_in_year", ""})
        void refuseAnUnknownPolicy(String policy) {
            fixture.given(registered())
                    .when(set(policy, 2024))
                    .expectException(unprocessable("INVALID_APPEAL_POLICY"));
        }

        @Test
        void refuseAMissingPolicy() {
            fixture.given(registered())
                    .when(set(null, 2024))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseAYearBeforeTheLedgersFirstYear() {
            fixture.given(registered(), new LedgerOpened(ID, 2023, "2022年度报告", NOW))
                    .when(set("FILED_IN_YEAR", 2022))
                    .expectException(unprocessable("POLICY_YEAR_BEFORE_LEDGER"));
        }

        @Test
        void acceptTheLedgersFirstYear() {
            fixture.given(registered(), new LedgerOpened(ID, 2023, "2022年度报告", NOW))
                    .when(set("FILED_IN_YEAR", 2023))
                    .expectEvents(wasSet("FILED_IN_YEAR", 2023))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuseAYearBeforeTheRegulationsWhenTheLedgerWasNotOpened() {
            fixture.given(registered())
                    .when(set("FILED_IN_YEAR", 2007))
                    .expectException(unprocessable("POLICY_YEAR_BEFORE_LEDGER"));
        }

        @Test
        void refuseAYearAfterNextYear() {
            fixture.given(registered())
                    .when(set("FILED_IN_YEAR", 2026))
                    .expectException(unprocessable("POLICY_YEAR_TOO_LATE"));
        }

        @Test
        void refuseASettingWithoutReason() {
            fixture.given(registered())
                    .when(new SetAppealCountingPolicy(ID, "FILED_IN_YEAR", 2024, " ", NOW))
                    .expectException(unprocessable("REQUIRED_FIELD_MISSING"));
        }

        @Test
        void refuseASettingForAnUnregisteredAgency() {
            fixture.givenNoPriorActivity()
                    .when(set("FILED_IN_YEAR", 2024))
                    .expectException(AggregateNotFoundException.class);
        }
    }
}
