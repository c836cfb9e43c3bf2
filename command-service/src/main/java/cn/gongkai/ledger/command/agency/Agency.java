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
import cn.gongkai.ledger.api.agency.AgencyCommand.TallyDecisions;
import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
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
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.command.AxonCommandTargets;
import cn.gongkai.ledger.command.rules.Field;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An agency and its Article-20 register (第二十条): normative documents with their issue, repeal and expiry,
 * dated decision and fee tallies, item counts and procurement, from which table 二 is folded. Everything
 * is recorded against a registered agency (a command for an unregistered one finds no aggregate). Every tally
 * names its batch (an import run, a month's export): the same batch is never counted twice.
 */
@Aggregate(commandTargetResolver = AxonCommandTargets.BEAN_NAME,
        snapshotTriggerDefinition = AgencySnapshots.TRIGGER)
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
    /** The first year a report under the 条例 can be on (the 2008 regulations). */
    private static final int FIRST_REPORT_YEAR = 2008;

    /** A document of the register: when it was issued, and whether it is still in force. */
    private record Document(LocalDate issuedOn, boolean inForce) {
    }

    @AggregateIdentifier
    private String agencyId;
    private final Map<String, Document> documents = new HashMap<>();
    /** The import batches already counted, each keyed by what it counted. */
    private final Set<String> batches = new HashSet<>();
    /** The year the ledger opened at; null while it counts from the agency's first event. */
    private Integer firstYear;
    private final Set<NormativeDocumentKind> openingCounts = new HashSet<>();

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
        if (documents.containsKey(command.documentId())) {
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
        requireNewBatch(Batch.DECISIONS, category, command.batchRef());
        apply(new DecisionsTallied(command.agencyId(), category, command.decidedOn(), command.count(),
                command.batchRef(), command.recorded()));
    }

    @CommandHandler
    void handle(CollectFees command) {
        dated(command.collectedOn(), COLLECTED_ON, command.recorded());
        yuan(command.amountYuan(), AMOUNT_YUAN);
        requireNewBatch(Batch.FEES, null, command.batchRef());
        apply(new FeesCollected(command.agencyId(), command.collectedOn(), command.amountYuan(), command.batchRef(),
                command.recorded()));
    }

    @CommandHandler
    void handle(CountServiceItems command) {
        present(command.category(), CATEGORY);
        dated(command.asOf(), AS_OF, command.recorded());
        nonNegative(command.count(), COUNT);
        requireNewBatch(Batch.SERVICE_ITEMS, command.category(), command.batchRef());
        apply(new ServiceItemsCounted(command.agencyId(), command.category(), command.asOf(), command.count(),
                command.batchRef(), command.recorded()));
    }

    @CommandHandler
    void handle(RecordProcurement command) {
        dated(command.contractedOn(), CONTRACTED_ON, command.recorded());
        nonNegative(command.projectCount(), PROJECT_COUNT);
        yuan(command.amountYuan(), AMOUNT_YUAN);
        requireNewBatch(Batch.PROCUREMENT, null, command.batchRef());
        apply(new ProcurementRecorded(command.agencyId(), command.contractedOn(), command.projectCount(),
                command.amountYuan(), command.batchRef(), command.recorded()));
    }

    @CommandHandler
    void handle(OpenLedger command) {
        if (firstYear != null) {
            throw RuleViolation.conflict("LEDGER_ALREADY_OPENED", "本机关台账已于 " + firstYear + " 年开账，不能再次开账",
                    "the ledger was already opened at " + firstYear);
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
        if (firstYear == null) {
            throw RuleViolation.conflict("LEDGER_NOT_OPENED", "尚未开账：期初数据须在开账（OpenLedger）之后登记",
                    "the ledger is not opened: opening balances follow OpenLedger");
        }
        present(command.kind(), KIND);
        if (openingCounts.contains(command.kind())) {
            throw RuleViolation.conflict("OPENING_REGISTER_ALREADY_COUNTED", command.kind().label() + "的期初件数已登记",
                    "the opening count of " + command.kind() + " is already recorded");
        }
        nonNegative(command.inForce(), IN_FORCE);
        text(command.source(), SOURCE);
        apply(new OpeningRegisterCounted(command.agencyId(), command.kind(), command.inForce(), command.source(),
                command.recorded()));
    }

    /** Only an issued document still in force can be repealed or lapse, and not before its issue. */
    private void requireInForce(String documentId, LocalDate date, Field field, Recorded recorded) {
        text(documentId, DOCUMENT_ID);
        Document document = documents.get(documentId);
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

    /**
     * What a batch reference counts: a tally of one kind, and for decisions and item counts one category (the
     * same monthly export may hold licensing and penalty decisions under one reference).
     */
    private enum Batch {
        DECISIONS, FEES, SERVICE_ITEMS, PROCUREMENT;

        String key(Article20Category category, String batchRef) {
            return name() + "/" + (category == null ? "" : category.name()) + "/" + batchRef;
        }
    }

    /** Every tally names its batch, and a batch already counted is refused: re-importing never doubles a count. */
    private void requireNewBatch(Batch batch, Article20Category category, String batchRef) {
        text(batchRef, BATCH_REF);
        if (batches.contains(batch.key(category, batchRef))) {
            throw RuleViolation.conflict("BATCH_ALREADY_RECORDED",
                    "批次（" + batchRef + "）已登记，不能重复计数", "batch " + batchRef + " is already counted");
        }
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        agencyId = event.agencyId().value();
    }

    @EventSourcingHandler
    void on(NormativeDocumentIssued event) {
        documents.put(event.documentId(), new Document(event.issuedOn(), true));
    }

    @EventSourcingHandler
    void on(NormativeDocumentRepealed event) {
        retire(event.documentId());
    }

    @EventSourcingHandler
    void on(NormativeDocumentExpired event) {
        retire(event.documentId());
    }

    @EventSourcingHandler
    void on(DecisionsTallied event) {
        remember(Batch.DECISIONS, event.category(), event.batchRef());
    }

    @EventSourcingHandler
    void on(FeesCollected event) {
        remember(Batch.FEES, null, event.batchRef());
    }

    @EventSourcingHandler
    void on(ServiceItemsCounted event) {
        remember(Batch.SERVICE_ITEMS, event.category(), event.batchRef());
    }

    @EventSourcingHandler
    void on(ProcurementRecorded event) {
        remember(Batch.PROCUREMENT, null, event.batchRef());
    }

    @EventSourcingHandler
    void on(LedgerOpened event) {
        firstYear = event.firstYear();
    }

    @EventSourcingHandler
    void on(OpeningRegisterCounted event) {
        openingCounts.add(event.kind());
    }

    private void retire(String documentId) {
        documents.computeIfPresent(documentId, (id, document) -> new Document(document.issuedOn(), false));
    }

    /** Events recorded before batch references were required have none. */
    private void remember(Batch batch, Article20Category category, String batchRef) {
        if (batchRef != null) {
            batches.add(batch.key(category, batchRef));
        }
    }
}
