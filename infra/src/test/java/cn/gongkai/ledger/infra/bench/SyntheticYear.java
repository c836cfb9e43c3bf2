package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.agency.AgencyEvent.DecisionsTallied;
import cn.gongkai.ledger.api.agency.AgencyEvent.FeesCollected;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentIssued;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentRepealed;
import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.AppealFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentRendered;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentTookEffect;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.LawsuitFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.RetrialOpened;
import cn.gongkai.ledger.api.lawsuit.LawsuitId;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationAccepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationDecided;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationFiled;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationRejected;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationWithdrawn;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ApplicantTypeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForMissingCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForUnpaidFee;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationAnswered;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationStarted;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionSupplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeePaid;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OutcomeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestWithdrawn;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A synthetic, deterministic (seeded) year of an agency's ledger built from the api records: its requests with
 * the steps the law cares about (补正, 征求意见, 收费, 延期, replies under every outcome, withdrawals, corrections;
 * about 4 events a request; some received late in the previous year, some still open at year end), its
 * reconsiderations and lawsuits (appeals, judgments taking effect, retrials), its Article-20 register, and a
 * smaller second agency whose events the fold has to skip.
 */
final class SyntheticYear {
    static final AgencyId AGENCY = new AgencyId("bench-agency");
    static final int YEAR = 2024;
    private static final AgencyId OTHER_AGENCY = new AgencyId("bench-neighbour");
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final ApplicantType[] APPLICANT_TYPES = ApplicantType.values();
    private static final Channel[] CHANNELS = Channel.values();
    private static final ReconsiderationResult[] RECONSIDERATION_RESULTS = ReconsiderationResult.values();

    private final Random random;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final List<RequestId> requestIds = new ArrayList<>();
    private int receivedInYear;

    private SyntheticYear(long seed) {
        this.random = new Random(seed);
    }

    /** The events (grouped by aggregate, each in sequence order) and how many requests the agency received in the year. */
    record Ledger(List<EventEnvelope> events, int receivedInYear) {
    }

    /** {@code requests} requests of {@link #AGENCY}, 1 reconsideration per 40 and 1 lawsuit per 80 of them. */
    static Ledger generate(int requests, long seed) {
        SyntheticYear year = new SyntheticYear(seed);
        year.agency(AGENCY);
        for (int n = 0; n < requests; n++) {
            year.request(AGENCY, n);
        }
        List<ReconsiderationId> reconsiderations = new ArrayList<>();
        for (int n = 0; n < requests / 40; n++) {
            reconsiderations.add(year.reconsideration(n));
        }
        for (int n = 0; n < requests / 80; n++) {
            year.lawsuit(n, reconsiderations.isEmpty() ? null : reconsiderations.get(n % reconsiderations.size()));
        }
        int received = year.receivedInYear;
        year.agency(OTHER_AGENCY);
        for (int n = 0; n < requests / 20; n++) {
            year.request(OTHER_AGENCY, n);
        }
        return new Ledger(List.copyOf(year.events), received);
    }

    private void agency(AgencyId agency) {
        Case c = new Case();
        LocalDate day = LocalDate.of(YEAR - 1, 3, 1);
        c.add(new AgencyRegistered(agency, "基准测试局", null, recorded(day)));
        for (int n = 0; n < 20; n++) {
            day = day.plusDays(17);
            NormativeDocumentKind kind = n % 4 == 0 ? NormativeDocumentKind.RULE : NormativeDocumentKind.NORMATIVE_DOCUMENT;
            c.add(new NormativeDocumentIssued(agency, "doc-" + n, kind, "文件" + n, null, day, recorded(day)));
            if (n % 7 == 3) {
                c.add(new NormativeDocumentRepealed(agency, "doc-" + n, day.plusDays(60), recorded(day.plusDays(60))));
            }
        }
        for (int month = 1; month <= 12; month++) {
            LocalDate end = LocalDate.of(YEAR, month, 1).plusMonths(1).minusDays(1);
            for (Article20Category category : List.of(Article20Category.LICENSING, Article20Category.PENALTY,
                    Article20Category.ENFORCEMENT)) {
                c.add(new DecisionsTallied(agency, category, end, 1 + random.nextInt(40), "t-" + month + category,
                        recorded(end)));
            }
            if (month % 3 == 0) {
                c.add(new FeesCollected(agency, end, new BigDecimal("1250.50"), "f-" + month, recorded(end)));
            }
        }
        events.addAll(c.envelopes());
    }

