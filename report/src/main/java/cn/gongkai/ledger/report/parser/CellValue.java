package cn.gongkai.ledger.report.parser;

import cn.gongkai.ledger.report.fold.CountingRules;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a value cell of a published table holds: a number, perhaps with its unit ({@code 251000元},
 * {@code 73802895.90元}, {@code 12.5万元}, {@code 3件}, {@code 2个}), thousands separators allowed; or nothing (an
 * empty cell or a dash, which is blank). Any other text is not a value (a label).
 *
 * @param number the number as printed, {@code null} for a blank cell
 * @param unit   the unit printed with it ({@code 元}, {@code 万元}, {@code 件}, {@code 个}), or {@code null}
 */
record CellValue(BigDecimal number, String unit) {
    private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(万元|元|件|个)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("[-—–/]+");

    /** Whether {@code cell} is a value cell: empty, a dash, or a number with or without its unit. */
    static boolean isValue(String cell) {
        String c = compact(cell);
        return c.isEmpty() || NUMBER.matcher(c).matches() || PLACEHOLDER.matcher(c).matches();
    }

    /** Whether {@code cell} holds a number (not a blank). */
    static boolean isNumber(String cell) {
        return NUMBER.matcher(compact(cell)).matches();
    }

    /** The value of a value cell (see {@link #isValue}). */
    static CellValue of(String cell) {
        Matcher m = NUMBER.matcher(compact(cell));
        return m.matches() ? new CellValue(new BigDecimal(m.group(1)), m.group(2)) : new CellValue(null, null);
    }

    /**
     * The number in 万元, the unit of table 二's amount column: an amount printed in 元 is converted exactly
     * ({@link CountingRules#tenThousandYuan}: {@code 251000元} is {@code 25.1}); one printed in 万元 or without a
     * unit is taken as it is.
     */
    BigDecimal inWanYuan() {
        return number != null && "元".equals(unit) ? CountingRules.tenThousandYuan(number) : number;
    }

    private static String compact(String cell) {
        return Labels.compact(cell).replace(",", "");
    }
}
