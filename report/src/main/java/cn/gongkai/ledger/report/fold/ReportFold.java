package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.agency.AgencyLifecycle;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerYears;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual-report fold: pure, deterministic and idempotent. It reads only business dates from the events'
 * payloads (never the clock), deduplicates by {@code (aggregateId, sequence)}, orders each case by sequence and
 * ignores the order across cases, and applies every correction event to the case's history before counting.
 * The counting rules are those of annual-report.md; the choices it leaves open are in {@link CountingRules}.
 */
public final class ReportFold {
    /** The first year of a report under the 条例 (the 2008 regulations); earlier dates are not reported on. */
    public static final int FIRST_REPORT_YEAR = LedgerYears.FIRST;

    private ReportFold() {
    }

    /**
     * Folds the events (any order, duplicates allowed) into the report of one agency and year.
     *
     * @throws IncompleteHistoryException when the history of an aggregate that may belong to the agency has a
     *                                    gap or conflicting duplicates (see {@link #problems})
     */
    public static AnnualReport fold(Collection<EventEnvelope> events, ReportRequest request) {
        return fold(events, request, null);
    }

    /**
     * Table 二 of a period in {@code format} from an agency's register: the state the {@code AgencyLifecycle} builds
     * from its events (the agency aggregate holds the same state), read exactly as {@link #fold} reads it.
     */
    public static Map<String, Map<String, BigDecimal>> table2(AgencyLifecycle.State register, ReportPeriod period,
                                                             ReportFormat format) {
        return AgencyRegister.of(register).table2(period, format);
    }

    /**
     * The same fold, recording for every cell of tables 三 and 四 the cases it counts and the event that put each
     * there (the drill-down of a cell): one counting logic, so each cell's value is the number of its sources.
     *
     * @throws IncompleteHistoryException as {@link #fold(Collection, ReportRequest)}
     */
    public static TracedReport trace(Collection<EventEnvelope> events, ReportRequest request) {
        Map<String, List<CellSource>> sources = new LinkedHashMap<>();
        AnnualReport report = fold(events, request, sources);
        sources.replaceAll((cell, list) -> List.copyOf(list));
        return new TracedReport(report, Collections.unmodifiableMap(sources));
    }

    /** Folds; when {@code sources} is not null, also records who is counted in each cell. */
    private static AnnualReport fold(Collection<EventEnvelope> events, ReportRequest request,
                                     Map<String, List<CellSource>> sources) {
        EventHistory history = EventHistory.of(events);
        List<AggregateProblem> problems = problems(history, request.agencyId());
        if (!problems.isEmpty()) {
            throw new IncompleteHistoryException(problems);
        }
        AgencyCases cases = new AgencyCases(request.agencyId(), history.byAggregate().size());
        Instant cutoff = request.asOf() == null ? null : request.asOf().toInstant();
        for (List<EventEnvelope> aggregate : history.byAggregate().values()) {
            cases.put(aggregate, cutoff, false);
        }
        return cases.report(request, request.asOf(), sources);
    }

    /**
     * Folds the events into the figures of any period (a quarter, a month, any range of days): the same fold as
     * the annual report's, with the period in place of the calendar year. The figures of a calendar year equal
     * that year's report.
     *
     * @throws IncompleteHistoryException as {@link #fold(Collection, ReportRequest)}
     */
    public static PeriodReport fold(Collection<EventEnvelope> events, PeriodRequest request) {
        EventHistory history = EventHistory.of(events);
        List<AggregateProblem> problems = problems(history, request.agencyId());
        if (!problems.isEmpty()) {
            throw new IncompleteHistoryException(problems);
        }
        AgencyCases cases = new AgencyCases(request.agencyId(), history.byAggregate().size());
        Instant cutoff = request.asOf() == null ? null : request.asOf().toInstant();
        for (List<EventEnvelope> aggregate : history.byAggregate().values()) {
            cases.put(aggregate, cutoff, false);
        }
        return cases.report(request, request.asOf());
    }

    /** The rule id of a report on a year before the agency's ledger was opened: every cell blank. */
    public static final String NOT_COVERED = "not-covered";

    /** The check a report on a year (or a period beginning) before the ledger opened carries. */
    static AnnualReport.Check notCovered(int firstYear) {
        return new AnnualReport.Check(NOT_COVERED, "*", "本机关台账自 " + firstYear + " 年起开账，此前年度不在台账范围内，"
                + "不予统计 / the ledger opened at " + firstYear + "; earlier years are not covered and not counted");
    }

    /**
     * The aggregates among {@code events} whose history cannot be folded for {@code agencyId}: a gap in the
     * sequence numbers or two different events under one sequence number. An aggregate of another agency is
     * not listed; a reconsideration or lawsuit whose filing event is missing is listed, since it may be this
     * agency's. (A history cut off after its last event is not detectable here: pass the whole history.)
     */
    public static List<AggregateProblem> problems(Collection<EventEnvelope> events, AgencyId agencyId) {
        return problems(EventHistory.of(events), agencyId);
    }

    static List<AggregateProblem> problems(EventHistory history, AgencyId agencyId) {
        List<AggregateProblem> problems = new ArrayList<>();
        for (AggregateProblem problem : history.problems()) {
            if (AgencyCases.belongsTo(history.byAggregate().get(problem.aggregateId()), agencyId)) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** Table 三 of a period: the requests counted by {@link Table3Counts}. */
    static Map<String, Map<String, Integer>> table3(List<RequestCase> requests, ReportPeriod period, ReportFormat format,
                                                    Map<String, List<CellSource>> sources) {
        Table3Counts counts = new Table3Counts(period, format);
        requests.forEach(r -> counts.count(r, 1, sources));
        return counts.table();
    }

    /** Table 四 of a period under the policy: the reconsiderations and lawsuits counted by {@link Table4Counts}. */
    static Map<String, Integer> table4(List<AppealCase> appeals, ReportPeriod period, AppealPolicy policy,
                                       Map<String, List<CellSource>> sources) {
        Table4Counts counts = new Table4Counts(period, policy);
        appeals.forEach(c -> counts.count(c, 1, sources));
        return counts.table();
    }
}
