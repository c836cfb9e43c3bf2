package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of table 三 of one period in one format, case by case: the one place a request case is counted. For
 * the annual report (the year Y): 一 = received in it; 二 = received before its first day and not concluded before
 * it; 三.* = concluded in it under the counted outcome; 四 = received by its last day and not concluded by then;
 * 三.七 and 总计 are sums. A case is counted in ({@code +1}) or taken out again ({@code -1}), so that the counts of
 * a year can be kept while cases change ({@link AgencyCases}): the table after any sequence of counts and
 * take-outs is the table of the cases counted in and not taken out.
 */
final class Table3Counts {
    private final ReportPeriod period;
    private final List<String> rows;
    private final List<String> columns;
    private final int receivedRow;
    private final int carriedOverRow;
    private final int concludedRow;
    private final int carriedForwardRow;
    private final int[] outcomeRow = new int[Outcome.values().length];
    private final int[] column = new int[ApplicantType.values().length];
    private final int total;
    private final int[][] counts;

    Table3Counts(ReportPeriod period, ReportFormat format) {
        this.period = period;
        this.rows = format.table3Rows();
        this.columns = ReportFormat.table3Columns();
        this.receivedRow = rows.indexOf(ReportFormat.RECEIVED);
        this.carriedOverRow = rows.indexOf(ReportFormat.CARRIED_OVER);
        this.concludedRow = rows.indexOf(ReportFormat.CONCLUDED_TOTAL);
        this.carriedForwardRow = rows.indexOf(ReportFormat.CARRIED_FORWARD);
        for (Outcome outcome : Outcome.values()) {
            outcomeRow[outcome.ordinal()] = rows.indexOf(format.rowOf(outcome));
        }
        for (ApplicantType type : ApplicantType.values()) {
            column[type.ordinal()] = columns.indexOf(type.key());
        }
        this.total = columns.indexOf(ApplicantType.TOTAL);
        this.counts = new int[rows.size()][columns.size()];
    }

    /**
     * Counts the case in the cells it belongs to ({@code sign} 1) or takes it out of them ({@code -1}); with
     * {@code sources} (counting in only), also records it as a source of each cell and of its row's 总计.
     */
    void count(RequestCase r, int sign, Map<String, List<CellSource>> sources) {
        LocalDate firstDay = period.from();
        LocalDate lastDay = period.to();
        int c = column[r.column().ordinal()];
        LocalDate received = r.receivedOn();
        LocalDate concluded = r.concludedOn();
        if (period.contains(received)) {
            add(receivedRow, c, sign, sources, r.intake());
        }
        if (received.isBefore(firstDay) && (concluded == null || !concluded.isBefore(firstDay))) {
            add(carriedOverRow, c, sign, sources, r.intake());
        }
        if (concluded != null && period.contains(concluded)) {
            add(outcomeRow[r.outcome().ordinal()], c, sign, sources, r.conclusion());
            add(concludedRow, c, sign, sources, r.conclusion());
        }
        if (!received.isAfter(lastDay) && (concluded == null || concluded.isAfter(lastDay))) {
            add(carriedForwardRow, c, sign, sources, r.intake());
        }
    }

    private void add(int row, int c, int sign, Map<String, List<CellSource>> sources, CellSource source) {
        counts[row][c] += sign * CountingRules.UNITS_PER_REQUEST;
        counts[row][total] += sign * CountingRules.UNITS_PER_REQUEST;
        if (sources != null) {
            record(sources, AnnualReport.cell("table3", rows.get(row), columns.get(c)), source);
            record(sources, AnnualReport.cell("table3", rows.get(row), ApplicantType.TOTAL), source);
        }
    }

    static void record(Map<String, List<CellSource>> sources, String cell, CellSource source) {
        sources.computeIfAbsent(cell, k -> new ArrayList<>()).add(source);
    }

    /** The table as the report states it: every row of the format, every column. */
    Map<String, Map<String, Integer>> table() {
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (int row = 0; row < rows.size(); row++) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            for (int col = 0; col < columns.size(); col++) {
                cells.put(columns.get(col), counts[row][col]);
            }
            table.put(rows.get(row), cells);
        }
        return table;
    }
}
