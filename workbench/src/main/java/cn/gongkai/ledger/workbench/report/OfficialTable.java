package cn.gongkai.ledger.workbench.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One statistical table of the annual report as the official format prints it: rows of cells with their merges.
 * Every export (HTML and so PDF, DOCX, XLSX) draws from this one layout.
 *
 * @param heading the section heading printed above the table (二、主动公开政府信息情况 …)
 * @param width   the number of grid columns
 * @param note    a note printed in the table, or null
 */
public record OfficialTable(String id, String heading, int width, List<List<Cell>> rows, String note) {

    /**
     * A cell: a label ({@code header}: a heading of rows or columns), or a value with its report address
     * ({@code table3/三.七/自然人}); {@code amount} values are 万元 decimals, the others counts.
     */
    public record Cell(String text, int colspan, int rowspan, boolean header, String address, BigDecimal value,
                       boolean amount) {
        public static Cell label(String text, int colspan, int rowspan) {
            return new Cell(text, colspan, rowspan, false, null, null, false);
        }

        public static Cell heading(String text, int colspan, int rowspan) {
            return new Cell(text, colspan, rowspan, true, null, null, false);
        }

        public static Cell value(String address, BigDecimal value, boolean amount, int colspan) {
            return new Cell(value == null ? "" : value.toPlainString(), colspan, 1, false, address, value, amount);
        }

        public boolean isValue() {
            return address != null;
        }
    }

    /** A placed cell: its top-left grid position. */
    public record Placed(Cell cell, int row, int column) {
    }

    /** The cells with their grid positions, resolving the merges row by row (as HTML lays out a table). */
    public List<Placed> placed() {
        List<Placed> placed = new ArrayList<>();
        boolean[][] taken = new boolean[rows.size()][width];
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Cell cell : rows.get(r)) {
                while (c < width && taken[r][c]) {
                    c++;
                }
                placed.add(new Placed(cell, r, c));
                for (int dr = 0; dr < cell.rowspan() && r + dr < rows.size(); dr++) {
                    for (int dc = 0; dc < cell.colspan() && c + dc < width; dc++) {
                        taken[r + dr][c + dc] = true;
                    }
                }
                c += cell.colspan();
            }
        }
        return placed;
    }
}
