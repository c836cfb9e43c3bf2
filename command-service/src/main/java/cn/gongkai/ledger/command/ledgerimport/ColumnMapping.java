package cn.gongkai.ledger.command.ledgerimport;

import cn.gongkai.ledger.api.request.LedgerField;
import cn.gongkai.ledger.api.common.RuleViolation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which header of a 台账 holds which {@link LedgerField}: given (remembered per agency) or suggested from the headers. */
public record ColumnMapping(Map<LedgerField, String> columns) {
    public ColumnMapping {
        columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
    }

    /** The fields whose label or synonym is a header of the file. */
    public static ColumnMapping suggest(List<String> headers) {
        Map<LedgerField, String> columns = new EnumMap<>(LedgerField.class);
        for (LedgerField field : LedgerField.values()) {
            headers.stream().filter(field::matches).findFirst().ifPresent(h -> columns.put(field, h));
        }
        return new ColumnMapping(columns);
    }

    /** This mapping, completed by the suggestion for the fields it leaves out. */
    public ColumnMapping orSuggested(List<String> headers) {
        Map<LedgerField, String> merged = new EnumMap<>(LedgerField.class);
        merged.putAll(suggest(headers).columns());
        merged.putAll(columns);
        return new ColumnMapping(merged);
    }

    String header(LedgerField field) {
        return columns.get(field);
    }

    /**
     * Refuses a mapping that names a header the file does not have, or leaves a required field unmapped.
     */
    void requireFits(List<String> headers) {
        List<String> problems = new ArrayList<>();
        columns.forEach((field, header) -> {
            if (!headers.contains(header)) {
                problems.add(field.label() + " → “" + header + "”（文件中没有此列 / no such column）");
            }
        });
        for (LedgerField field : LedgerField.values()) {
            if (field.required() && !columns.containsKey(field)) {
                problems.add(field.label() + "（必填，未对应任何列 / required, mapped to no column）");
            }
        }
        if (!problems.isEmpty()) {
            throw RuleViolation.unprocessable("COLUMN_MAPPING_INCOMPLETE", "列对应不完整：" + String.join("；", problems)
                    + "。文件的列：" + headers, "The column mapping does not fit the file: " + String.join("; ", problems)
                    + ". The file's columns: " + headers);
        }
    }
}
