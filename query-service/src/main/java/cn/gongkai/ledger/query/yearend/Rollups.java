package cn.gongkai.ledger.query.yearend;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.RecentlyUsed;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.query.report.ReportQueryService;
import cn.gongkai.ledger.readmodel.query.AgencyHierarchy;
import cn.gongkai.ledger.readmodel.query.AgencyNode;
import cn.gongkai.ledger.readmodel.query.PublishedReport;
import cn.gongkai.ledger.readmodel.query.ReportQueries;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.PeriodReport;
import cn.gongkai.ledger.report.fold.PeriodRequest;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportPeriod;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.rollup.Rollup;
import cn.gongkai.ledger.report.rollup.RollupSum;
import cn.gongkai.ledger.report.trend.Trend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A superior office's roll-up: the report of the agency and every agency below it (or of those below only),
 * summed cell by cell from each agency's own report — the report the projector materialised from that agency's
 * events, under that agency's table-四 policy (folded on demand only when not materialised, or for another
 * format) — with which agencies have not published the year and which are not covered by their ledger.
 *
 * <p>Its reads do not grow with the store: the hierarchy level by level, the members' reports and publications
 * in one read each, all by {@code _id}.
 */
@Service
public class Rollups {
    /** Which agencies a roll-up sums. */
    public enum Scope {
        /** 本级 + 下级: the agency itself and every agency below it. */
        SELF_AND_SUBORDINATES,
        /** 下级: every agency below it, not the agency itself. */
        SUBORDINATES;

        static Scope parse(String value) {
            if (value == null || value.isBlank()) {
                return SELF_AND_SUBORDINATES;
            }
            return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst().orElseThrow(() ->
                    LedgerProblemException.badRequest("INVALID_SCOPE", "汇总范围无效：" + value
                            + "（可选：SELF_AND_SUBORDINATES 本级及下级、SUBORDINATES 仅下级）", "Invalid scope: " + value
                            + " (SELF_AND_SUBORDINATES or SUBORDINATES)"));
        }

        /** The roll-up's name: the agency's, and what it sums. */
        String title(String agencyName) {
            return agencyName + (this == SELF_AND_SUBORDINATES ? "（本级及下级机关汇总）" : "（下级机关汇总）");
        }
    }

    /** One agency of a roll-up, its own report's totals and its publication of the year. */
    public record Member(String agencyId, String name, String superiorAgencyId, int depth, String appealPolicy,
                         boolean covered, Map<String, Integer> totals, Publication published) {
    }

    /** An agency's latest publication of the year: its revision, when and by whom. */
    public record Publication(int revision, Instant publishedAt, String publishedBy) {
    }

    /**
     * A roll-up: its agencies in tree order (each followed by those below it), the ones that have not published,
     * the ones whose ledger does not cover the year (left out of the sum), the sum's totals and checks
     * ({@code ReportChecker}, as for any report) and the sum itself, {@code report}, as a report's canonical JSON.
     */
    public record RollupView(String agencyId, String name, Integer year, ReportPeriod period, Scope scope,
                             String format, List<Member> agencies, List<String> notPublished, List<String> notCovered,
                             Map<String, Integer> totals, List<AnnualReport.Check> checks, Object report) {
    }

    /** The trend of a roll-up: each year's summed figures; per year, the agencies it leaves out. */
    public record TrendView(String agencyId, Scope scope, List<String> agencies, List<Trend.Year> years,
                            Map<Integer, List<String>> notCovered) {
    }

    /** Materialised reports kept read for sums ({@link #readReports}), by agency-year, the most recently used. */
    static final int KEPT_REPORTS = 10_000;

    /** A materialised report as read for a sum, and the version of the report it was read from. */
    private record KeptReport(String version, RollupSum.Read read) {
    }

    /** Year roll-ups kept ({@link #year}), by agency, year, scope and format, the most recently used. */
    static final int KEPT_ROLLUPS = 64;

    /**
     * What a year's roll-up was summed from, agency by agency: each agency's subtree version (read before anything
     * of its subtree), its node, its report as read for the sum and its publication; and the roll-up itself.
     */
    private record Summed(Map<String, String> versions, Map<String, AgencyNode> nodes,
                          Map<String, RollupSum.Read> reads, Map<String, PublishedReport> published, Result result) {
    }

    private final Map<String, KeptReport> kept = RecentlyUsed.map(KEPT_REPORTS);
    private final Map<String, Summed> keptRollups = RecentlyUsed.map(KEPT_ROLLUPS);
    private final AgencyHierarchy hierarchy;
    private final ReportQueries stored;
    private final ReportQueryService reports;
    private final AgencyEvents events;
    private final OverdueReplies overdue;

