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
 * had, so that a projector re-reads and re-replays only the cases a batch touched, and keeps the counts of each year
 * a report was asked of, taking a replaced case out as it was and counting it in as it is, so that the report of a
 * year costs its cells, not the agency's cases. The counting is the pure fold's own ({@link Table3Counts},
 * {@link Table4Counts}), so after any sequence of replacements a report equals {@code ReportFold.fold} of the
 * aggregates' latest histories (tested on random histories, every year after every batch).
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
    /** The sum of the cases' events and of their fingerprints, kept as they are replayed. */
    private int events;
    private long fingerprint;
    /** What is read from all the cases at once, kept while cases only grow; null when it must be read again. */
    private Summary summary;
    /**
     * The counts of tables 三 and 四 of each year, format and policy a report has been asked of, kept as cases are
     * replayed: a changed case is taken out of them as it was and counted in as it is, so that a report costs
     * the cells, not the cases. Dropped when the register changes (it sets the policies).
     */
    private final Map<TallyKey, Tally> tallies = new HashMap<>();

    /**
     * One aggregate replayed: its case (at most one of the three), the recording time of its last event, its event
     * count, the span of years its events' dates touch (first business date's year, last recording's year), and
     * its share of {@link #fingerprint()}.
     */
    private record Replayed(AgencyRegister register, RequestCase request, AppealCase appeal, Instant last, int events,
                            int firstYear, int lastYear, long fingerprint) {
        /** Whether this replay of an aggregate reaches at least as far, in time and in years, as {@code before}. */
        boolean covers(Replayed before) {
            return !last.isBefore(before.last) && firstYear <= before.firstYear && lastYear >= before.lastYear;
        }
    }

    /** The register, the latest recording time counted, and the span of years of all the cases. */
    private record Summary(AgencyRegister register, Instant latest, int firstYear, int lastYear) {
        /** With one more aggregate's replay (the register's, when it is the register). */
        Summary with(Replayed replayed) {
            return new Summary(replayed.register() != null ? replayed.register() : register,
                    latest == null || replayed.last().isAfter(latest) ? replayed.last() : latest,
                    Math.min(firstYear, replayed.firstYear()), Math.max(lastYear, replayed.lastYear()));
        }

        OffsetDateTime stated() {
            return latest == null ? null : latest.atZone(Recorded.ZONE).toOffsetDateTime();
        }
    }

    private record TallyKey(ReportPeriod period, ReportFormat format, AppealPolicy policy) {
    }

    private record Tally(Table3Counts table3, Table4Counts table4) {
        /** Counts the aggregate's case in ({@code 1}) or out ({@code -1}); see {@link Table3Counts#count}. */
        void count(Replayed replayed, int sign, Map<String, List<CellSource>> sources) {
            if (replayed.request() != null) {
                table3.count(replayed.request(), sign, sources);
            } else if (replayed.appeal() != null) {
                table4.count(replayed.appeal(), sign, sources);
            }
        }
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
            changed(byAggregate.remove(aggregateId), null);
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
            changed(byAggregate.remove(aggregateId), null);
            return;
        }
        int firstYear = years ? firstYear(payloads) : 0;
        int lastYear = years ? lastYear(payloads) : 0;
        long share = fingerprintOf(aggregateId, counted, last);
        String type = first.aggregateType();
        Replayed replayed;
        if (AGENCY.equals(type)) {
            replayed = new Replayed(AgencyRegister.replay(payloads), null, null, last, counted, firstYear, lastYear,
                    share);
        } else if (REQUEST.equals(type)) {
            replayed = new Replayed(null, RequestCase.replay(aggregateId, payloads).orElse(null), null, last, counted,
                    firstYear, lastYear, share);
        } else {
            replayed = new Replayed(null, null, AppealCase.replay(aggregateId, payloads).orElse(null), last, counted,
                    firstYear, lastYear, share);
        }
        changed(byAggregate.put(aggregateId, replayed), replayed);
    }

    /** Keeps the sums, the summary and the tallies as an aggregate's replay goes from {@code before} to {@code after}. */
    private void changed(Replayed before, Replayed after) {
        if (before != null) {
            events -= before.events();
            fingerprint -= before.fingerprint();
            tallies.values().forEach(t -> t.count(before, -1, null));
        }
        if (after != null) {
            events += after.events();
            fingerprint += after.fingerprint();
            tallies.values().forEach(t -> t.count(after, 1, null));
        }
        if (before != null && before.register() != null || after != null && after.register() != null) {
            summary = null;
            tallies.clear();
        } else if (summary != null) {
            boolean grown = after != null && (before == null || after.covers(before));
            summary = grown ? summary.with(after) : null;
        }
    }

    /** The summary of all the cases, read again when a case shrank or went. */
    private Summary summary() {
        if (summary == null) {
            Summary read = new Summary(AgencyRegister.replay(List.of()), null, Integer.MAX_VALUE, Integer.MIN_VALUE);
            for (Replayed replayed : byAggregate.values()) {
                read = read.with(replayed);
            }
            summary = read;
        }
        return summary;
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

    /**
     * The same, recording into {@code sources} (when not null) the cases each cell of 三 and 四 counts. Without
     * sources, tables 三 and 四 are read from the kept tallies (counted from the cases the first time).
     */
    AnnualReport report(ReportRequest request, OffsetDateTime asOf, Map<String, List<CellSource>> sources) {
        requireAgency(request.agencyId());
        AgencyRegister register = summary().register();
        OffsetDateTime stated = asOf != null ? asOf : summary().stated();
        Integer firstYear = register.firstYear();
        AnnualReport.Agency agency = new AnnualReport.Agency(agencyId.value(), register.name());
        AppealPolicy.Applied policy = register.appealPolicy(request.year(), request.appealPolicy());
        if (firstYear != null && request.year() < firstYear) {
            return new AnnualReport(agency, request.year(), request.format(), stated, policy.policy(),
                    Map.of(), Map.of(), Map.of(), List.of(ReportFold.notCovered(firstYear)), policy.basis());
        }
        ReportPeriod period = ReportPeriod.year(request.year());
        TallyKey key = new TallyKey(period, request.format(), policy.policy());
        Tally tally = sources != null ? count(key, sources) : tallies.computeIfAbsent(key, k -> count(k, null));
        return new AnnualReport(agency, request.year(), request.format(), stated, policy.policy(),
                register.table2(period, request.format()), tally.table3().table(), tally.table4().table(), List.of(),
                policy.basis());
    }

    /**
     * The figures of a period, stated as of {@code asOf}; a period that begins before the ledger opened is not
     * covered (every cell blank). Table 四 follows the policy of the year of the period's last day.
     */
    PeriodReport report(PeriodRequest request, OffsetDateTime asOf) {
        requireAgency(request.agencyId());
        AgencyRegister register = summary().register();
        OffsetDateTime stated = asOf != null ? asOf : summary().stated();
        Integer firstYear = register.firstYear();
        ReportPeriod period = request.period();
        AppealPolicy.Applied policy = register.appealPolicy(period.to().getYear(), request.appealPolicy());
        boolean covered = firstYear == null || !period.from().isBefore(LocalDate.of(firstYear, 1, 1));
        Tally tally = covered ? count(new TallyKey(period, request.format(), policy.policy()), null) : null;
        AnnualReport tables = new AnnualReport(null, period.to().getYear(), request.format(), null, null,
                covered ? register.table2(period, request.format()) : Map.of(),
                covered ? tally.table3().table() : Map.of(), covered ? tally.table4().table() : Map.of(), List.of());
        return new PeriodReport(new AnnualReport.Agency(agencyId.value(), register.name()), period,
                request.format(), stated, policy.policy(), covered, tables.table2(), tables.table3(),
                tables.table4(), policy.basis());
    }

    /** Tables 三 and 四 counted from every case, recording the sources when {@code sources} is not null. */
    private Tally count(TallyKey key, Map<String, List<CellSource>> sources) {
        Tally tally = new Tally(new Table3Counts(key.period(), key.format()), new Table4Counts(key.period(), key.policy()));
        byAggregate.values().forEach(replayed -> tally.count(replayed, 1, sources));
        return tally;
    }

    private void requireAgency(AgencyId requested) {
        if (!requested.equals(agencyId)) {
            throw new IllegalArgumentException("these are the cases of " + agencyId.value() + ", not of "
                    + requested.value());
        }
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
        return IntStream.rangeClosed(Math.max(ReportFold.FIRST_REPORT_YEAR, summary().firstYear()),
                summary().lastYear()).boxed().toList();
    }

    /** How many of the agency's events the cases were replayed from. */
    public int events() {
        return events;
    }

    /**
     * A fingerprint of what the cases were replayed from — each aggregate, how many of its events were counted and
     * the recording time of the last — the same for the same histories however they were replayed (whole or by
     * {@link #replace}), and different (but with a chance of 2<sup>-64</sup>) once any history grows, shrinks,
     * appears or goes: what a read may keep a result derived from the agency's events under.
     */
    public long fingerprint() {
        return fingerprint;
    }

    /** One aggregate's share of {@link #fingerprint()}. */
    private static long fingerprintOf(String aggregateId, int events, Instant last) {
        long id = 0xcbf29ce484222325L; // FNV-1a over the id's chars
        for (int i = 0; i < aggregateId.length(); i++) {
            id = (id ^ aggregateId.charAt(i)) * 0x100000001b3L;
        }
        return mix(id ^ mix(events * 0x9E3779B97F4A7C15L ^ last.getEpochSecond()) ^ mix(last.getNano() + 1L));
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
