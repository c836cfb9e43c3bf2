package cn.gongkai.ledger.report.rollup;

import cn.gongkai.ledger.report.checker.ReportChecker;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.narrative.NarrativeFigures;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running sum of a roll-up: its members' reports added one at a time, cell by cell, as {@link AnnualReport}s or
 * straight from their canonical JSON (read as a stream of tokens, no tree and no report built: a superior with a
 * thousand agencies sums their stored reports in milliseconds). A member not covered (its year lies before its
 * ledger was opened) is listed with its totals blank and left out of the sum; a blank cell of a covered member makes
 * the sum's cell blank. The result is checked by {@link ReportChecker} like any report.
 */
public final class RollupSum {
    /**
     * What the roll-up lists of one member: its agency, table-四 policy, whether its report is covered, and its
     * {@link Rollup#TOTALS} (null where blank; all null when not covered).
     */
    public record Member(String agencyId, String name, AppealPolicy appealPolicy, boolean covered,
                         Map<String, Integer> totals) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<ReportFormat, Layout> LAYOUTS = Collections.synchronizedMap(new EnumMap<>(ReportFormat.class));

    private final int year;
    private final ReportFormat format;
    private final Layout layout;
    private final long[] counts;
    private final BigDecimal[] amounts;
    private final boolean[] blank;
    private final Set<AppealPolicy> policies = new LinkedHashSet<>();
    private OffsetDateTime asOf;
    private int counted;

    public RollupSum(int year, ReportFormat format) {
        this.year = year;
        this.format = format;
        this.layout = LAYOUTS.computeIfAbsent(format, Layout::new);
        this.counts = new long[layout.size];
        this.amounts = new BigDecimal[layout.size];
        this.blank = new boolean[layout.size];
    }

    /** Adds a member's report; covered unless it carries the {@link ReportFold#NOT_COVERED} check. */
    public Member add(AnnualReport report) {
        return add(report, Rollup.covered(report));
    }

    /** Adds a member's report (a period's figures say themselves whether they are covered). */
    public Member add(AnnualReport report, boolean covered) {
        if (report.year() != year || report.format() != format) {
            throw mismatch(report.agency().id(), report.year(), report.format().code());
        }
        Values values = new Values(layout.size);
        report.cells().forEach((cell, value) -> {
            int ordinal = layout.ordinal(cell);
            values.set(ordinal, value, layout.amount[ordinal]);
        });
        return add(new Parsed(report.agency().id(), report.agency().name(), report.asOf(), report.appealPolicy(),
                covered, values));
    }