    public Rollups(AgencyHierarchy hierarchy, ReportQueries stored, ReportQueryService reports, AgencyEvents events,
                   OverdueReplies overdue) {
        this.hierarchy = hierarchy;
        this.stored = stored;
        this.reports = reports;
        this.events = events;
        this.overdue = overdue;
    }

    /** A year's roll-up and the summed report (for its exports). */
    public record Result(RollupView view, AnnualReport report) {
    }

    /**
     * A year's roll-up, kept under the subtree versions ({@link AgencyHierarchy#subtreeVersion}) of its agencies:
     * the agency's own version is read first, and while it is unchanged the roll-up kept is served as it is (none
     * of the reports, publications and places in the hierarchy it was summed from has been written since, by any
     * process). When it has changed, the hierarchy is walked down again level by level, but only into the
     * agencies whose version changed: a subordinate whose version is the one kept brings its whole subtree as
     * summed before (nodes, reports, publications), and only the others are read again; then every member is
     * summed afresh.
     */
    public Result year(String agencyId, int year, String scopeName, String formatCode) {
        YearEndRequests.year(year);
        Scope scope = Scope.parse(scopeName);
        String id = new AgencyId(agencyId).value();
        Optional<String> version = hierarchy.subtreeVersion(id);
        String key = id + "|" + year + "|" + scope + "|" + formatCode;
        Summed before = version.isEmpty() ? null : keptRollups.get(key);
        if (before != null && version.get().equals(before.versions().get(id))) {
            return before.result();
        }
        Summed summed = sum(id, version.orElse(null), year, scope, formatCode, before);
        if (version.isPresent()) {
            keptRollups.put(key, summed);
        }
        return summed.result();
    }

    private Summed sum(String agencyId, String rootVersion, int year, Scope scope, String formatCode, Summed before) {
        Map<String, String> versions = new HashMap<>();
        Map<String, AgencyNode> nodes = new HashMap<>();
        Map<String, RollupSum.Read> reads = new HashMap<>();
        Map<String, PublishedReport> published = new HashMap<>();
        List<String> reread = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(agencyId));
        Map<String, String> superiorOf = new HashMap<>();
        List<String> level = List.of(agencyId);
        for (int depth = 0; depth <= AgencyHierarchy.MAX_DEPTH && !level.isEmpty(); depth++) {
            Map<String, String> levelVersions = depth == 0 ? new HashMap<>() : hierarchy.subtreeVersions(level);
            if (depth == 0 && rootVersion != null) {
                levelVersions.put(agencyId, rootVersion);
            }
            List<String> changed = new ArrayList<>();
            for (String id : level) {
                String version = levelVersions.get(id);
                if (before != null && version != null && version.equals(before.versions().get(id))
                        && before.nodes().containsKey(id)) {
                    keepSubtree(before, id, versions, nodes, reads, published, seen);
                } else {
                    changed.add(id);
                    if (version != null) {
                        versions.put(id, version);
                    }
                }
            }
            List<String> next = new ArrayList<>();
            for (AgencyNode node : hierarchy.nodes(changed)) {
                String superior = superiorOf.get(node.agencyId());
                if (node.name() == null || superior != null && !superior.equals(node.superiorAgencyId())) {
                    continue;
                }
                nodes.put(node.agencyId(), node);
                reread.add(node.agencyId());
                for (String child : node.subordinates()) {
                    if (seen.add(child)) {
                        superiorOf.put(child, node.agencyId());
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        AgencyNode root = nodes.get(agencyId);
        if (root == null) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关：" + agencyId,
                    "No agency with id " + agencyId);
        }
        List<AgencyHierarchy.Placed> members = members(AgencyHierarchy.inTreeOrder(root, nodes), scope);
        ReportFormat format = format(year, formatCode);
        Set<String> memberIds = new HashSet<>();
        members.forEach(p -> memberIds.add(p.node().agencyId()));
        List<String> unread = reread.stream().filter(memberIds::contains).toList();
        reads.putAll(readReports(unread, year, format));
        published.putAll(stored.published(unread, year));
        RollupSum sum = new RollupSum(year, format);
        List<Member> listed = new ArrayList<>();
        for (AgencyHierarchy.Placed placed : members) {
            PublishedReport publication = published.get(placed.node().agencyId());
            listed.add(member(placed, sum.add(reads.get(placed.node().agencyId())), publication == null ? null
                    : new Publication(publication.revision(), publication.publishedAt(), publication.publishedBy())));
        }
        AnnualReport report = sum.result(new AnnualReport.Agency(root.agencyId(), scope.title(root.name())));
        Result result = new Result(view(root, year, null, scope, format, listed, report.checks(),
                Rollup.totals(report), ReportJson.toJson(report)), report);
        return new Summed(versions, nodes, reads, published, result);
    }

    /** Takes the agency's subtree as summed before: its agencies' versions, nodes, reports and publications. */
    private static void keepSubtree(Summed before, String agencyId, Map<String, String> versions,
                                    Map<String, AgencyNode> nodes, Map<String, RollupSum.Read> reads,
                                    Map<String, PublishedReport> published, Set<String> seen) {
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(List.of(agencyId));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            AgencyNode node = before.nodes().get(id);
            seen.add(id);
            nodes.put(id, node);
            if (before.versions().containsKey(id)) {
                versions.put(id, before.versions().get(id));
            }
            if (before.reads().containsKey(id)) {
                reads.put(id, before.reads().get(id));
            }
            if (before.published().containsKey(id)) {
                published.put(id, before.published().get(id));
            }
            for (String child : node.subordinates()) {
                AgencyNode below = before.nodes().get(child);
                if (below != null && id.equals(below.superiorAgencyId())) {
                    pending.push(child);
                }
            }
        }
    }

