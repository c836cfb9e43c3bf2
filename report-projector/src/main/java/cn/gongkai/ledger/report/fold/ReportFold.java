package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The annual-report fold: pure, deterministic and idempotent. It reads only business dates from the events'
 * payloads (never the clock), deduplicates by {@code (aggregateId, sequence)}, orders each case by sequence and
 * ignores the order across cases, and applies every correction event to the case's history before counting.
 * The counting rules are those of annual-report.md; the choices it leaves open are in {@link CountingRules}.
 */
public final class ReportFold {
    private static final String AGENCY = "Agency";
    private static final String REQUEST = "DisclosureRequest";

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
        Instant cutoff = request.asOf() == null ? Instant.MAX : request.asOf().toInstant();
        Instant latest = null;
        AgencyRegister register = AgencyRegister.replay(List.of());
        List<RequestCase> requests = new ArrayList<>();
        List<AppealCase> appeals = new ArrayList<>();
        for (Map.Entry<String, List<EventEnvelope>> entry : history.byAggregate().entrySet()) {
            String id = entry.getKey();
            String type = entry.getValue().get(0).aggregateType();
            if (!belongsTo(entry.getValue(), request.agencyId())) {
                continue;
            }
            List<LedgerEvent> payloads = entry.getValue().stream().map(EventEnvelope::payload)
                    .takeWhile(p -> !p.recorded().at().isAfter(cutoff)).toList();
            if (payloads.isEmpty()) {
                continue;
            }
            Instant last = payloads.get(payloads.size() - 1).recorded().at();
            latest = latest == null || last.isAfter(latest) ? last : latest;
            if (AGENCY.equals(type)) {
                register = AgencyRegister.replay(payloads);
            } else if (REQUEST.equals(type)) {
                RequestCase.replay(id, payloads).ifPresent(requests::add);
            } else {
                AppealCase.replay(id, payloads).ifPresent(appeals::add);
            }
        }
        OffsetDateTime asOf = request.asOf() != null ? request.asOf()
                : latest == null ? null : latest.atZone(Recorded.ZONE).toOffsetDateTime();
        return new AnnualReport(new AnnualReport.Agency(request.agencyId().value(), register.name()), request.year(),
                request.format(), asOf, request.appealPolicy(), register.table2(request.year(), request.format()),
                table3(requests, request, sources), table4(appeals, request, sources), List.of());
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

    private static List<AggregateProblem> problems(EventHistory history, AgencyId agencyId) {
        List<AggregateProblem> problems = new ArrayList<>();
        history.byAggregate().forEach((id, events) -> {
            AggregateProblem problem = history.problemOf(id);
            if (problem != null && belongsTo(events, agencyId)) {
                problems.add(problem);
            }
        });
        return problems;
    }

    /** Whether an aggregate is, or may be, the agency's; a case without its filing event may be. */
    private static boolean belongsTo(List<EventEnvelope> events, AgencyId agencyId) {
        return events.stream().map(e -> e.payload().namedAgency()).flatMap(Optional::stream)
                .findFirst().map(agencyId::equals).orElse(true);
    }

    /**
     * Table 三: 一 = received in Y; 二 = received before Y and not concluded before Y; 三.* = concluded in Y under
     * the counted outcome; 四 = received by 31 Dec Y and not concluded by then; 三.七 and 总计 are sums.
     */
    private static Map<String, Map<String, Integer>> table3(List<RequestCase> requests, ReportRequest request,
                                                            Map<String, List<CellSource>> sources) {
        int year = request.year();
        ReportFormat format = request.format();
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (String row : format.table3Rows()) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            ReportFormat.table3Columns().forEach(c -> columns.put(c, 0));
            table.put(row, columns);
        }
        for (RequestCase r : requests) {
            String column = r.column().key();
            LocalDate concluded = r.concludedOn();
            if (r.receivedOn().getYear() == year) {
                add(table, ReportFormat.RECEIVED, column, sources, r.intake());
            }
            if (r.receivedOn().isBefore(firstDay) && (concluded == null || !concluded.isBefore(firstDay))) {
                add(table, ReportFormat.CARRIED_OVER, column, sources, r.intake());
            }
            if (concluded != null && concluded.getYear() == year) {
                add(table, format.rowOf(r.outcome()), column, sources, r.conclusion());
                add(table, ReportFormat.CONCLUDED_TOTAL, column, sources, r.conclusion());
            }
            if (!r.receivedOn().isAfter(lastDay) && (concluded == null || concluded.isAfter(lastDay))) {
                add(table, ReportFormat.CARRIED_FORWARD, column, sources, r.intake());
            }
        }
        return table;
    }

    private static void add(Map<String, Map<String, Integer>> table, String row, String column,
                            Map<String, List<CellSource>> sources, CellSource source) {
        Map<String, Integer> cells = table.get(row);
        cells.merge(column, CountingRules.UNITS_PER_REQUEST, Integer::sum);
        cells.merge(ApplicantType.TOTAL, CountingRules.UNITS_PER_REQUEST, Integer::sum);
        record(sources, AnnualReport.cell("table3", row, column), source);
        record(sources, AnnualReport.cell("table3", row, ApplicantType.TOTAL), source);
    }

    private static void record(Map<String, List<CellSource>> sources, String cell, CellSource source) {
        if (sources != null) {
            sources.computeIfAbsent(cell, c -> new ArrayList<>()).add(source);
        }
    }

    /**
     * Table 四: the agency's cases that belong to Y under the policy, each in its group under the outcome it
     * stands at at the end of 31 Dec Y (尚未审结 while pending); 总计 per group is the sum.
     */
    private static Map<String, Integer> table4(List<AppealCase> appeals, ReportRequest request,
                                               Map<String, List<CellSource>> sources) {
        int year = request.year();
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        Map<String, Integer> table = new LinkedHashMap<>();
        ReportFormat.table4Keys().forEach(k -> table.put(k, 0));
        for (AppealCase c : appeals) {
            boolean counted = request.appealPolicy() == AppealPolicy.FILED_IN_YEAR
                    ? c.filedOn().getYear() == year : c.openDuring(year);
            if (counted) {
                String column = c.standingAt(lastDay).map(AppealOutcome::key).orElse(AppealOutcome.PENDING_KEY);
                String cell = ReportFormat.table4Key(c.group(), column);
                String total = ReportFormat.table4Key(c.group(), AppealOutcome.TOTAL_KEY);
                table.merge(cell, 1, Integer::sum);
                table.merge(total, 1, Integer::sum);
                record(sources, AnnualReport.cell("table4", cell), c.sourceAt(lastDay));
                record(sources, AnnualReport.cell("table4", total), c.sourceAt(lastDay));
            }
        }
        return table;
    }
}
