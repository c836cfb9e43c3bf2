package cn.gongkai.ledger.report.fold;

import static cn.gongkai.ledger.report.fold.ReportFormat.DECISIONS;
import static cn.gongkai.ledger.report.fold.ReportFormat.DECISIONS_2019;
import static cn.gongkai.ledger.report.fold.ReportFormat.FEES;
import static cn.gongkai.ledger.report.fold.ReportFormat.IN_FORCE;
import static cn.gongkai.ledger.report.fold.ReportFormat.ISSUED;
import static cn.gongkai.ledger.report.fold.ReportFormat.ITEMS_CHANGE;
import static cn.gongkai.ledger.report.fold.ReportFormat.ITEMS_LAST_YEAR;
import static cn.gongkai.ledger.report.fold.ReportFormat.NEWLY_MADE;
import static cn.gongkai.ledger.report.fold.ReportFormat.NEWLY_PUBLISHED;
import static cn.gongkai.ledger.report.fold.ReportFormat.PROCUREMENT_AMOUNT;
import static cn.gongkai.ledger.report.fold.ReportFormat.PROCUREMENT_PROJECTS;
import static cn.gongkai.ledger.report.fold.ReportFormat.PROCUREMENT_ROW;
import static cn.gongkai.ledger.report.fold.ReportFormat.PUBLISHED_TOTAL;
import static cn.gongkai.ledger.report.fold.ReportFormat.REPEALED;

import cn.gongkai.ledger.api.agency.AgencyLifecycle;
import cn.gongkai.ledger.api.agency.AgencyLifecycle.Decisions;
import cn.gongkai.ledger.api.agency.AgencyLifecycle.Document;
import cn.gongkai.ledger.api.agency.AgencyLifecycle.Fees;
import cn.gongkai.ledger.api.agency.AgencyLifecycle.ItemCount;
import cn.gongkai.ledger.api.agency.AgencyLifecycle.Procurement;
import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.LedgerEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Table 二 of a year folded from the agency's register, which is the state the one {@link AgencyLifecycle} builds
 * from the agency aggregate's events (the state the aggregate's rules read): this class only queries it by date.
 * Documents repealed or expired without a recorded issue are not in the register (the lifecycle ignores such events;
 * the aggregate refuses them).
 */
final class AgencyRegister {
    private final AgencyLifecycle.State state;

    private AgencyRegister(AgencyLifecycle.State state) {
        this.state = state;
    }

    static AgencyRegister replay(List<LedgerEvent> events) {
        return of(AgencyLifecycle.replay(events));
    }

    static AgencyRegister of(AgencyLifecycle.State state) {
        return new AgencyRegister(state);
    }

    /** The lifecycle state the register is read from. */
    AgencyLifecycle.State state() {
        return state;
    }

    /**
     * The table-四 counting policy for {@code year}: {@code requested} when the query names one (a what-if view),
     * else the one the agency set for the year (the default when it set none).
     */
    AppealPolicy.Applied appealPolicy(int year, AppealPolicy requested) {
        return AppealPolicy.applied(state.appealPolicyIn(year), requested);
    }

    String name() {
        return state.name();
    }

    /** The first year the ledger covers, when it was opened with opening balances; null otherwise. */
    Integer firstYear() {
        return state.firstYear();
    }

    /**
     * The documents of a kind in force at the end of {@code day}: those registered one by one, plus those counted
     * as in force when the ledger opened (on the last day of the year before; they leave no trace of repeal).
     */
    private int inForce(NormativeDocumentKind kind, LocalDate day) {
        Integer firstYear = state.firstYear();
        int counted = firstYear != null && !day.isBefore(LocalDate.of(firstYear - 1, 12, 31))
                ? state.openingInForce().getOrDefault(kind, 0) : 0;
        return documents(kind, inForceOn(day)) + counted;
    }

    /** Table 二 of the period (the year) in {@code format}, every cell filled. */
    Map<String, Map<String, BigDecimal>> table2(ReportPeriod period, ReportFormat format) {
        return format == ReportFormat.Y2021 ? table2021(period) : table2019(period);
    }