    public RollupView period(String agencyId, ReportPeriod period, String scopeName, String formatCode) {
        Scope scope = Scope.parse(scopeName);
        List<AgencyHierarchy.Placed> tree = tree(agencyId);
        AgencyNode root = tree.get(0).node();
        List<AgencyHierarchy.Placed> members = members(tree, scope);
        ReportFormat format = format(period.to().getYear(), formatCode);
        RollupSum sum = new RollupSum(period.to().getYear(), format);
        List<Member> listed = new ArrayList<>();
        for (AgencyHierarchy.Placed placed : members) {
            AgencyId agency = new AgencyId(placed.node().agencyId());
            ReportRequest shape = reports.request(agency.value(), period.to().getYear(), format.code(), null);
            PeriodReport own = ReportFold.fold(events.of(agency),
                    new PeriodRequest(agency, period, format, shape.appealPolicy(), null));
            listed.add(member(placed, sum.add(Rollup.asReport(own), own.covered()), null));
        }
        AnnualReport tables = sum.result(new AnnualReport.Agency(root.agencyId(), scope.title(root.name())));
        PeriodReport figures = new PeriodReport(tables.agency(), period, format, tables.asOf(), tables.appealPolicy(),
                true, tables.table2(), tables.table3(), tables.table4());
        return view(root, null, period, scope, format, listed, tables.checks(), Rollup.totals(tables),
                ReportJson.toJson(figures));
    }

    public TrendView trend(String agencyId, int from, int to, String scopeName) {
        YearEndRequests.trendYears(from, to);
        Scope scope = Scope.parse(scopeName);
        List<AgencyHierarchy.Placed> tree = tree(agencyId);
        AgencyNode root = tree.get(0).node();
        List<String> ids = members(tree, scope).stream().map(p -> p.node().agencyId()).toList();
        List<Integer> years = IntStream.rangeClosed(from, to).boxed().toList();
        Map<Integer, Map<String, String>> byYear = new LinkedHashMap<>();
        for (int year : years) {
            byYear.putAll(reportsOf(ids, List.of(year), ReportFormat.forYear(year)));
        }
        Map<Integer, Integer> late = new LinkedHashMap<>();
        years.forEach(y -> late.put(y, 0));
        for (String id : ids) {
            AgencyId agency = new AgencyId(id);
            Map<Integer, Integer> own = overdue.byYear(agency, events.of(agency), from, to);
            years.forEach(y -> late.computeIfPresent(y, (year, n) -> own.containsKey(year) ? n + own.get(year) : null));
        }
        List<AnnualReport> sums = new ArrayList<>();
        Map<Integer, List<String>> notCovered = new LinkedHashMap<>();
        for (int year : years) {
            RollupSum sum = new RollupSum(year, ReportFormat.forYear(year));
            List<String> left = new ArrayList<>();
            for (String id : ids) {
                if (!sum.add(byYear.get(year).get(id)).covered()) {
                    left.add(id);
                }
            }
            if (!left.isEmpty()) {
                notCovered.put(year, left);
            }
            if (left.size() < ids.size()) {
                sums.add(sum.result(new AnnualReport.Agency(root.agencyId(), root.name())));
            }
        }
        return new TrendView(root.agencyId(), scope, ids, Trend.of(sums, late), notCovered);
    }

