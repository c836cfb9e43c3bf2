package cn.gongkai.ledger.report.narrative;

import java.math.BigDecimal;
import java.util.List;

/**
 * A number the report's text states, with the table cells it is the sum of ({@link
 * cn.gongkai.ledger.report.fold.AnnualReport#cell addresses}).
 *
 * @param key   the placeholder name in a narrative template ({@code {{received}}})
 * @param label what the number is, in Chinese (本年新收政府信息公开申请)
 * @param unit  {@code 件} for a count, {@code 万元} for an amount
 * @param value the sum of {@code cells}; null when one of them is blank
 */
public record Figure(String key, String label, String unit, List<String> cells, BigDecimal value) {
    public Figure {
        cells = List.copyOf(cells);
    }

    /** The value as the text states it: a plain number without trailing zeros. */
    public String text() {
        return value == null ? "（空）" : value.stripTrailingZeros().toPlainString();
    }
}