    /**
     * The 2021 format: 本年制发件数 = documents issued in Y; 本年废止件数 = documents repealed in Y; 现行有效件数 =
     * in force at the end of 31 Dec Y (see {@link CountingRules#inForceOn}); 本年处理决定数量 = decisions tallied
     * with a decision date in Y; 本年收费金额 = fees collected in Y, in 万元 ({@link CountingRules#tenThousandYuan}).
     * For any other period, "in Y" is "in the period" and 31 Dec Y its last day.
     */
    private Map<String, Map<String, BigDecimal>> table2021(ReportPeriod period) {
        Map<String, Map<String, BigDecimal>> table = new LinkedHashMap<>();
        for (NormativeDocumentKind kind : NormativeDocumentKind.values()) {
            table.put(ReportFormat.Y2021.table2Row(kind), row(
                    ISSUED, documents(kind, d -> period.contains(d.issuedOn())),
                    REPEALED, documents(kind, d -> d.repealedOn() != null && period.contains(d.repealedOn())),
                    IN_FORCE, inForce(kind, period.to())));
        }
        for (Article20Category category : List.of(Article20Category.LICENSING, Article20Category.PENALTY,
                Article20Category.ENFORCEMENT)) {
            table.put(category.key(), row(DECISIONS, decisionsIn(category, period)));
        }
        BigDecimal yuan = state.fees().stream().filter(f -> period.contains(f.collectedOn()))
                .map(Fees::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        table.put(Article20Category.ADMINISTRATIVE_FEE.key(), Map.of(FEES, CountingRules.tenThousandYuan(yuan)));
        return table;
    }

    /**
     * The 2019 format, mapped from the same register:
     * <ul>
     * <li>规章 / 规范性文件: 本年新制作数量 = documents issued in Y; 本年新公开数量 = documents issued in Y too (a
     * rule or normative document is published when issued, and the ledger records no separate publication);
     * 对外公开总数量 = documents in force at the end of 31 Dec Y (what the public can consult, not a cumulative
     * count of everything ever issued).</li>
     * <li>行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费: 上一年项目数量 = the latest catalogue count
     * ({@code ServiceItemsCounted}) dated on or before 31 Dec Y−1, 0 when none; 本年增/减 = the latest count dated on
     * or before 31 Dec Y minus 上一年项目数量 (may be negative); 处理决定数量 = decisions tallied in Y.</li>
     * <li>政府集中采购: 采购项目数量 = projects contracted in Y; 采购总金额 = their amount, in 万元 as
     * {@link CountingRules#tenThousandYuan}.</li>
     * </ul>
     * For any other period, "Y" is the period, 31 Dec Y its last day and 31 Dec Y−1 the day before it.
     */
    private Map<String, Map<String, BigDecimal>> table2019(ReportPeriod period) {
        Map<String, Map<String, BigDecimal>> table = new LinkedHashMap<>();
        for (NormativeDocumentKind kind : NormativeDocumentKind.values()) {
            int issued = documents(kind, d -> period.contains(d.issuedOn()));
            table.put(ReportFormat.Y2019.table2Row(kind), row(NEWLY_MADE, issued, NEWLY_PUBLISHED, issued,
                    PUBLISHED_TOTAL, inForce(kind, period.to())));
        }
        for (Article20Category category : Article20Category.values()) {
            int lastYear = itemsAtEndOf(category, period.from().minusDays(1));
            int change = itemsAtEndOf(category, period.to()) - lastYear;
            table.put(category.key(), category.talliesDecisions()
                    ? row(ITEMS_LAST_YEAR, lastYear, ITEMS_CHANGE, change, DECISIONS_2019, decisionsIn(category, period))
                    : row(ITEMS_LAST_YEAR, lastYear, ITEMS_CHANGE, change));
        }
        List<Procurement> inYear = state.procurements().stream().filter(p -> period.contains(p.contractedOn()))
                .toList();
        BigDecimal yuan = inYear.stream().map(Procurement::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> procurement = new LinkedHashMap<>();
        procurement.put(PROCUREMENT_PROJECTS,
                BigDecimal.valueOf(inYear.stream().mapToInt(Procurement::projectCount).sum()));
        procurement.put(PROCUREMENT_AMOUNT, CountingRules.tenThousandYuan(yuan));
        table.put(PROCUREMENT_ROW, procurement);
        return table;
    }

    private static Predicate<Document> inForceOn(LocalDate lastDay) {
        return d -> CountingRules.inForceOn(lastDay, d.issuedOn(), d.repealedOn(), d.expiredOn());
    }

    private int documents(NormativeDocumentKind kind, Predicate<Document> which) {
        return (int) state.documents().values().stream().filter(d -> d.kind() == kind).filter(which).count();
    }

    private int decisionsIn(Article20Category category, ReportPeriod period) {
        return state.decisions().stream().filter(d -> d.category() == category && period.contains(d.decidedOn()))
                .mapToInt(Decisions::count).sum();
    }

    /** The latest catalogue count dated on or before {@code lastDay} (later-recorded wins a tie); 0 when none. */
    private int itemsAtEndOf(Article20Category category, LocalDate lastDay) {
        ItemCount latest = null;
        for (ItemCount c : state.itemCounts()) {
            if (c.category() == category && !c.asOf().isAfter(lastDay)
                    && (latest == null || !c.asOf().isBefore(latest.asOf()))) {
                latest = c;
            }
        }
        return latest == null ? 0 : latest.count();
    }

    private static Map<String, BigDecimal> row(Object... columnsAndCounts) {
        Map<String, BigDecimal> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndCounts.length; i += 2) {
            row.put((String) columnsAndCounts[i], BigDecimal.valueOf((Integer) columnsAndCounts[i + 1]));
        }
        return row;
    }
}
