package cn.gongkai.ledger.command.ledgerimport;

import java.util.List;
import java.util.Map;

/**
 * A spreadsheet's first sheet (or a CSV file) as text: its header row and its data rows, each cell by header.
 * {@code number} is the row's number as the office sees it (the header is row 1).
 */
public record Sheet(List<String> headers, List<Row> rows) {
    public record Row(int number, Map<String, String> cells) {
        /** The cell under {@code header}, stripped; empty when blank or when there is no such header. */
        String cell(String header) {
            String value = header == null ? null : cells.get(header);
            return value == null ? "" : value.strip();
        }
    }

    public Sheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
