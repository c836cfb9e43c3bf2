package cn.gongkai.ledger.report.diff;

import cn.gongkai.ledger.report.fold.AnnualReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cell-by-cell difference of two versions of a report, for the revision of a published year: fold the
 * events with the published {@code asOf}, fold them again now, and list what changed. Cells are compared by
 * value ({@code 1.50} equals {@code 1.5}); a cell only one version has (formats differ) counts as blank in the
 * other.
 */
public final class ReportDiff {
    private ReportDiff() {
    }

    /** The cells whose value differs, in official order (those of {@code before} first). */
    public static List<CellChange> diff(AnnualReport before, AnnualReport after) {
        Map<String, BigDecimal> a = before.cells();
        Map<String, BigDecimal> b = after.cells();
        Set<String> cells = new LinkedHashSet<>(a.keySet());
        cells.addAll(b.keySet());
        List<CellChange> changes = new ArrayList<>();
        for (String cell : cells) {
            BigDecimal x = a.get(cell);
            BigDecimal y = b.get(cell);
            if (x == null ? y != null : y == null || x.compareTo(y) != 0) {
                changes.add(new CellChange(cell, x, y));
            }
        }
        return changes;
    }
}
