package cn.gongkai.ledger.command.agency;

import static cn.gongkai.ledger.command.rules.Rules.dated;
import static cn.gongkai.ledger.command.rules.Rules.nonNegative;
import static cn.gongkai.ledger.command.rules.Rules.notBefore;
import static cn.gongkai.ledger.command.rules.Rules.positive;
import static cn.gongkai.ledger.command.rules.Rules.present;
import static cn.gongkai.ledger.command.rules.Rules.text;
import static cn.gongkai.ledger.command.rules.Rules.yuan;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import cn.gongkai.ledger.api.agency.AgencyEvent;
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
import cn.gongkai.ledger.api.agency.AgencyLifecycle;
import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.LedgerYears;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.command.AxonCommandTargets;
import cn.gongkai.ledger.command.rules.Field;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.Arrays;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An agency and its Article-20 register (第二十条): normative documents with their issue, repeal and expiry,
 * dated decision and fee tallies, item counts and procurement, from which table 二 is folded. Everything
 * is recorded against a registered agency (a command for an unregistered one finds no aggregate). Every tally
 * names its batch (an import run, a month's export): the same batch is never counted twice.
 */
@Aggregate(commandTargetResolver = AxonCommandTargets.BEAN_NAME,
        snapshotTriggerDefinition = AgencySnapshots.TRIGGER)
@Revision(AgencySnapshots.REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Agency {
    private static final Field NAME = new Field("name", "机关名称");
    private static final Field DOCUMENT_ID = new Field("documentId", "文件标识");
    private static final Field KIND = new Field("kind", "文件类别");
    private static final Field TITLE = new Field("title", "文件标题");
    private static final Field ISSUED_ON = new Field("issuedOn", "制发日期");
    private static final Field REPEALED_ON = new Field("repealedOn", "废止日期");
    private static final Field EXPIRED_ON = new Field("expiredOn", "失效日期");
    private static final Field CATEGORY = new Field("category", "事项类别");
    private static final Field DECIDED_ON = new Field("decidedOn", "决定日期");
    private static final Field COUNT = new Field("count", "数量");
    private static final Field COLLECTED_ON = new Field("collectedOn", "收费日期");
    private static final Field AMOUNT_YUAN = new Field("amountYuan", "金额（元）");
    private static final Field AS_OF = new Field("asOf", "统计日期");
    private static final Field CONTRACTED_ON = new Field("contractedOn", "采购合同日期");
    private static final Field PROJECT_COUNT = new Field("projectCount", "采购项目数量");
    private static final Field BATCH_REF = new Field("batchRef", "批次号");
    private static final Field FIRST_YEAR = new Field("firstYear", "台账起始年度");
    private static final Field SOURCE = new Field("source", "期初数据来源");
    private static final Field IN_FORCE = new Field("inForce", "期初现行有效件数");
    private static final Field POLICY = new Field("policy", "表四统计口径");
    private static final Field POLICY_FROM_YEAR = new Field("fromYear", "口径起始年度");
    private static final Field REASON = new Field("reason", "变更理由");
    /** The first year a report under the 条例 can be on (the 2008 regulations). */
    private static final int FIRST_REPORT_YEAR = 2008;

    @AggregateIdentifier
    private String agencyId;
    /** Everything the rules read: the one {@link AgencyLifecycle}, snapshotted as JSON ({@link AgencySnapshots}). */
    private AgencyLifecycle.State state = AgencyLifecycle.initial();

    Agency() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterAgency command) {
        if (agencyId != null) {
            throw RuleViolation.conflict("AGENCY_ALREADY_REGISTERED",
                    "机关（" + agencyId + "）已登记", "agency " + agencyId + " is already registered");
        }
        text(command.name(), NAME);
        if (command.agencyId().equals(command.superiorAgencyId())) {
            throw RuleViolation.unprocessable("SUPERIOR_IS_SELF",
                    "上级机关不能是本机关", "an agency cannot be its own superior");
        }
        apply(new AgencyRegistered(command.agencyId(), command.name(), command.superiorAgencyId(),
                command.recorded()));
    }

    @CommandHandler
    void handle(IssueNormativeDocument command) {
        text(command.documentId(), DOCUMENT_ID);
        if (state.documents().containsKey(command.documentId())) {
            throw RuleViolation.conflict("DOCUMENT_ALREADY_ISSUED",
                    "文件（" + command.documentId() + "）已登记制发", "document " + command.documentId()
                            + " is already in the register");
        }
        present(command.kind(), KIND);
        text(command.title(), TITLE);
        dated(command.issuedOn(), ISSUED_ON, command.recorded());
        apply(new NormativeDocumentIssued(command.agencyId(), command.documentId(), command.kind(), command.title(),
                command.documentNumber(), command.issuedOn(), command.recorded()));
    }

    @CommandHandler
    void handle(RepealNormativeDocument command) {
        requireInForce(command.documentId(), command.repealedOn(), REPEALED_ON, command.recorded());
        apply(new NormativeDocumentRepealed(command.agencyId(), command.documentId(), command.repealedOn(),
                command.recorded()));
    }

    @CommandHandler
    void handle(ExpireNormativeDocument command) {
        requireInForce(command.documentId(), command.expiredOn(), EXPIRED_ON, command.recorded());
        apply(new NormativeDocumentExpired(command.agencyId(), command.documentId(), command.expiredOn(),
                command.recorded()));
    }

    @CommandHandler
    void handle(TallyDecisions command) {
        Article20Category category = present(command.category(), CATEGORY);
        if (!category.talliesDecisions()) {
            throw RuleViolation.unprocessable("CATEGORY_NOT_TALLIED",
                    category.label() + "不统计处理决定数量（收费金额请登记收费）",
                    category + " has no decision count (record collected fees instead)");
        }
        dated(command.decidedOn(), DECIDED_ON, command.recorded());
        positive(command.count(), COUNT);
        requireNewBatch(AgencyLifecycle.Batch.DECISIONS, category, command.batchRef());
        apply(new DecisionsTallied(command.agencyId(), category, command.decidedOn(), command.count(),
                command.batchRef(), command.recorded()));
    }

    @CommandHandler
    void handle(CollectFees command) {
        dated(command.collectedOn(), COLLECTED_ON, command.recorded());
        yuan(command.amountYuan(), AMOUNT_YUAN);
        requireNewBatch(AgencyLifecycle.Batch.FEES, null, command.batchRef());
        apply(new FeesCollected(command.agencyId(), command.collectedOn(), command.amountYuan(), command.batchRef(),
                command.recorded()));
    }

    @CommandHandler
    void handle(CountServiceItems command) {
        present(command.category(), CATEGORY);
        dated(command.asOf(), AS_OF, command.recorded());
        nonNegative(command.count(), COUNT);
        requireNewBatch(AgencyLifecycle.Batch.SERVICE_ITEMS, command.category(), command.batchRef());
        apply(new ServiceItemsCounted(command.agencyId(), command.category(), command.asOf(), command.count(),
                command.batchRef(), command.recorded()));
    }

    @CommandHandler
    void handle(RecordProcurement command) {
        dated(command.contractedOn(), CONTRACTED_ON, command.recorded());
        nonNegative(command.projectCount(), PROJECT_COUNT);
        yuan(command.amountYuan(), AMOUNT_YUAN);
        requireNewBatch(AgencyLifecycle.Batch.PROCUREMENT, null, command.batchRef());
        apply(new ProcurementRecorded(command.agencyId(), command.contractedOn(), command.projectCount(),
                command.amountYuan(), command.batchRef(), command.recorded()));
    }

    @CommandHandler
    void handle(OpenLedger command) {
        if (state.firstYear() != null) {
            throw RuleViolation.conflict("LEDGER_ALREADY_OPENED", "本机关台账已于 " + state.firstYear()
                    + " 年开账，不能再次开账", "the ledger was already opened at " + state.firstYear());
        }
        int today = present(command.recorded(), new Field("recorded", "登记信息")).businessDate().getYear();
        if (command.firstYear() < FIRST_REPORT_YEAR || command.firstYear() > today) {
            throw RuleViolation.unprocessable("FIRST_YEAR_OUT_OF_RANGE", FIRST_YEAR.label() + "须在 " + FIRST_REPORT_YEAR
                    + " 至 " + today + " 年之间", "firstYear must lie between " + FIRST_REPORT_YEAR + " and " + today);
        }
        text(command.source(), SOURCE);
        apply(new LedgerOpened(command.agencyId(), command.firstYear(), command.source(), command.recorded()));
    }

    @CommandHandler
    void handle(CountOpeningRegister command) {
        if (state.firstYear() == null) {
            throw RuleViolation.conflict("LEDGER_NOT_OPENED", "尚未开账：期初数据须在开账（OpenLedger）之后登记",
                    "the ledger is not opened: opening balances follow OpenLedger");
        }
        present(command.kind(), KIND);
        if (state.openingInForce().containsKey(command.kind())) {
            throw RuleViolation.conflict("OPENING_REGISTER_ALREADY_COUNTED", command.kind().label() + "的期初件数已登记",
                    "the opening count of " + command.kind() + " is already recorded");
        }
        nonNegative(command.inForce(), IN_FORCE);
        text(command.source(), SOURCE);
        apply(new OpeningRegisterCounted(command.agencyId(), command.kind(), command.inForce(), command.source(),
                command.recorded()));
    }

    /**
     * The table-四 counting policy from a year on. Refused: an unknown policy, no reason, a year before the ledger's
     * first year (the year it was opened at, else {@value LedgerYears#FIRST}) or after next year, and a setting that
     * would change the policy of no year.
     */
    @CommandHandler
    void handle(SetAppealCountingPolicy command) {
        String policy = present(command.policy(), POLICY);
        if (Arrays.stream(AppealPolicy.values()).noneMatch(p -> p.name().equals(policy))) {
            throw RuleViolation.unprocessable("INVALID_APPEAL_POLICY", "复议诉讼统计口径无效：" + policy
                    + "（可选：OPEN_IN_YEAR、FILED_IN_YEAR）", "Invalid appealPolicy: " + policy
                    + " (OPEN_IN_YEAR or FILED_IN_YEAR)");
        }
        int earliest = state.firstYear() != null ? state.firstYear() : LedgerYears.FIRST;
        if (command.fromYear() < earliest) {
            throw RuleViolation.unprocessable("POLICY_YEAR_BEFORE_LEDGER", POLICY_FROM_YEAR.label() + "（"
                    + command.fromYear() + "）早于本机关台账的起始年度（" + earliest + "）", "fromYear "
                    + command.fromYear() + " lies before the ledger's first year " + earliest);
        }
        int latest = present(command.recorded(), new Field("recorded", "登记信息")).businessDate().getYear() + 1;
        if (command.fromYear() > latest) {
            throw RuleViolation.unprocessable("POLICY_YEAR_TOO_LATE", POLICY_FROM_YEAR.label() + "（"
                    + command.fromYear() + "）最晚为下一年度（" + latest + "）", "fromYear " + command.fromYear()
                    + " lies after next year " + latest);
        }
        text(command.reason(), REASON);
        if (state.appealPolicyUnchanged(command.fromYear(), policy)) {
            throw RuleViolation.conflict("APPEAL_POLICY_UNCHANGED", command.fromYear() + " 年度起的表四统计口径已是"
                    + AppealPolicy.valueOf(policy).label() + "，无需变更", "the table-四 policy from "
                    + command.fromYear() + " on is already " + policy);
        }
        apply(new AppealCountingPolicySet(command.agencyId(), policy, command.fromYear(), command.reason(),
                command.recorded()));
    }

    /** Only an issued document still in force can be repealed or lapse, and not before its issue. */
    private void requireInForce(String documentId, LocalDate date, Field field, Recorded recorded) {
        text(documentId, DOCUMENT_ID);
        AgencyLifecycle.Document document = state.documents().get(documentId);
        if (document == null) {
            throw RuleViolation.unprocessable("DOCUMENT_UNKNOWN",
                    "登记簿中没有文件（" + documentId + "）", "document " + documentId + " is not in the register");
        }
        if (!document.inForce()) {
            throw RuleViolation.conflict("DOCUMENT_NOT_IN_FORCE",
                    "文件（" + documentId + "）已废止或失效", "document " + documentId + " is no longer in force");
        }
        dated(date, field, recorded);
        notBefore(date, field, document.issuedOn(), ISSUED_ON);
    }

    /** Every tally names its batch, and a batch already counted is refused: re-importing never doubles a count. */
    private void requireNewBatch(AgencyLifecycle.Batch batch, Article20Category category, String batchRef) {
        text(batchRef, BATCH_REF);
        if (state.batchCounted(batch, category, batchRef)) {
            throw RuleViolation.conflict("BATCH_ALREADY_RECORDED",
                    "批次（" + batchRef + "）已登记，不能重复计数", "batch " + batchRef + " is already counted");
        }
    }

    /** The lifecycle state the rules read (for the agreement test). */
    AgencyLifecycle.State state() {
        return state;
    }

    @EventSourcingHandler
    void on(AgencyEvent event) {
        if (event instanceof AgencyRegistered registered) {
            agencyId = registered.agencyId().value();
        }
        state = AgencyLifecycle.evolve(state, event);
    }
}
