package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentIssued;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentRepealed;
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
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConclusionDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationAnswered;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationStarted;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionSupplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeePaid;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OutcomeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestWithdrawn;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.report.fold.CountingRules;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A seeded generator of realistic agency-years, built from the api records, from one agency to tens of thousands,
 * each agency generated on its own from {@code (seed, index)} so that any agency can be produced without the
 * others (and a national workload never has to be held in memory at once).
 *
 * <ul>
 *   <li><b>Sizes</b>: agency 0 receives {@code requestsPerYear} requests a year; the others a log-normal multiple of
 *       it (σ = 1, mean 1: many small offices, a few busy ones), at least one.</li>
 *   <li><b>Arrivals</b> by weekday (Monday busiest, weekends a tenth) and season (the Spring Festival in February
 *       and the October holidays quiet, spring and December busy), over {@code years} consecutive years ending in
 *       {@link #REPORT_YEAR}: requests received late in a year are concluded in the next (carry-over, 二 and 四).</li>
 *   <li><b>Applicants and outcomes</b> in the proportions of published annual reports: about 93 % natural persons,
 *       4–5 % commercial enterprises, the rest legal services, research, public-welfare and other organisations;
 *       about a third disclosed, a tenth partly, a quarter not held, the rest withheld, not processed, other;
 *       4 % withdrawn, 补正 on 12 % (a quarter never supplied), 征求意见, 延期, 收费 (rare, some unpaid).</li>
 *   <li><b>Appeals</b>: about 19 % of concluded requests are followed by a reconsideration, about 5 % by a lawsuit
 *       (two fifths after a reconsideration, the rest directly); decisions, appeals and judgments taking effect.</li>
 *   <li><b>Corrections</b>: outcome (2 %), applicant type (1.5 %), receipt date and conclusion date (0.5 % each).</li>
 * </ul>
 * The history is cut at the end of January after the report year, as if read then: every case's events are a
 * prefix of its life. With each agency it returns the request facts the report counts ({@link CaseRow}), derived
 * as it generates them, so that a flat table of cases can be checked against the fold.
 */
public final class AgencyYears {
    public static final int REPORT_YEAR = 2024;
    private static final LocalDate HORIZON = LocalDate.of(REPORT_YEAR + 1, 1, 31);

    private static final ApplicantType[] APPLICANTS = {ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE,
            ApplicantType.LEGAL_SERVICE_INSTITUTION, ApplicantType.OTHER_ORGANIZATION, ApplicantType.RESEARCH_INSTITUTION,
            ApplicantType.PUBLIC_WELFARE_ORGANIZATION};
    private static final double[] APPLICANT_WEIGHTS = {93.0, 4.5, 1.2, 0.9, 0.2, 0.2};
    private static final Outcome[] REPLIES = {Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD,
            Outcome.UNAVAILABLE_WOULD_NEED_CREATION, Outcome.UNAVAILABLE_STILL_UNCLEAR_AFTER_CORRECTION,
            Outcome.WITHHELD_STATE_SECRET, Outcome.WITHHELD_PROHIBITED_BY_LAW, Outcome.WITHHELD_ENDANGERS_SECURITY_STABILITY,
            Outcome.WITHHELD_THIRD_PARTY_RIGHTS, Outcome.WITHHELD_INTERNAL_AFFAIRS, Outcome.WITHHELD_PROCESS_INFORMATION,
            Outcome.WITHHELD_ENFORCEMENT_FILE, Outcome.WITHHELD_ADMINISTRATIVE_INQUIRY,
            Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT, Outcome.NOT_PROCESSED_REPEATED, Outcome.NOT_PROCESSED_PUBLICATION,
            Outcome.NOT_PROCESSED_MASS_REPEATED, Outcome.NOT_PROCESSED_CONFIRMATION, Outcome.OTHER};
    private static final double[] REPLY_WEIGHTS = {34, 10, 24, 3, 2, 0.3, 0.7, 0.5, 1.5, 1.5, 1.5, 0.5, 1.5,
            4, 2.5, 0.5, 0.5, 1, 6};
    private static final double[] WEEKDAY_WEIGHTS = {1.25, 1.1, 1.05, 1.05, 0.95, 0.1, 0.08}; // Monday … Sunday
    private static final double[] MONTH_WEIGHTS = {0.9, 0.55, 1.1, 1.05, 1.0, 1.05, 1.0, 0.95, 1.0, 0.7, 1.05, 1.15};
    private static final Channel[] CHANNELS = Channel.values();
    private static final ReconsiderationResult[] RECONSIDERATION_RESULTS = ReconsiderationResult.values();

    private final int requestsPerYear;
    private final int years;
    private final long seed;
    private final double[][] arrivalCdf;

    /**
     * One request as table 三 counts it: the column, the receipt date, and the counted conclusion date and outcome
     * key (null while open at the horizon).
     */
    public record CaseRow(String agencyId, ApplicantType column, LocalDate receivedOn, LocalDate concludedOn, String outcomeKey) {
    }

    /** One agency's events (each aggregate in sequence order) and its requests' counted facts. */
    public record AgencyLedger(AgencyId agencyId, List<EventEnvelope> events, List<CaseRow> cases) {
        int receivedIn(int year) {
            return (int) cases.stream().filter(c -> c.receivedOn().getYear() == year).count();
        }
    }

    public AgencyYears(int requestsPerYear, int years, long seed) {
        this.requestsPerYear = requestsPerYear;
        this.years = years;
        this.seed = seed;
        this.arrivalCdf = new double[years][];
        for (int y = 0; y < years; y++) {
            arrivalCdf[y] = arrivalCdf(firstYear() + y);
        }
    }

    int firstYear() {
        return REPORT_YEAR - years + 1;
    }

    static AgencyId agencyId(int index) {
        return new AgencyId(String.format("agency-%05d", index));
    }

    /** Agency {@code index}: the same events for the same seed, whatever other agencies are generated. */
    public AgencyLedger agency(int index) {
        return agency(index, null);
    }

    /** The same agency registered below {@code superior} (null: none), as a hierarchy of agencies has them. */
    AgencyLedger agency(int index, AgencyId superior) {
        return new Generator(agencyId(index), index, "", true, index == 0, superior).generate();
    }

    /**
     * More cases of an agency that is registered already: exactly this generator's requests a year, without the
     * agency's own events (its registration, its register), every case id and tracking number prefixed with
     * {@code idPrefix} so that several such histories of one agency never share a case.
     */
    AgencyLedger moreCasesOf(AgencyId agency, String idPrefix) {
        return new Generator(agency, idPrefix.hashCode(), idPrefix, false, true, null).generate();
    }

    private static double[] arrivalCdf(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        double[] cdf = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            total += WEEKDAY_WEIGHTS[day.getDayOfWeek().getValue() - 1] * MONTH_WEIGHTS[day.getMonthValue() - 1];
            cdf[d] = total;
        }
        for (int d = 0; d < days; d++) {
            cdf[d] /= total;
        }
        return cdf;
    }

    private final class Generator {
        private final AgencyId agency;
        private final Random random;
        private final List<EventEnvelope> events = new ArrayList<>();
        private final List<CaseRow> cases = new ArrayList<>();
        private final List<RequestId> concluded = new ArrayList<>();
        private final List<LocalDate> concludedOn = new ArrayList<>();
        private int appeals;
        private final String idPrefix;
        private final boolean register;
        private final boolean exactSize;
        private final AgencyId superior;

        Generator(AgencyId agency, int index, String idPrefix, boolean register, boolean exactSize, AgencyId superior) {
            this.superior = superior;
            this.agency = agency;
            this.idPrefix = idPrefix;
            this.register = register;
            this.exactSize = exactSize;
            // java.util.Random's first draws from neighbouring seeds are correlated: mix (seed, index) first
            this.random = new Random(new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)).nextLong());
        }

        AgencyLedger generate() {
            int perYear = requestsPerYear;
            if (!exactSize) {
                double multiple = Math.exp(random.nextGaussian() - 0.5); // log-normal, σ = 1, mean 1
                perYear = Math.max(1, (int) Math.round(requestsPerYear * multiple));
            }
            if (register) {
                register();
            }
            int n = 0;
            for (int y = 0; y < years; y++) {
                int year = firstYear() + y;
                for (int r = 0; r < perYear; r++) {
                    request(n++, year, y);
                }
            }
            for (int i = 0; i < concluded.size(); i++) {
                int dice = random.nextInt(1000);
                if (dice < 190) {
                    ReconsiderationId reconsideration = reconsideration(concluded.get(i), concludedOn.get(i));
                    if (dice < 20) {
                        lawsuit(concludedOn.get(i), reconsideration);
                    }
                } else if (dice < 220) {
                    lawsuit(concludedOn.get(i), null);
                }
            }
            return new AgencyLedger(agency, List.copyOf(events), List.copyOf(cases));
        }

        private void register() {
            Case c = new Case();
            LocalDate day = LocalDate.of(firstYear() - 1, 3, 1);
            c.add(new AgencyRegistered(agency, "示范机关" + agency.value(), superior, recorded(day)));
            int documents = 2 + random.nextInt(6) * years;
            for (int d = 0; d < documents; d++) {
                LocalDate issued = LocalDate.of(firstYear(), 1, 5).plusDays(random.nextInt(365 * years));
                if (issued.isAfter(HORIZON)) {
                    continue;
                }
                NormativeDocumentKind kind = d % 5 == 0 ? NormativeDocumentKind.RULE : NormativeDocumentKind.NORMATIVE_DOCUMENT;
                c.add(new NormativeDocumentIssued(agency, "doc-" + d, kind, "规范性文件" + d, null, issued, recorded(issued)));
                LocalDate repealed = issued.plusDays(200 + random.nextInt(600));
                if (d % 6 == 1 && !repealed.isAfter(HORIZON)) {
                    c.add(new NormativeDocumentRepealed(agency, "doc-" + d, repealed, recorded(repealed)));
                }
            }
            events.addAll(c.envelopes());
        }

        private void request(int n, int year, int yearIndex) {
            RequestId id = RequestId.of(agency, idPrefix + year + "-" + n);
            double[] cdf = arrivalCdf[yearIndex];
            int dayOfYear = Arrays.binarySearch(cdf, random.nextDouble());
            LocalDate received = LocalDate.of(year, 1, 1).plusDays(dayOfYear < 0 ? -dayOfYear - 1 : dayOfYear);
            Case c = new Case();
            ApplicantType type = APPLICANTS[weighted(APPLICANT_WEIGHTS)];
            c.add(new RequestReceived(id, agency, id.trackingNumber(), CHANNELS[random.nextInt(CHANNELS.length)], received,
                    new Applicant(type, "申请人" + n, null, null), "某政府信息" + n, null, recorded(received)));
            Facts facts = new Facts(type, received);
            life(c, id, n, received, facts);
            events.addAll(c.envelopes());
            LocalDate countedOn = facts.concludedOn == null ? null
                    : CountingRules.countedConclusionDate(facts.receivedOn, facts.concludedOn);
            cases.add(new CaseRow(agency.value(), CountingRules.column(facts.type), facts.receivedOn, countedOn,
                    facts.concludedOn == null ? null : CountingRules.countedOutcome(facts.outcome, facts.secondary).key()));
            if (countedOn != null) {
                concluded.add(id);
                concludedOn.add(countedOn);
            }
        }

        /** What the request's events establish, as the fold will read them. */
        private static final class Facts {
            ApplicantType type;
            LocalDate receivedOn;
            LocalDate concludedOn;
            Outcome outcome;
            List<Outcome> secondary = List.of();

            Facts(ApplicantType type, LocalDate receivedOn) {
                this.type = type;
                this.receivedOn = receivedOn;
            }
        }

        private void life(Case c, RequestId id, int n, LocalDate received, Facts facts) {
            LocalDate day = received;
            if (chance(800)) {
                day = add(c, day, 1, on -> new OfficerAssigned(id, "officer-" + random.nextInt(8), recorded(on)));
            }
            if (day == null) {
                return;
            }
            if (chance(120)) {
                LocalDate asked = day.plusDays(3);
                if (add(c, asked, 0, on -> new CorrectionRequested(id, on, on.plusDays(15), "请补正申请内容描述", recorded(on))) == null) {
                    return;
                }
                if (chance(250)) {
                    conclude(c, asked.plusDays(25), facts, Outcome.OTHER_CORRECTION_NOT_SUPPLIED, List.of(),
                            on -> new ClosedForMissingCorrection(id, on, recorded(on)));
                    return;
                }
                day = add(c, asked, 5, on -> new CorrectionSupplied(id, on, recorded(on)));
                if (day == null) {
                    return;
                }
            }
            if (chance(80)) {
                LocalDate sent = day.plusDays(2);
                if (add(c, sent, 0, on -> new ConsultationStarted(id, "第三方" + n, on, recorded(on))) == null) {
                    return;
                }
                day = add(c, sent, 10, on -> new ConsultationAnswered(id, on, "不同意公开", recorded(on)));
                if (day == null) {
                    return;
                }
            }
            if (chance(100)) {
                day = add(c, day, 15, on -> new ExtensionApproved(id, on, 20, "负责人", "需要征求第三方意见", recorded(on)));
                if (day == null) {
                    return;
                }
            }
            if (chance(10)) {
                LocalDate notified = day.plusDays(1);
                if (add(c, notified, 0, on -> new FeeNotified(id, on, FeeScale.PER_VOLUME, new BigDecimal("100.00"),
                        recorded(on))) == null) {
                    return;
                }
                if (chance(300)) {
                    conclude(c, notified.plusDays(25), facts, Outcome.OTHER_FEE_NOT_PAID, List.of(),
                            on -> new ClosedForUnpaidFee(id, on, recorded(on)));
                    return;
                }
                day = add(c, notified, 5, on -> new FeePaid(id, on, recorded(on)));
                if (day == null) {
                    return;
                }
            }
            if (chance(40)) {
                conclude(c, day.plusDays(2 + random.nextInt(10)), facts, CountingRules.WITHDRAWAL, List.of(),
                        on -> new RequestWithdrawn(id, on, "申请人撤回申请", recorded(on)));
            } else if (!chance(10)) { // one in a hundred is never answered within the horizon
                Outcome outcome = REPLIES[weighted(REPLY_WEIGHTS)];
                List<Outcome> secondary = outcome == Outcome.PARTIALLY_DISCLOSED
                        ? List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS) : List.of();
                conclude(c, day.plusDays(5 + random.nextInt(16)), facts, outcome, secondary,
                        on -> new RequestReplied(id, on, outcome, secondary, "依申请公开答复〔" + on.getYear() + "〕" + n + "号",
                                recorded(on)));
            }
            corrections(c, id, facts);
        }

        private void conclude(Case c, LocalDate on, Facts facts, Outcome outcome, List<Outcome> secondary,
                              java.util.function.Function<LocalDate, LedgerEvent> event) {
            if (add(c, on, 0, event) != null) {
                facts.concludedOn = on;
                facts.outcome = outcome;
                facts.secondary = secondary;
            }
        }

        private void corrections(Case c, RequestId id, Facts facts) {
            LocalDate last = facts.concludedOn == null ? facts.receivedOn : facts.concludedOn;
            if (facts.concludedOn != null && facts.outcome != CountingRules.WITHDRAWAL && chance(20)) {
                Outcome corrected = facts.outcome == Outcome.DISCLOSED ? Outcome.UNAVAILABLE_NOT_HELD : Outcome.DISCLOSED;
                Outcome previous = facts.outcome;
                if (add(c, last, 3, on -> new OutcomeCorrected(id, previous, corrected, List.of(), "更正答复结果",
                        recorded(on))) != null) {
                    facts.outcome = corrected;
                    facts.secondary = List.of();
                }
            }
            if (chance(15)) {
                ApplicantType previous = facts.type;
                ApplicantType corrected = previous == ApplicantType.NATURAL_PERSON ? ApplicantType.COMMERCIAL_ENTERPRISE
                        : ApplicantType.NATURAL_PERSON;
                if (add(c, last, 1, on -> new ApplicantTypeCorrected(id, previous, corrected, "申请人类型登记有误",
                        recorded(on))) != null) {
                    facts.type = corrected;
                }
            }
            if (chance(5)) {
                LocalDate previous = facts.receivedOn;
                LocalDate corrected = previous.minusDays(1 + random.nextInt(3));
                if (add(c, last, 2, on -> new ReceiptDateCorrected(id, previous, corrected, "收件日期登记有误",
                        recorded(on))) != null) {
                    facts.receivedOn = corrected;
                }
            }
            if (facts.concludedOn != null && chance(5)) {
                LocalDate previous = facts.concludedOn;
                LocalDate corrected = previous.plusDays(random.nextInt(3) - 1);
                if (add(c, last, 4, on -> new ConclusionDateCorrected(id, previous, corrected, "办结日期登记有误",
                        recorded(on))) != null) {
                    facts.concludedOn = corrected;
                }
            }
        }

        /** Adds the event dated {@code after} days after {@code from}, unless that lies past the horizon: its date, or null. */
        private LocalDate add(Case c, LocalDate from, int after, java.util.function.Function<LocalDate, LedgerEvent> event) {
            LocalDate on = from.plusDays(after);
            if (on.isAfter(HORIZON)) {
                return null;
            }
            c.add(event.apply(on));
            return on;
        }

        private ReconsiderationId reconsideration(RequestId request, LocalDate after) {
            ReconsiderationId id = new ReconsiderationId("rc-" + idPrefix + agency.value() + "-" + appeals++);
            LocalDate filed = after.plusDays(10 + random.nextInt(50));
            if (filed.isAfter(HORIZON)) {
                return null;
            }
            Case c = new Case();
            c.add(new ReconsiderationFiled(id, agency, "上级人民政府", "复议〔" + filed.getYear() + "〕" + appeals + "号",
                    "复议申请人", filed, request, recorded(filed)));
            int ending = random.nextInt(100);
            LocalDate accepted = filed.plusDays(5);
            if (ending < 10) {
                add(c, accepted, 0, on -> new ReconsiderationRejected(id, on, "不符合受理条件", recorded(on)));
            } else if (add(c, accepted, 0, on -> new ReconsiderationAccepted(id, on, recorded(on))) != null) {
                int days = 40 + random.nextInt(30);
                if (ending < 85) {
                    ReconsiderationResult result = ending < 60 ? ReconsiderationResult.UPHELD
                            : RECONSIDERATION_RESULTS[random.nextInt(RECONSIDERATION_RESULTS.length)];
                    add(c, filed, days, on -> new ReconsiderationDecided(id, on, result, null, recorded(on)));
                } else if (ending < 92) {
                    add(c, filed, days, on -> new ReconsiderationWithdrawn(id, on, null, recorded(on)));
                }
            }
            events.addAll(c.envelopes());
            return id;
        }

        private void lawsuit(LocalDate after, ReconsiderationId reconsideration) {
            LawsuitId id = new LawsuitId("ls-" + idPrefix + agency.value() + "-" + appeals++);
            LocalDate filed = after.plusDays(reconsideration == null ? 15 + random.nextInt(75) : 80 + random.nextInt(40));
            if (filed.isAfter(HORIZON)) {
                return;
            }
            Route route = reconsideration != null ? Route.AFTER_RECONSIDERATION : Route.DIRECT;
            Case c = new Case();
            c.add(new LawsuitFiled(id, agency, "区人民法院", null, "原告", filed, route, reconsideration, null, recorded(filed)));
            JudgmentResult result = chance(600) ? JudgmentResult.CLAIM_DISMISSED
                    : chance(500) ? JudgmentResult.REVOKED : JudgmentResult.WITHDRAWAL_PERMITTED;
            LocalDate rendered = filed.plusDays(60 + random.nextInt(60));
            if (add(c, rendered, 0, on -> new JudgmentRendered(id, Instance.FIRST, "区人民法院", result, on, null,
                    recorded(on))) == null) {
                events.addAll(c.envelopes());
                return;
            }
            Instance effective = Instance.FIRST;
            LocalDate effectiveOn = rendered.plusDays(16);
            if (chance(250) && add(c, rendered, 10, on -> new AppealFiled(id, on, "原告", recorded(on))) != null) {
                effective = Instance.SECOND;
                effectiveOn = rendered.plusDays(70);
                if (add(c, effectiveOn, 0, on -> new JudgmentRendered(id, Instance.SECOND, "市中级人民法院",
                        JudgmentResult.AFFIRMED, on, null, recorded(on))) == null) {
                    events.addAll(c.envelopes());
                    return;
                }
            }
            Instance instance = effective;
            add(c, effectiveOn, 0, on -> new JudgmentTookEffect(id, instance, on, recorded(on)));
            events.addAll(c.envelopes());
        }

        private boolean chance(int perMille) {
            return random.nextInt(1000) < perMille;
        }

        private int weighted(double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double x = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private Recorded recorded(LocalDate day) {
            LocalDate workday = day;
            while (workday.getDayOfWeek() == DayOfWeek.SATURDAY || workday.getDayOfWeek() == DayOfWeek.SUNDAY) {
                workday = workday.plusDays(1); // a step taken at the weekend is recorded on Monday
            }
            LocalDate at = workday.isAfter(HORIZON) ? day : workday;
            return new Recorded("officer." + agency.value(), at.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(480)))
                    .atZone(Recorded.ZONE).toInstant());
        }
    }

    /** The events of one aggregate, numbered from 0 in the order they are added. */
    private static final class Case {
        private final List<EventEnvelope> envelopes = new ArrayList<>();

        /**
         * The event as the case's next; its stored time never before the one of the event before it (a step
         * recorded the same day may carry an earlier minute), as an event store stamps a case's events in order.
         */
        void add(LedgerEvent event) {
            EventEnvelope envelope = EventEnvelope.of(envelopes.size(), event);
            if (!envelopes.isEmpty()) {
                java.time.Instant previous = envelopes.get(envelopes.size() - 1).timestamp();
                if (envelope.timestamp().isBefore(previous)) {
                    envelope = new EventEnvelope(envelope.eventId(), envelope.aggregateType(), envelope.aggregateId(),
                            envelope.sequence(), envelope.type(), previous.plusMillis(1), event);
                }
            }
            envelopes.add(envelope);
        }

        List<EventEnvelope> envelopes() {
            return envelopes;
        }
    }
}