    /**
     * Adds a member's report from its canonical JSON ({@code ReportJson}).
     *
     * @throws IllegalArgumentException when it is not such a report, or of another year or format
     */
    public Member add(String reportJson) {
        try (JsonParser parser = JSON.createParser(reportJson)) {
            return add(parse(parser));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A member's report read once from its canonical JSON, to be added to any number of sums of its year and format
     * ({@link #add(Read)}): what a roll-up keeps of a stored report between reads. Immutable.
     */
    public static final class Read {
        private final int year;
        private final ReportFormat format;
        private final Parsed parsed;

        private Read(int year, ReportFormat format, Parsed parsed) {
            this.year = year;
            this.format = format;
            this.parsed = parsed;
        }
    }

    /**
     * Reads a member's report from its canonical JSON for sums of {@code year} in {@code format}.
     *
     * @throws IllegalArgumentException when it is not such a report, or of another year or format
     */
    public static Read read(String reportJson, int year, ReportFormat format) {
        RollupSum reader = new RollupSum(year, format);
        try (JsonParser parser = JSON.createParser(reportJson)) {
            return new Read(year, format, reader.parse(parser));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a member's report read before ({@link #read}); the same as adding its JSON. */
    public Member add(Read member) {
        if (member.year != year || member.format != format) {
            throw mismatch(member.parsed.agencyId(), member.year, member.format.code());
        }
        return add(member.parsed);
    }

    /** The sum of the covered members as the report of {@code agency}, with the checks of {@link ReportChecker}. */
    public AnnualReport result(AnnualReport.Agency agency) {
        Map<String, Map<String, BigDecimal>> table2 = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> table3 = new LinkedHashMap<>();
        Map<String, Integer> table4 = new LinkedHashMap<>();
        for (int i = 0; i < layout.size; i++) {
            String[] key = layout.keys.get(i);
            boolean none = counted == 0 || blank[i];
            switch (key[0]) {
                case "table2" -> table2.computeIfAbsent(key[1], r -> new LinkedHashMap<>()).put(key[2],
                        none ? null : layout.amount[i] ? amounts[i] : BigDecimal.valueOf(counts[i]));
                case "table3" -> table3.computeIfAbsent(key[1], r -> new LinkedHashMap<>()).put(key[2],
                        none ? null : Math.toIntExact(counts[i]));
                default -> table4.put(key[1], none ? null : Math.toIntExact(counts[i]));
            }
        }
        AnnualReport sum = new AnnualReport(agency, year, format, asOf, policies.size() == 1 ? policies.iterator().next()
                : null, table2, table3, table4, List.of());
        return sum.withChecks(ReportChecker.check(sum));
    }

    private Member add(Parsed member) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        layout.totals.forEach((key, ordinals) -> {
            Long total = 0L;
            for (int ordinal : ordinals) {
                if (!member.covered() || !member.values().present(ordinal)) {
                    total = null;
                    break;
                }
                total += member.values().counts[ordinal];
            }
            totals.put(key, total == null ? null : Math.toIntExact(total));
        });
        if (member.covered()) {
            counted++;
            Values v = member.values();
            for (int i = 0; i < layout.size; i++) {
                if (!v.present(i)) {
                    blank[i] = true;
                } else if (layout.amount[i]) {
                    amounts[i] = amounts[i] == null ? v.amounts[i] : amounts[i].add(v.amounts[i]);
                } else {
                    counts[i] += v.counts[i];
                }
            }
            policies.add(member.appealPolicy());
            if (member.asOf() != null && (asOf == null || member.asOf().isAfter(asOf))) {
                asOf = member.asOf();
            }
        }
        return new Member(member.agencyId(), member.name(), member.appealPolicy(), member.covered(), totals);
    }

    private IllegalArgumentException mismatch(String agencyId, int memberYear, String memberFormat) {
        return new IllegalArgumentException("member " + agencyId + " is the " + memberYear + " " + memberFormat
                + " report, not " + year + " " + format.code());
    }

    /** One member as read: its values by ordinal. */
    private record Parsed(String agencyId, String name, OffsetDateTime asOf, AppealPolicy appealPolicy, boolean covered,
                          Values values) {
    }

    /** A member's cells by ordinal: counts, amounts (table 二's 万元 columns) and which are present (not blank). */
    private static final class Values {
        final long[] counts;
        final BigDecimal[] amounts;
        final boolean[] present;

        Values(int size) {
            counts = new long[size];
            amounts = new BigDecimal[size];
            present = new boolean[size];
        }

        boolean present(int ordinal) {
            return present[ordinal];
        }

        void set(int ordinal, BigDecimal value, boolean amount) {
            if (value != null) {
                present[ordinal] = true;
                if (amount) {
                    amounts[ordinal] = value;
                } else {
                    counts[ordinal] = value.longValueExact();
                }
            }
        }
    }

    private Parsed parse(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "a report");
        String agencyId = null;
        String name = null;
        Integer memberYear = null;
        String memberFormat = null;
        OffsetDateTime memberAsOf = null;
        AppealPolicy policy = null;
        boolean covered = true;
        Values values = new Values(layout.size);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            switch (field) {
                case "agency" -> {
                    expect(token, JsonToken.START_OBJECT, "agency");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        String value = p.nextToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                        if (key.equals("id")) {
                            agencyId = value;
                        } else if (key.equals("name")) {
                            name = value;
                        }
                    }
                }
                case "year" -> memberYear = p.getValueAsInt();
                case "format" -> memberFormat = p.getValueAsString();
                case "asOf" -> memberAsOf = token == JsonToken.VALUE_NULL ? null : OffsetDateTime.parse(p.getText());
                case "appealPolicy" -> policy = token == JsonToken.VALUE_NULL ? null : AppealPolicy.valueOf(p.getText());
                case "covered" -> covered &= token != JsonToken.VALUE_FALSE;
                case "table2", "table3" -> {
                    expect(token, JsonToken.START_OBJECT, field);
                    Map<String, Map<String, Integer>> rows = field.equals("table2") ? layout.table2 : layout.table3;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String row = p.currentName();
                        Map<String, Integer> columns = rows.get(row);
                        expect(p.nextToken(), JsonToken.START_OBJECT, field + "/" + row);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String column = p.currentName();
                            Integer ordinal = columns == null ? null : columns.get(column);
                            if (ordinal == null) {
                                throw new IllegalArgumentException("unknown cell " + field + "/" + row + "/" + column);
                            }
                            read(p, p.nextToken(), ordinal, values);
                        }
                    }
                }
                case "table4" -> {
                    expect(token, JsonToken.START_OBJECT, field);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        Integer ordinal = layout.table4.get(p.currentName());
                        if (ordinal == null) {
                            throw new IllegalArgumentException("unknown cell table4/" + p.currentName());
                        }
                        read(p, p.nextToken(), ordinal, values);
                    }
                }
                case "checks" -> {
                    expect(token, JsonToken.START_ARRAY, "checks");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            JsonToken value = p.nextToken();
                            if (key.equals("rule") && ReportFold.NOT_COVERED.equals(p.getText())) {
                                covered = false;
                            } else if (value.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (memberYear == null || memberYear != year || !format.code().equals(memberFormat)) {
            throw mismatch(agencyId, memberYear == null ? 0 : memberYear, memberFormat);
        }
        return new Parsed(agencyId, name, memberAsOf, policy, covered, values);
    }

    private void read(JsonParser p, JsonToken token, int ordinal, Values values) throws IOException {
        if (token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_STRING && p.getText().isBlank()) {
            return;
        }
        if (token == JsonToken.VALUE_NUMBER_INT && !layout.amount[ordinal]) {
            values.present[ordinal] = true;
            values.counts[ordinal] = p.getLongValue();
        } else {
            values.set(ordinal, new BigDecimal(p.getText().strip()), layout.amount[ordinal]);
        }
    }

    private static void expect(JsonToken token, JsonToken expected, String what) {
        if (token != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + ", found " + token);
        }
    }

    /** The cells of a format by ordinal (the official order of {@link AnnualReport#cells()}) and the totals' cells. */
    private static final class Layout {
        final int size;
        final List<String[]> keys = new ArrayList<>();
        final Map<String, Map<String, Integer>> table2 = new HashMap<>();
        final Map<String, Map<String, Integer>> table3 = new HashMap<>();
        final Map<String, Integer> table4 = new HashMap<>();
        final Map<String, Integer> byAddress = new HashMap<>();
        final boolean[] amount;
        final Map<String, int[]> totals = new LinkedHashMap<>();

        Layout(ReportFormat format) {
            AnnualReport empty = new AnnualReport(null, 2024, format, null, null, null, null, null, List.of());
            List<Boolean> amounts = new ArrayList<>();
            empty.table2().forEach((row, columns) -> columns.keySet().forEach(column -> {
                table2.computeIfAbsent(row, r -> new HashMap<>()).put(column, keys.size());
                amounts.add(ReportFormat.isAmountColumn(column));
                add(new String[] {"table2", row, column});
            }));
            empty.table3().forEach((row, columns) -> columns.keySet().forEach(column -> {
                table3.computeIfAbsent(row, r -> new HashMap<>()).put(column, keys.size());
                amounts.add(false);
                add(new String[] {"table3", row, column});
            }));
            empty.table4().keySet().forEach(key -> {
                table4.put(key, keys.size());
                amounts.add(false);
                add(new String[] {"table4", key});
            });
            size = keys.size();
            amount = new boolean[size];
            for (int i = 0; i < size; i++) {
                amount[i] = amounts.get(i);
            }
            var figures = NarrativeFigures.of(empty);
            for (String key : Rollup.TOTALS) {
                totals.put(key, figures.get(key).cells().stream().mapToInt(this::ordinal).toArray());
            }
        }

        private void add(String[] key) {
            byAddress.put(String.join("/", key), keys.size());
            keys.add(key);
        }

        int ordinal(String address) {
            Integer ordinal = byAddress.get(address);
            if (ordinal == null) {
                throw new IllegalArgumentException("unknown cell " + address);
            }
            return ordinal;
        }
    }
}
