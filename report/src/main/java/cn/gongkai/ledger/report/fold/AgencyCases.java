package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.publication.PublicationEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One agency's cases as the fold sees them — each aggregate's history replayed into its request, reconsideration
 * or lawsuit case, or the agency's register — from which {@link ReportFold} counts the tables. It is also the
 * fold made incremental: {@link #replace} replays one aggregate's (grown or corrected) history in place of what it
 * had, so that a projector re-reads and re-replays only the cases a batch touched. The report is computed from the
 * replayed cases by the same code as the pure fold's, so after any sequence of replacements it equals
 * {@code ReportFold.fold} of the aggregates' latest histories (tested on random histories).
 */
public final class AgencyCases {
    private static final String AGENCY = "Agency";
    private static final String REQUEST = "DisclosureRequest";
    /** A publication of the report records the tables; it is not counted in them, nor moves their as-of time. */
    private static final String PUBLICATION = EventTypes.aggregateTypeOf(PublicationEvent.class);

    private final AgencyId agencyId;
    /** What the ids of the agency's requests start with. */
    private final String requestPrefix;
    private final Map<String, Replayed> byAggregate;
    /** The payloads of the aggregate being replayed ({@link #put}), reused from one aggregate to the next. */
    private final List<LedgerEvent> scratch = new ArrayList<>();

    /**
     * One aggregate replayed: its case (at most one of the three), the recording time of its last event, its event
     * count, and the span of years its events' dates touch (first business date's year, last recording's year).
     */
    private record Replayed(AgencyRegister register, RequestCase request, AppealCase appeal, Instant last, int events,
                            int firstYear, int lastYear) {
    }

    AgencyCases(AgencyId agencyId) {
        this(agencyId, 16);
    }

    /** Without cases yet, room for about {@code aggregates} of them. */
    AgencyCases(AgencyId agencyId, int aggregates) {
        this.agencyId = agencyId;
        this.requestPrefix = RequestId.prefixOf(agencyId);
        this.byAggregate = new HashMap<>(Math.max(16, aggregates * 4 / 3 + 1));
    }

    /**
     * The agency's cases from its events (any order, duplicates allowed, other agencies' events skipped).
     *
     * @throws IncompleteHistoryException when the history of an aggregate that may be the agency's has a gap or
     *                                    conflicting duplicates
     */
    public static AgencyCases of(AgencyId agencyId, Collection<EventEnvelope> events) {
        EventHistory history = EventHistory.of(events);
        List<AggregateProblem> problems = ReportFold.problems(history, agencyId);
        if (!problems.isEmpty()) {
            throw new IncompleteHistoryException(problems);
        }
        AgencyCases cases = new AgencyCases(agencyId, history.byAggregate().size());
        for (List<EventEnvelope> aggregate : history.byAggregate().values()) {
            cases.put(aggregate, null, true);
        }
        return cases;
    }

    /**
     * Replays one aggregate's whole history — its events from sequence 0 on, each once, in sequence order — in
     * place of what this aggregate had; an aggregate that turns out not to be the agency's is dropped.
     */
    public void replace(List<EventEnvelope> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("an aggregate's history has at least one event");
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).sequence() != i || !history.get(i).aggregateId().equals(history.get(0).aggregateId())) {
                throw new IllegalArgumentException("not one aggregate's whole history in sequence order: "
                        + history.get(i).aggregateId() + "#" + history.get(i).sequence() + " at " + i);
            }
        }
        put(history, null, true);
    }

    /**
     * Replays the aggregate's events recorded up to {@code cutoff} (null: all), which are one aggregate's, in
     * sequence order, one per sequence; with {@code years}, also the span of years they touch.
     */
    void put(List<EventEnvelope> aggregate, Instant cutoff, boolean years) {
        EventEnvelope first = aggregate.get(0);
        String aggregateId = first.aggregateId();
        if (PUBLICATION.equals(first.aggregateType()) || !belongsTo(aggregate, agencyId, requestPrefix)) {
            byAggregate.remove(aggregateId);
            return;
        }
        List<LedgerEvent> payloads = scratch; // read by the replays below, never kept
        payloads.clear();
        Instant last = null;
        int counted = 0;
        for (int i = 0, n = aggregate.size(); i < n; i++) {
            LedgerEvent payload = aggregate.get(i).payload();
            if (cutoff != null && payload.recorded().at().isAfter(cutoff)) {
                break;
            }
            if (payload instanceof PersonalDataErased) {
                // Erasing an applicant's data counts nowhere and dates nothing: every report stays the same. It
                // stands as a gap (null), so that each event's index in the list stays its sequence, which a
                // cell's source names (an erasure may be followed by further events of the case).
                payloads.add(null);
                continue;
            }
            payloads.add(payload);
            last = payload.recorded().at();
            counted++;
        }
        if (counted == 0) {
            byAggregate.remove(aggregateId);
            return;
        }
        int firstYear = years ? firstYear(payloads) : 0;
        int lastYear = years ? lastYear(payloads) : 0;
        String type = first.aggregateType();
        Replayed replayed;
        if (AGENCY.equals(type)) {
            replayed = new Replayed(AgencyRegister.replay(payloads), null, null, last, counted, firstYear, lastYear);
        } else if (REQUEST.equals(type)) {
            replayed = new Replayed(null, RequestCase.replay(aggregateId, payloads).orElse(null), null, last, counted,
                    firstYear, lastYear);
        } else {
            replayed = new Replayed(null, null, AppealCase.replay(aggregateId, payloads).orElse(null), last, counted,
                    firstYear, lastYear);
        }
        byAggregate.put(aggregateId, replayed);
    }

    /** The report of one year, as of the latest event counted (the request's {@code asOf} must be null). */
    public AnnualReport report(ReportRequest request) {
        if (request.asOf() != null) {
            throw new IllegalArgumentException("a report as of a past time is folded from the events (ReportFold.fold)");
        }
        return report(request, null);
    }

    /** The report of one year, stated as of {@code asOf} (null: the recording time of the latest event counted). */
    AnnualReport report(ReportRequest request, OffsetDateTime asOf) {
        return report(request, asOf, null);
    }

    /** The same, recording into {@code sources} (when not null) the cases each cell of 三 and 四 counts. */
    AnnualReport report(ReportRequest request, OffsetDateTime asOf, Map<String, List<CellSource>> sources) {
        Collected cases = collect(request.agencyId(), asOf);
        Integer firstYear = cases.register().firstYear();
        AnnualReport.Agency agency = new AnnualReport.Agency(agencyId.value(), cases.register().name());
        AppealPolicy.Applied policy = cases.register().appealPolicy(request.year(), request.appealPolicy());
        if (firstYear != null && request.year() < firstYear) {
            return new AnnualReport(agency, request.year(), request.format(), cases.stated(), policy.policy(),
                    Map.of(), Map.of(), Map.of(), List.of(ReportFold.notCovered(firstYear)), policy.basis());
        }
        ReportPeriod period = ReportPeriod.year(request.year());
        return new AnnualReport(agency, request.year(), request.format(), cases.stated(), policy.policy(),
                cases.register().table2(period, request.format()),
                ReportFold.table3(cases.requests(), period, request.format(), sources),
                ReportFold.table4(cases.appeals(), period, policy.policy(), sources), List.of(), policy.basis());
    }

    /**
     * The figures of a period, stated as of {@code asOf}; a period that begins before the ledger opened is not
     * covered (every cell blank). Table 四 follows the policy of the year of the period's last day.
     */
    PeriodReport report(PeriodRequest request, OffsetDateTime asOf) {
        Collected cases = collect(request.agencyId(), asOf);
        Integer firstYear = cases.register().firstYear();
        ReportPeriod period = request.period();
        AppealPolicy.Applied policy = cases.register().appealPolicy(period.to().getYear(), request.appealPolicy());
        boolean covered = firstYear == null || !period.from().isBefore(LocalDate.of(firstYear, 1, 1));
        AnnualReport tables = new AnnualReport(null, period.to().getYear(), request.format(), null, null,
                covered ? cases.register().table2(period, request.format()) : Map.of(),
                covered ? ReportFold.table3(cases.requests(), period, request.format(), null) : Map.of(),
                covered ? ReportFold.table4(cases.appeals(), period, policy.policy(), null) : Map.of(),
                List.of());
        return new PeriodReport(new AnnualReport.Agency(agencyId.value(), cases.register().name()), period,
                request.format(), cases.stated(), policy.policy(), covered, tables.table2(), tables.table3(),
                tables.table4(), policy.basis());
    }

    /** The replayed cases sorted by kind, and the time the report is stated as of. */
    private record Collected(AgencyRegister register, List<RequestCase> requests, List<AppealCase> appeals,
                             OffsetDateTime stated) {
    }

    private Collected collect(AgencyId requested, OffsetDateTime asOf) {
        if (!requested.equals(agencyId)) {
            throw new IllegalArgumentException("these are the cases of " + agencyId.value() + ", not of "
                    + requested.value());
        }
        AgencyRegister register = AgencyRegister.replay(List.of());
        List<RequestCase> requests = new ArrayList<>(byAggregate.size());
        List<AppealCase> appeals = new ArrayList<>();
        Instant latest = null;
        for (Replayed replayed : byAggregate.values()) {
            latest = latest == null || replayed.last().isAfter(latest) ? replayed.last() : latest;
            if (replayed.register() != null) {
                register = replayed.register();
            } else if (replayed.request() != null) {
                requests.add(replayed.request());
            } else if (replayed.appeal() != null) {
                appeals.add(replayed.appeal());
            }
        }
        OffsetDateTime stated = asOf != null ? asOf
                : latest == null ? null : latest.atZone(Recorded.ZONE).toOffsetDateTime();
        return new Collected(register, requests, appeals, stated);
    }

    /**
     * The years from the earliest year of any business date in the events' payloads to the latest year of any
     * recording time (Asia/Shanghai), from {@value ReportFold#FIRST_REPORT_YEAR} on: every year in which a case may
     * be received, open, carried over or concluded. (A business date never lies after its recording date, except a
     * deadline, which decides no report.) Empty without events.
     */
    public List<Integer> years() {
        if (byAggregate.isEmpty()) {
            return List.of();
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Replayed replayed : byAggregate.values()) {
            first = Math.min(first, replayed.firstYear());
            last = Math.max(last, replayed.lastYear());
        }
        return IntStream.rangeClosed(Math.max(ReportFold.FIRST_REPORT_YEAR, first), last).boxed().toList();
    }

    /** How many of the agency's events the cases were replayed from. */
    public int events() {
        return byAggregate.values().stream().mapToInt(Replayed::events).sum();
    }

    /**
     * A fingerprint of what the cases were replayed from — each aggregate, how many of its events were counted and
     * the recording time of the last — the same for the same histories however they were replayed (whole or by
     * {@link #replace}), and different (but with a chance of 2<sup>-64</sup>) once any history grows, shrinks,
     * appears or goes: what a read may keep a result derived from the agency's events under.
     */
    public long fingerprint() {
        long sum = 0;
        for (Map.Entry<String, Replayed> entry : byAggregate.entrySet()) {
            long id = 0xcbf29ce484222325L; // FNV-1a over the id's chars
            String aggregateId = entry.getKey();
            for (int i = 0; i < aggregateId.length(); i++) {
                id = (id ^ aggregateId.charAt(i)) * 0x100000001b3L;
            }
            Replayed replayed = entry.getValue();
            sum += mix(id ^ mix(replayed.events() * 0x9E3779B97F4A7C15L ^ replayed.last().getEpochSecond())
                    ^ mix(replayed.last().getNano() + 1L));
        }
        return sum;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Whether any event of the agency has been replayed. */
    public boolean isEmpty() {
        return byAggregate.isEmpty();
    }

    /** Whether an aggregate is, or may be, the agency's; a case without its filing event may be. */
    static boolean belongsTo(List<EventEnvelope> events, AgencyId agencyId) {
        return belongsTo(events, agencyId, RequestId.prefixOf(agencyId));
    }

    private static boolean belongsTo(List<EventEnvelope> events, AgencyId agencyId, String requestPrefix) {
        for (EventEnvelope event : events) {
            LedgerEvent payload = event.payload();
            if (payload instanceof DisclosureRequestEvent request) {
                return isRequestOf(request.requestId(), agencyId, requestPrefix);
            }
            Optional<AgencyId> named = payload.namedAgency();
            if (named.isPresent()) {
                return named.get().equals(agencyId);
            }
        }
        return true;
    }

    /**
     * {@code id.agencyId().equals(agencyId)} without building the agency id: a request's id is
     * {@code agencyId:trackingNumber}, so it is the agency's when it starts with {@code agencyId:}. (Its agency part
     * is taken stripped; only when whitespace stands before the colon can the two differ, and then the long way
     * decides.)
     */
    private static boolean isRequestOf(RequestId id, AgencyId agencyId, String requestPrefix) {
        String value = id.value();
        if (value.startsWith(requestPrefix)) {
            return true;
        }
        int colon = value.indexOf(':');
        char beforeColon = value.charAt(colon - 1);
        if (!Character.isWhitespace(beforeColon) && !Character.isSurrogate(beforeColon)) {
            return false;
        }
        return id.agencyId().equals(agencyId);
    }

    private static int lastYear(List<LedgerEvent> payloads) {
        int last = Integer.MIN_VALUE;
        for (LedgerEvent payload : payloads) {
            if (payload == null) {
                continue; // an erasure
            }
            last = Math.max(last, payload.recorded().at().atZone(Recorded.ZONE).getYear());
        }
        return last;
    }

    private static int firstYear(List<LedgerEvent> payloads) {
        int first = Integer.MAX_VALUE;
        for (LedgerEvent payload : payloads) {
            if (payload == null) {
                continue; // an erasure
            }
            first = Math.min(first, payload.recorded().at().atZone(Recorded.ZONE).getYear());
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getType() == LocalDate.class && read(component, payload) instanceof LocalDate date) {
                    first = Math.min(first, date.getYear());
                }
            }
        }
        return first;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
