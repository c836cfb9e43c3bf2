package cn.gongkai.ledger.report.checker;

import static cn.gongkai.ledger.report.fold.AnnualReport.cell;

import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AnnualReport.Check;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.CellSource;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.TracedReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rule that ties a year to the one before: this year's 三 {@code 二} (上年结转) equals last year's 三 {@code 四}
 * (结转下年度继续办理), column by column; and, when both years count table 四 by {@link AppealPolicy#OPEN_IN_YEAR}
 * (a case is counted in every year it is open), every case last year's table 四 reported 尚未审结 is counted in this
 * year's table 四, in its group — under {@link AppealPolicy#FILED_IN_YEAR} a case is counted only in its filing
 * year, so the years are not compared. One rule for the checker of typed-in reports (counts only) and for the
 * served report, which compares the report with last year's published version and names the cases counted in one
 * and not the other (from the fold traced at the publication's watermark). Within one ledger both years are folded
 * from the same events and always agree; a difference means migrated data (a ledger opened with pending requests
 * that do not match the last published report) or a published year changed since.
 */
public final class CarryOver {
    /** Table 三, per column: 二 = last year's 四. */
    public static final String CARRY_OVER = ReportChecker.CARRY_OVER;
    /** Table 四, per group (both years {@code OPEN_IN_YEAR}): every case pending at the end of last year is counted. */
    public static final String APPEALS_CARRY_OVER = "appeals-carry-over";

    private CarryOver() {
    }

    /**
     * One difference between the two years.
     *
     * @param cell         this year's cell ({@code table3/二/自然人}, or {@code table4/复议.总计})
     * @param lastYearCell last year's cell it is compared with ({@code table3/四/自然人}, {@code table4/复议.尚未审结})
     * @param thisYear     this year's value
     * @param lastYear     last year's stated value
     * @param onlyThisYear the cases this year counts and last year did not (empty when only counts are known)
     * @param onlyLastYear the cases last year counted and this year does not
     */
    public record Difference(String rule, String cell, String lastYearCell, int thisYear, int lastYear,
                             List<String> onlyThisYear, List<String> onlyLastYear) {
        public Difference {
            onlyThisYear = List.copyOf(onlyThisYear);
            onlyLastYear = List.copyOf(onlyLastYear);
        }
    }

    /** The differences of two reports whose cases are not known (typed-in or parsed): by counts only. */
    public static List<Difference> differences(AnnualReport report, AnnualReport lastYear) {
        return differences(report, null, lastYear, null);
    }

    /**
     * The differences of this year's folded report and last year's {@code lastYearStated} tables (a published
     * version), naming the cases from the traces (this year's, and last year's at the publication's watermark).
     */
    public static List<Difference> differences(TracedReport thisYear, AnnualReport lastYearStated,
                                               TracedReport lastYearTraced) {
        return differences(thisYear.report(), thisYear, lastYearStated, lastYearTraced);
    }

    private static List<Difference> differences(AnnualReport report, TracedReport thisTrace, AnnualReport lastYear,
                                                TracedReport lastTrace) {
        if (lastYear.year() != report.year() - 1) {
            throw new IllegalArgumentException("last year's report is for " + lastYear.year() + ", not " + (report.year() - 1));
        }
        boolean traced = thisTrace != null && lastTrace != null;
        List<Difference> found = new ArrayList<>();
        for (String column : ReportFormat.table3Columns()) {
            String here = cell("table3", ReportFormat.CARRIED_OVER, column);
            String there = cell("table3", ReportFormat.CARRIED_FORWARD, column);
            Integer carriedOver = report.table3().get(ReportFormat.CARRIED_OVER).get(column);
            Integer carriedForward = lastYear.table3().get(ReportFormat.CARRIED_FORWARD).get(column);
            if (carriedOver == null || carriedForward == null) {
                continue;
            }
            List<String> onlyHere = traced ? minus(thisTrace.sourcesOf(here), lastTrace.sourcesOf(there)) : List.of();
            List<String> onlyThere = traced ? minus(lastTrace.sourcesOf(there), thisTrace.sourcesOf(here)) : List.of();
            if (!Objects.equals(carriedOver, carriedForward) || !onlyHere.isEmpty() || !onlyThere.isEmpty()) {
                found.add(new Difference(CARRY_OVER, here, there, carriedOver, carriedForward, onlyHere, onlyThere));
            }
        }
        if (report.appealPolicy() == AppealPolicy.OPEN_IN_YEAR && lastYear.appealPolicy() == AppealPolicy.OPEN_IN_YEAR) {
            for (String group : ReportFormat.table4Groups()) {
                String here = cell("table4", ReportFormat.table4Key(group, AppealOutcome.TOTAL_KEY));
                String there = cell("table4", ReportFormat.table4Key(group, AppealOutcome.PENDING_KEY));
                Integer counted = report.table4().get(ReportFormat.table4Key(group, AppealOutcome.TOTAL_KEY));
                Integer pending = lastYear.table4().get(ReportFormat.table4Key(group, AppealOutcome.PENDING_KEY));
                if (counted == null || pending == null) {
                    continue;
                }
                List<String> notCounted = traced ? minus(lastTrace.sourcesOf(there), thisTrace.sourcesOf(here)) : List.of();
                if (counted < pending || !notCounted.isEmpty()) {
                    found.add(new Difference(APPEALS_CARRY_OVER, here, there, counted, pending, List.of(), notCounted));
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * The checks the differences break, one per difference, its message naming the cases.
     *
     * @param lastYearName how the message names last year's report ({@code 上一年度报告}, {@code 2024年度已发布报告（第1版）})
     */
    public static List<Check> checks(List<Difference> differences, String lastYearName) {
        List<Check> checks = new ArrayList<>();
        for (Difference d : differences) {
            String zh;
            String en;
            if (d.rule().equals(CARRY_OVER)) {
                zh = d.thisYear() != d.lastYear()
                        ? "上年结转 " + d.thisYear() + " 不等于" + lastYearName + "的结转下年度继续办理 " + d.lastYear()
                        : "上年结转与" + lastYearName + "的结转下年度继续办理均为 " + d.thisYear() + "，但所计案件不同";
                en = d.thisYear() != d.lastYear()
                        ? "二 (" + d.thisYear() + ") is not last year's 四 (" + d.lastYear() + ")"
                        : "二 and last year's 四 are both " + d.thisYear() + " but count different cases";
                zh += cases("；本年上年结转计入、上年未结转：", d.onlyThisYear()) + cases("；上年结转、本年上年结转未计入：", d.onlyLastYear());
                en += cases("; in 二, not carried forward last year: ", d.onlyThisYear())
                        + cases("; carried forward last year, not in 二: ", d.onlyLastYear());
            } else {
                zh = lastYearName + "的" + d.lastYearCell().substring("table4/".length()) + "为 " + d.lastYear()
                        + "，本年" + d.cell().substring("table4/".length()) + "仅 " + d.thisYear()
                        + "：上年尚未审结的案件本年应当继续统计" + cases("；本年未统计：", d.onlyLastYear());
                en = "last year's " + d.lastYearCell() + " is " + d.lastYear() + " but this year's " + d.cell() + " is "
                        + d.thisYear() + ": a case pending at the end of last year is counted this year"
                        + cases("; not counted this year: ", d.onlyLastYear());
                if (d.thisYear() >= d.lastYear()) {
                    zh = lastYearName + "尚未审结的案件本年未统计" + cases("：", d.onlyLastYear());
                    en = "cases pending at the end of last year are not counted this year" + cases(": ", d.onlyLastYear());
                }
            }
            checks.add(new Check(d.rule(), d.cell(), zh + " / " + en));
        }
        return List.copyOf(checks);
    }

    private static String cases(String lead, List<String> ids) {
        return ids.isEmpty() ? "" : lead + String.join("、", ids);
    }

    /** The case ids of {@code a} that {@code b} does not have, each once, in {@code a}'s order. */
    private static List<String> minus(List<CellSource> a, List<CellSource> b) {
        Set<String> other = new LinkedHashSet<>();
        b.forEach(s -> other.add(s.caseId()));
        Set<String> result = new LinkedHashSet<>();
        a.stream().map(CellSource::caseId).filter(id -> !other.contains(id)).forEach(result::add);
        return List.copyOf(result);
    }
}