    private RollupView view(AgencyNode root, Integer year, ReportPeriod period, Scope scope, ReportFormat format,
                            List<Member> listed, List<AnnualReport.Check> checks, Map<String, Integer> totals,
                            Object report) {
        List<String> notPublished = year == null ? List.of()
                : listed.stream().filter(m -> m.published() == null).map(Member::agencyId).toList();
        List<String> notCovered = listed.stream().filter(m -> !m.covered()).map(Member::agencyId).toList();
        return new RollupView(root.agencyId(), root.name(), year, period, scope, format.code(), listed,
                notPublished, notCovered, totals, checks, report);
    }

    private static Member member(AgencyHierarchy.Placed placed, RollupSum.Member summed, Publication publication) {
        return new Member(placed.node().agencyId(), placed.node().name(), placed.node().superiorAgencyId(),
                placed.depth(), summed.appealPolicy() == null ? null : summed.appealPolicy().name(), summed.covered(),
                summed.covered() ? summed.totals() : null, publication);
    }

    /** The agency and every agency below it, the agency first (404 when it is not registered). */
    private List<AgencyHierarchy.Placed> tree(String agencyId) {
        List<AgencyHierarchy.Placed> all = hierarchy.withDescendants(new AgencyId(agencyId).value());
        if (all.isEmpty()) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关：" + agencyId,
                    "No agency with id " + agencyId);
        }
        return all;
    }

    /** The agencies summed: the whole tree, or those below the agency only (422 when there are none). */
    private static List<AgencyHierarchy.Placed> members(List<AgencyHierarchy.Placed> tree, Scope scope) {
        List<AgencyHierarchy.Placed> members = scope == Scope.SUBORDINATES ? tree.subList(1, tree.size()) : tree;
        if (members.isEmpty()) {
            String agencyId = tree.get(0).node().agencyId();
            throw new LedgerProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "NO_SUBORDINATES",
                    agencyId + " 没有下级机关，无可汇总的下级报告", agencyId + " has no agency below it to roll up");
        }
        return members;
    }

    private static ReportFormat format(int year, String code) {
        try {
            return code == null || code.isBlank() ? ReportFormat.forYear(year) : ReportFormat.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw LedgerProblemException.badRequest("INVALID_FORMAT", "报告格式无效：" + code + "（可选：2021、2019）",
                    "Invalid format: " + code + " (2021 or 2019)");
        }
    }

    /**
     * Each agency's own report of the year, read for a sum ({@link RollupSum#read}), by agency. The materialised
     * reports (when the format is the one in force) are read once and kept under their version: each roll-up reads
     * the versions of all its agencies' reports in one query by {@code _id} and the JSON only of those whose
     * version it has not kept (a report the projector rematerialised since, in this process or any other); a
     * report not materialised is the one the agency's report endpoint answers.
     */
    private Map<String, RollupSum.Read> readReports(List<String> ids, int year, ReportFormat format) {
        Map<String, RollupSum.Read> result = new HashMap<>();
        if (ReportFormat.forYear(year) == format) {
            Map<String, String> versions = stored.materializedVersions(ids, year);
            List<String> unread = new ArrayList<>();
            for (String id : ids) {
                KeptReport keptReport = kept.get(id + "|" + year);
                if (keptReport != null && keptReport.version().equals(versions.get(id))) {
                    result.put(id, keptReport.read());
                } else {
                    unread.add(id);
                }
            }
            stored.materialized(unread, year).forEach((id, report) -> {
                RollupSum.Read read = RollupSum.read(report.json(), year, format);
                if (report.version() != null) {
                    kept.put(id + "|" + year, new KeptReport(report.version(), read));
                }
                result.put(id, read);
            });
        }
        for (String id : ids) {
            if (!result.containsKey(id)) {
                result.put(id, RollupSum.read(reports.current(reports.request(id, year, format.code(), null)), year,
                        format));
            }
        }
        return result;
    }

    /**
     * Each agency's own report of each year as its canonical JSON, by year then agency: the materialised one when it
     * is in the shape asked for (the format in force), read in one query by {@code _id}; otherwise the report as the
     * agency's report endpoint answers it.
     */
    private Map<Integer, Map<String, String>> reportsOf(List<String> ids, List<Integer> years, ReportFormat format) {
        Map<String, Map<Integer, String>> materialized = years.stream().allMatch(y -> ReportFormat.forYear(y) == format)
                ? stored.materializedJson(ids, years) : Map.of();
        Map<Integer, Map<String, String>> result = new LinkedHashMap<>();
        for (int year : years) {
            Map<String, String> own = new LinkedHashMap<>();
            for (String id : ids) {
                String json = materialized.getOrDefault(id, Map.of()).get(year);
                own.put(id, json != null ? json : reports.current(reports.request(id, year, format.code(), null)));
            }
            result.put(year, own);
        }
        return result;
    }
}
