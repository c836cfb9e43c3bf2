package cn.gongkai.ledger.report.parser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Any report, rendered in any of the published layouts (with blank cells, with units, with cells wrapped onto the
 * next line), parses back to the same tables.
 */
class ParserLayoutProperties {

    @Property(tries = 200)
    void a_rendered_report_parses_back_cell_for_cell(@ForAll ReportFormat format, @ForAll ReportText.Layout layout,
                                                     @ForAll Random random) {
        int year = format == ReportFormat.Y2019 ? 2019 + random.nextInt(2) : 2021 + random.nextInt(6);
        AnnualReport report = randomReport(format, year, random);
        AnnualReport parsed = PublishedReportParser.parse(ReportText.render(report, layout));
        assertThat(parsed).isEqualTo(report);
    }

    @Property(tries = 200)
    void cells_with_units_and_cells_wrapped_onto_the_next_line_parse_back_in_every_layout(
            @ForAll ReportFormat format, @ForAll ReportText.Layout layout, @ForAll boolean units, @ForAll boolean wrapped,
            @ForAll Random random) {
        int year = format == ReportFormat.Y2019 ? 2019 + random.nextInt(2) : 2021 + random.nextInt(6);
        AnnualReport report = randomReport(format, year, random);
        String text = ReportText.render(report, layout, new ReportText.Style(units, wrapped));
        assertThat(PublishedReportParser.parse(text)).isEqualTo(report);
    }

    static AnnualReport randomReport(ReportFormat format, int year, Random random) {
        Map<String, Map<String, BigDecimal>> table2 = new LinkedHashMap<>();
        format.table2Layout().forEach((row, columns) -> {
            Map<String, BigDecimal> cells = new LinkedHashMap<>();
            for (String column : columns) {
                BigDecimal value = ReportFormat.isAmountColumn(column)
                        ? BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(5))
                        : BigDecimal.valueOf(random.nextInt(300) - (ReportFormat.isSignedColumn(column) ? 150 : 0));
                cells.put(column, blank(random) ? null : value);
            }
            table2.put(row, cells);
        });
        Map<String, Map<String, Integer>> table3 = new LinkedHashMap<>();
        for (String row : format.table3Rows()) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            ReportFormat.table3Columns().forEach(c -> cells.put(c, blank(random) ? null : random.nextInt(120)));
            table3.put(row, cells);
        }
        Map<String, Integer> table4 = new LinkedHashMap<>();
        ReportFormat.table4Keys().forEach(k -> table4.put(k, blank(random) ? null : random.nextInt(9)));
        return new AnnualReport(new AnnualReport.Agency(null, "某某市商务局"), year, format, null, null, table2, table3,
                table4, List.of());
    }

    private static boolean blank(Random random) {
        return random.nextInt(10) == 0;
    }
}