    private void request(AgencyId agency, int n) {
        RequestId id = RequestId.of(agency, "Y" + n);
        LocalDate received = random.nextInt(20) == 0 ? LocalDate.of(YEAR - 1, 11, 1).plusDays(random.nextInt(61))
                : LocalDate.of(YEAR, 1, 2).plusDays(random.nextInt(360));
        if (agency.equals(AGENCY)) {
            requestIds.add(id);
            receivedInYear += received.getYear() == YEAR ? 1 : 0;
        }
        Case c = new Case();
        history(c, id, n, received);
        events.addAll(c.envelopes());
    }

    /** The request's life from its receipt: each step by chance, and most end in a reply. */
    private void history(Case c, RequestId id, int n, LocalDate received) {
        ApplicantType type = pick(APPLICANT_TYPES);
        c.add(new RequestReceived(id, id.agencyId(), id.trackingNumber(), pick(CHANNELS), received,
                new Applicant(type, "申请人" + n, null, null), "某信息" + n, null, recorded(received)));
        LocalDate day = received;
        if (chance(80)) {
            c.add(new OfficerAssigned(id, "officer-" + random.nextInt(8), recorded(day)));
        }
        if (chance(20)) {
            LocalDate asked = day.plusDays(3);
            c.add(new CorrectionRequested(id, asked, asked.plusDays(15), "申请内容描述", recorded(asked)));
            day = applicantAnswers(c, asked, 15, on -> new ClosedForMissingCorrection(id, on, recorded(on)),
                    on -> new CorrectionSupplied(id, on, recorded(on)));
            if (day == null) {
                return;
            }
        }
        if (chance(20)) {
            LocalDate sent = day.plusDays(2);
            c.add(new ConsultationStarted(id, "第三方" + n, sent, recorded(sent)));
            day = sent.plusDays(10);
            c.add(new ConsultationAnswered(id, day, "不同意公开", recorded(day)));
        }
        if (chance(15)) {
            day = day.plusDays(15);
            c.add(new ExtensionApproved(id, day, 20, "局长", "需要征求意见", recorded(day)));
        }
        if (chance(10)) {
            LocalDate notified = day.plusDays(1);
            c.add(new FeeNotified(id, notified, FeeScale.PER_VOLUME, new BigDecimal("200.00"), recorded(notified)));
            day = applicantAnswers(c, notified, 20, on -> new ClosedForUnpaidFee(id, on, recorded(on)),
                    on -> new FeePaid(id, on, recorded(on)));
            if (day == null) {
                return;
            }
        }
        int ending = random.nextInt(100);
        if (ending < 85) {
            day = day.plusDays(5 + random.nextInt(15));
            Outcome outcome = pick(OUTCOMES);
            List<Outcome> secondary = outcome == Outcome.PARTIALLY_DISCLOSED
                    ? List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS) : List.of();
            c.add(new RequestReplied(id, day, outcome, secondary, "依申请公开答复〔" + YEAR + "〕" + n + "号", recorded(day)));
            if (chance(5)) {
                c.add(new OutcomeCorrected(id, outcome, Outcome.DISCLOSED, List.of(), "更正答复结果", recorded(day.plusDays(3))));
            }
        } else if (ending < 90) {
            day = day.plusDays(3);
            c.add(new RequestWithdrawn(id, day, "申请人撤回", recorded(day)));
        }
        if (chance(3)) {
            ApplicantType corrected = type == ApplicantType.NATURAL_PERSON ? ApplicantType.LEGAL_SERVICE_INSTITUTION
                    : ApplicantType.NATURAL_PERSON;
            c.add(new ApplicantTypeCorrected(id, type, corrected, "登记有误", recorded(day.plusDays(1))));
        }
    }

    /**
     * A step the applicant has to answer (补正, 缴费), asked on {@code asked}: answered five days later, or, at
     * {@code closingPercent}, not answered and the request closed 25 days later. The day the request goes on from,
     * null when it was closed.
     */
    private LocalDate applicantAnswers(Case c, LocalDate asked, int closingPercent, Function<LocalDate, LedgerEvent> closing,
                                       Function<LocalDate, LedgerEvent> answer) {
        if (chance(closingPercent)) {
            c.add(closing.apply(asked.plusDays(25)));
            return null;
        }
        c.add(answer.apply(asked.plusDays(5)));
        return asked.plusDays(5);
    }

    private ReconsiderationId reconsideration(int n) {
        ReconsiderationId id = new ReconsiderationId("rc-bench-" + n);
        LocalDate filed = LocalDate.of(YEAR, 1, 10).plusDays(random.nextInt(340));
        Case c = new Case();
        c.add(new ReconsiderationFiled(id, AGENCY, "市人民政府", "复议〔" + YEAR + "〕" + n + "号", "复议申请人" + n, filed,
                requestIds.get(random.nextInt(requestIds.size())), recorded(filed)));
        int ending = random.nextInt(100);
        if (ending < 10) {
            c.add(new ReconsiderationRejected(id, filed.plusDays(5), "不符合受理条件", recorded(filed.plusDays(5))));
        } else {
            c.add(new ReconsiderationAccepted(id, filed.plusDays(5), recorded(filed.plusDays(5))));
            LocalDate decided = filed.plusDays(40 + random.nextInt(30));
            if (ending < 70) {
                c.add(new ReconsiderationDecided(id, decided, pick(RECONSIDERATION_RESULTS), null, recorded(decided)));
            } else if (ending < 80) {
                c.add(new ReconsiderationWithdrawn(id, decided, null, recorded(decided)));
            }
        }
        events.addAll(c.envelopes());
        return id;
    }

    private void lawsuit(int n, ReconsiderationId afterReconsideration) {
        LawsuitId id = new LawsuitId("ls-bench-" + n);
        LocalDate filed = LocalDate.of(YEAR, 1, 15).plusDays(random.nextInt(300));
        Route route = afterReconsideration != null && chance(40) ? Route.AFTER_RECONSIDERATION : Route.DIRECT;
        Case c = new Case();
        c.add(new LawsuitFiled(id, AGENCY, "区人民法院", null, "原告" + n, filed, route,
                route == Route.AFTER_RECONSIDERATION ? afterReconsideration : null, null, recorded(filed)));
        if (chance(30)) {
            events.addAll(c.envelopes());
            return;
        }
        LocalDate rendered = filed.plusDays(60);
        JudgmentResult result = chance(60) ? JudgmentResult.CLAIM_DISMISSED
                : chance(50) ? JudgmentResult.REVOKED : JudgmentResult.WITHDRAWAL_PERMITTED;
        c.add(new JudgmentRendered(id, Instance.FIRST, "区人民法院", result, rendered, null, recorded(rendered)));
        Instance effective = Instance.FIRST;
        LocalDate effectiveOn = rendered.plusDays(16);
        if (chance(25)) {
            c.add(new AppealFiled(id, rendered.plusDays(10), "原告" + n, recorded(rendered.plusDays(10))));
            LocalDate second = rendered.plusDays(70);
            c.add(new JudgmentRendered(id, Instance.SECOND, "市中级人民法院", JudgmentResult.AFFIRMED, second, null,
                    recorded(second)));
            effective = Instance.SECOND;
            effectiveOn = second;
        }
        c.add(new JudgmentTookEffect(id, effective, effectiveOn, recorded(effectiveOn)));
        if (chance(3)) {
            c.add(new RetrialOpened(id, effectiveOn.plusDays(30), "市中级人民法院", recorded(effectiveOn.plusDays(30))));
        }
        events.addAll(c.envelopes());
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private Recorded recorded(LocalDate day) {
        return new Recorded("bench.officer", day.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(480)))
                .atZone(Recorded.ZONE).toInstant());
    }

    /** The events of one aggregate, numbered from 0 in the order they are added. */
    private static final class Case {
        private final List<EventEnvelope> envelopes = new ArrayList<>();

        void add(LedgerEvent event) {
            envelopes.add(EventEnvelope.of(envelopes.size(), event));
        }

        List<EventEnvelope> envelopes() {
            return envelopes;
        }
    }
}
