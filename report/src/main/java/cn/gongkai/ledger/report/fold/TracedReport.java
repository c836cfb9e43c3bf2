package cn.gongkai.ledger.report.fold;

import java.util.List;
import java.util.Map;

/**
 * A folded report with, for every cell of tables 三 and 四 (by its {@linkplain AnnualReport#cell address}), the
 * cases it counts: produced by the same fold as the report ({@link ReportFold#trace}), so a cell's value is
 * always the number of its sources.
 */
public record TracedReport(AnnualReport report, Map<String, List<CellSource>> sources) {

    /** The cases counted in a cell; empty for a cell that counts none (or is not in table 三 or 四). */
    public List<CellSource> sourcesOf(String cell) {
        return sources.getOrDefault(cell, List.of());
    }
}
