package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitId;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.publication.PublicationEvent;
import cn.gongkai.ledger.api.publication.PublicationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test-data builder: event histories of one agency built through the api records, each event wrapped in an
 * envelope with its aggregate's next sequence number. Every event is recorded by the history's clock, which
 * advances a minute per event; {@link #recordingFrom(Instant)} sets it.
 */
public final class History {
    public final AgencyId agency;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    /** Per lawsuit: the resolved result of the judgment rendered and not yet in effect; and of the latest judgment. */
    private final Map<String, JudgmentResult> pendingJudgments = new HashMap<>();
    private final Map<String, JudgmentResult> resolved = new HashMap<>();
    private Instant clock = Instant.parse("2015-01-01T00:00:00Z");

    public History(String agencyId) {
        this.agency = new AgencyId(agencyId);
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    public History recordingFrom(Instant at) {
        clock = at;
        return this;
    }

    public Instant lastRecorded() {
        return clock.minus(Duration.ofMinutes(1));
    }

    private Recorded recorded() {
        Recorded recorded = new Recorded("test", clock);
        clock = clock.plus(Duration.ofMinutes(1));
        return recorded;
    }

    private <E extends LedgerEvent> History emit(Function<Recorded, E> event) {
        E payload = event.apply(recorded());
        long sequence = sequences.merge(payload.aggregateId(), 1L, Long::sum) - 1;
        events.add(EventEnvelope.of(sequence, payload));
        return this;
    }

    // ---- agency register ----

    public History register(String name) {
        return emit(r -> new AgencyEvent.AgencyRegistered(agency, name, null, r));
    }

    public History openLedger(int firstYear) {
        return emit(r -> new AgencyEvent.LedgerOpened(agency, firstYear, "上年度年报", r));
    }

    public History openingRegister(NormativeDocumentKind kind, int inForce) {
        return emit(r -> new AgencyEvent.OpeningRegisterCounted(agency, kind, inForce, "上年度年报", r));
    }

    /** The agency's table-四 policy from {@code fromYear} on. */
    public History appealPolicy(int fromYear, AppealPolicy policy) {
        return emit(r -> new AgencyEvent.AppealCountingPolicySet(agency, policy.name(), fromYear, "上级机关要求", r));
    }

    public History issue(String documentId, NormativeDocumentKind kind, LocalDate on) {
        return emit(r -> new AgencyEvent.NormativeDocumentIssued(agency, documentId, kind, "文件" + documentId,
                "号" + documentId, on, r));
    }

    public History repeal(String documentId, LocalDate on) {
        return emit(r -> new AgencyEvent.NormativeDocumentRepealed(agency, documentId, on, r));
    }

    public History expire(String documentId, LocalDate on) {
        return emit(r -> new AgencyEvent.NormativeDocumentExpired(agency, documentId, on, r));
    }

    public History tally(Article20Category category, LocalDate on, int count) {
        return emit(r -> new AgencyEvent.DecisionsTallied(agency, category, on, count, "batch", r));
    }

    public History fees(LocalDate on, String yuan) {
        return emit(r -> new AgencyEvent.FeesCollected(agency, on, new BigDecimal(yuan), "batch", r));
    }

    public History items(Article20Category category, LocalDate asOf, int count) {
        return emit(r -> new AgencyEvent.ServiceItemsCounted(agency, category, asOf, count, "batch", r));
    }

    public History procurement(LocalDate on, int projects, String yuan) {
        return emit(r -> new AgencyEvent.ProcurementRecorded(agency, on, projects, new BigDecimal(yuan), "batch", r));
    }

    // ---- the report's publication ----

    /** The agency's report of {@code year} published (revision 1) with the given tables, folded up to now. */
    public History publish(int year, String tables) {
        return emit(r -> new PublicationEvent.AnnualReportPublished(PublicationId.of(agency, year), 1, "2021",
                "OPEN_IN_YEAR", r.at(), events.size(), tables, "sha-256", r));
    }

    // ---- disclosure requests ----

    public RequestId requestId(String tracking) {
        return RequestId.of(agency, tracking);
    }

    public History receive(String tracking, ApplicantType type, LocalDate on) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.RequestReceived(id, agency, tracking, Channel.INTERNET, on,
                new Applicant(type, "申请人" + tracking, null, null), "申请公开" + tracking, "officer", r));
    }

    public History reply(String tracking, LocalDate on, Outcome primary, Outcome... secondary) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.RequestReplied(id, on, primary, List.of(secondary), "答复" + tracking, r));
    }

    public History withdraw(String tracking, LocalDate on) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.RequestWithdrawn(id, on, "撤回", r));
    }

    public History closeForMissingCorrection(String tracking, LocalDate requestedOn, LocalDate closedOn) {
        RequestId id = requestId(tracking);
        emit(r -> new DisclosureRequestEvent.CorrectionRequested(id, requestedOn, closedOn.minusDays(1), "内容", r));
        return emit(r -> new DisclosureRequestEvent.ClosedForMissingCorrection(id, closedOn, r));
    }

    public History closeForUnpaidFee(String tracking, LocalDate notifiedOn, LocalDate closedOn) {
        RequestId id = requestId(tracking);
        emit(r -> new DisclosureRequestEvent.FeeNotified(id, notifiedOn, FeeScale.PER_VOLUME, new BigDecimal("300.00"), r));
        return emit(r -> new DisclosureRequestEvent.ClosedForUnpaidFee(id, closedOn, r));
    }

    /** Events that do not conclude or correct anything (they must not change the tables). */
    public History busy(String tracking, LocalDate on) {
        RequestId id = requestId(tracking);
        emit(r -> new DisclosureRequestEvent.OfficerAssigned(id, "another officer", r));
        emit(r -> new DisclosureRequestEvent.ConsultationStarted(id, "第三方", on, r));
        emit(r -> new DisclosureRequestEvent.ConsultationAnswered(id, on, "同意", r));
        emit(r -> new DisclosureRequestEvent.ConsultationStarted(id, "另一机关", on, r));
        emit(r -> new DisclosureRequestEvent.ConsultationExpired(id, on, r));
        emit(r -> new DisclosureRequestEvent.CorrectionRequested(id, on, on.plusDays(10), "范围", r));
        emit(r -> new DisclosureRequestEvent.CorrectionSupplied(id, on, r));
        emit(r -> new DisclosureRequestEvent.FeeNotified(id, on, FeeScale.PER_REQUEST, new BigDecimal("100"), r));
        emit(r -> new DisclosureRequestEvent.FeePaid(id, on, r));
        emit(r -> new DisclosureRequestEvent.DueDateRecomputed(id, "2024-v2", on.plusDays(28), on.plusDays(29), r));
        return emit(r -> new DisclosureRequestEvent.ExtensionApproved(id, on, 20, "主任", "复杂", r));
    }

    public History correctType(String tracking, ApplicantType from, ApplicantType to) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.ApplicantTypeCorrected(id, from, to, "录入错误", r));
    }

    public History correctReceipt(String tracking, LocalDate from, LocalDate to) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.ReceiptDateCorrected(id, from, to, "录入错误", r));
    }

    public History correctOutcome(String tracking, Outcome from, Outcome to, Outcome... secondary) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.OutcomeCorrected(id, from, to, List.of(secondary), "录入错误", r));
    }

    public History correctConclusion(String tracking, LocalDate from, LocalDate to) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.ConclusionDateCorrected(id, from, to, "录入错误", r));
    }

    // ---- reconsiderations and lawsuits ----

    public History fileReconsideration(String id, LocalDate on) {
        ReconsiderationId rc = new ReconsiderationId("rc-" + id);
        return emit(r -> new ReconsiderationEvent.ReconsiderationFiled(rc, agency, "市政府", "复" + id, "申请人", on, null, r));
    }

    public History decideReconsideration(String id, LocalDate on, ReconsiderationResult result) {
        ReconsiderationId rc = new ReconsiderationId("rc-" + id);
        emit(r -> new ReconsiderationEvent.ReconsiderationAccepted(rc, on, r));
        return emit(r -> new ReconsiderationEvent.ReconsiderationDecided(rc, on, result, "决定" + id, r));
    }

    public History rejectReconsideration(String id, LocalDate on) {
        ReconsiderationId rc = new ReconsiderationId("rc-" + id);
        return emit(r -> new ReconsiderationEvent.ReconsiderationRejected(rc, on, "不予受理", r));
    }

    public History withdrawReconsideration(String id, LocalDate on) {
        ReconsiderationId rc = new ReconsiderationId("rc-" + id);
        return emit(r -> new ReconsiderationEvent.ReconsiderationWithdrawn(rc, on, "撤回", r));
    }

    public History fileLawsuit(String id, Route route, LocalDate on) {
        LawsuitId ls = new LawsuitId("ls-" + id);
        ReconsiderationId linked = route == Route.AFTER_RECONSIDERATION ? new ReconsiderationId("rc-of-" + id) : null;
        return emit(r -> new LawsuitEvent.LawsuitFiled(ls, agency, "法院", "诉" + id, "原告", on, route, linked, null, r));
    }

    public History judgment(String id, Instance instance, JudgmentResult result, LocalDate on) {
        LawsuitId ls = new LawsuitId("ls-" + id);
        pendingJudgments.put(id, result == JudgmentResult.AFFIRMED && resolved.containsKey(id) ? resolved.get(id) : result);
        resolved.put(id, pendingJudgments.get(id));
        return emit(r -> new LawsuitEvent.JudgmentRendered(ls, instance, "法院", result, on, "判" + id, r));
    }

    public History appeal(String id, LocalDate on) {
        LawsuitId ls = new LawsuitId("ls-" + id);
        pendingJudgments.remove(id);
        return emit(r -> new LawsuitEvent.AppealFiled(ls, on, "原告", r));
    }

    /**
     * The pending judgment takes effect; the case is expected to count under {@code outcome}. Without a pending
     * judgment, one whose result counts under {@code outcome} is rendered the same day first (the event records the
     * fact, CountingRules the column: the expectation is checked against them).
     */
    public History takeEffect(String id, Instance instance, LocalDate on, AppealOutcome outcome) {
        LawsuitId ls = new LawsuitId("ls-" + id);
        if (!pendingJudgments.containsKey(id)) {
            judgment(id, instance, switch (outcome) {
                case UPHELD -> JudgmentResult.CLAIM_DISMISSED;
                case CORRECTED -> JudgmentResult.REVOKED;
                case OTHER -> JudgmentResult.SUIT_DISMISSED;
            }, on);
        }
        JudgmentResult result = pendingJudgments.remove(id);
        if (CountingRules.appealOutcome(result) != outcome) {
            throw new IllegalArgumentException(result + " counts under " + CountingRules.appealOutcome(result)
                    + ", not " + outcome);
        }
        return emit(r -> new LawsuitEvent.JudgmentTookEffect(ls, instance, on, r));
    }

    public History retrial(String id, LocalDate on) {
        LawsuitId ls = new LawsuitId("ls-" + id);
        return emit(r -> new LawsuitEvent.RetrialOpened(ls, on, "高院", r));
    }

    /** The applicant's personal data of the request erased (《个人信息保护法》第四十七条). */
    public History erase(String tracking) {
        RequestId id = requestId(tracking);
        return emit(r -> new DisclosureRequestEvent.ApplicantDataErased(id, ErasureGround.CONSENT_WITHDRAWN, r));
    }

    public History eraseReconsideration(String id) {
        ReconsiderationId rc = new ReconsiderationId("rc-" + id);
        return emit(r -> new ReconsiderationEvent.ReconsiderationApplicantDataErased(rc, ErasureGround.PURPOSE_ACHIEVED, r));
    }

    public History erasePlaintiff(String id) {
        LawsuitId ls = new LawsuitId("ls-" + id);
        return emit(r -> new LawsuitEvent.PlaintiffDataErased(ls, ErasureGround.RETENTION_EXPIRED, r));
    }
}
