package cn.gongkai.ledger.report.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits the text of a published table into its cells, whatever the layout it was copied in:
 * <ul>
 * <li>tab-separated rows ({@code 一、\t本年新收…\t0\t0}, a leading tab being an empty first cell); but a line with
 * a single tab, at its start, is the one-cell-per-line layout ({@code \t0}): one cell, {@code \t} alone a blank
 * one;</li>
 * <li>{@code |}-separated cells ({@code 0 |} per line, {@code  |} alone a blank one, or markdown {@code | a | b |}
 * rows); a line of nothing but two or more {@code |}, {@code -}, {@code :} and spaces is padding (the merged cells
 * of the one-cell-per-line layout, {@code ||}) or a markdown rule and gives no cell;</li>
 * <li>any other non-empty line is one cell (a label wrapped over several lines gives several cells);</li>
 * <li>but a cell wrapped onto the next line is one cell: a number (with or without its unit) alone on the line
 * right after a line that ended in a tab ({@code \t} alone, or a row ending in an empty cell) is the value of that
 * empty cell, and a {@code |} alone right after a line without separator ends that line's cell (the
 * {@code |}-per-line layout) instead of giving a blank one.</li>
 * </ul>
 * Cells are trimmed; the text is expected in NFKC form already (full-width spaces become spaces).
 */
final class TextCells {
    private static final Pattern PADDING = Pattern.compile("[|\\s:\\-]*");

    private TextCells() {
    }

    static List<String> of(List<String> lines) {
        List<String> cells = new ArrayList<>();
        String previous = "";
        for (String line : lines) {
            boolean bare = line.indexOf('\t') < 0 && line.indexOf('|') < 0;
            boolean openCell = previous.endsWith("\t") && !cells.isEmpty() && cells.get(cells.size() - 1).isEmpty();
            if (bare && openCell && CellValue.isNumber(line)) {
                cells.set(cells.size() - 1, line.strip());
            } else if (line.strip().equals("|") && !previous.isBlank() && previous.indexOf('\t') < 0
                    && previous.indexOf('|') < 0) {
                // the cell of the previous line ends here
            } else if (line.startsWith("\t") && line.indexOf('\t', 1) < 0) {
                cells.add(line.substring(1).strip());
            } else if (line.indexOf('\t') >= 0) {
                split(line, "\t", cells);
            } else if (line.indexOf('|') >= 0) {
                String stripped = line.strip();
                if (stripped.equals("|")) {
                    cells.add("");
                } else if (!PADDING.matcher(stripped).matches()) {
                    String inner = stripped.startsWith("|") ? stripped.substring(1) : stripped;
                    split(inner.endsWith("|") ? inner.substring(0, inner.length() - 1) : inner, "\\|", cells);
                }
            } else if (!line.isBlank()) {
                cells.add(line.strip());
            }
            previous = line;
        }
        return cells;
    }

    private static void split(String line, String separator, List<String> cells) {
        for (String cell : line.split(separator, -1)) {
            cells.add(cell.strip());
        }
    }
}
