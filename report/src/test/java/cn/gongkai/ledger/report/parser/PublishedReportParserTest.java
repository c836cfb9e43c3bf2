package cn.gongkai.ledger.report.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFormat;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tolerances of the parser, each on a small variant of a rendered report. */
class PublishedReportParserTest {
    private static AnnualReport report(ReportFormat format, int year) {
        return ParserLayoutProperties.randomReport(format, year, new Random(year));
    }

    private static String text(AnnualReport report, ReportText.Layout layout) {
        return ReportText.render(report, layout);
    }

    @Test
    void misspelt_and_spaced_labels_and_社会组织_are_tolerated() {
        AnnualReport report = report(ReportFormat.Y2021, 2023);
        String text = text(report, ReportText.Layout.TABS)
                .replace("社会公益组织", "社会组织")
                .replace("本年废止件数", "本年度止件数")
                .replace("法律服务机构", "法律 服务 机构")
                .replace("行政规范性文件", "规范性文件")
                .replace("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                        "2.申请人逾期逾期未按收费通知要求缴纳费用、行政机关不再处理请政府信息公开申请")
                .replace("四、结转下年度继续办理", "四、结转下年度继续 办理");
        assertThat(PublishedReportParser.parse(text)).isEqualTo(report);
    }

    @Test
    void full_width_characters_are_read_as_their_ascii_forms() {
        AnnualReport report = report(ReportFormat.Y2019, 2020);
        String text = text(report, ReportText.Layout.CELL_PER_LINE).replace("\t", "\t\u3000");
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
        assertThat(PublishedReportParser.parse(wide.toString())).isEqualTo(report);
    }

    @Test
    void a_dash_is_a_blank_cell_not_a_zero() {
        String text = text(report(ReportFormat.Y2021, 2022), ReportText.Layout.PIPE_PER_LINE)
                .replaceFirst("(一、本年新收政府信息公开申请数量 \\|\n)[0-9]+ \\|", "$1— |");
        AnnualReport parsed = PublishedReportParser.parse(text);
        assertThat(parsed.table3().get("一").get("自然人")).isNull();
    }

    @Test
    void the_format_follows_table_二_then_table_三_then_the_year() {
        AnnualReport y2019 = report(ReportFormat.Y2019, 2020);
        assertThat(PublishedReportParser.parse(text(y2019, ReportText.Layout.MARKDOWN)).format()).isEqualTo(ReportFormat.Y2019);
        String withoutTable2 = text(y2019, ReportText.Layout.MARKDOWN).replaceAll("(?s)二、主动公开.*?三、收到", "三、收到");
        assertThat(PublishedReportParser.parse(withoutTable2).format()).isEqualTo(ReportFormat.Y2019);
        AnnualReport y2021 = report(ReportFormat.Y2021, 2021);
        String text2021 = text(y2021, ReportText.Layout.MARKDOWN).replaceAll("(?s)二、主动公开.*?三、收到", "三、收到");
        AnnualReport parsed = PublishedReportParser.parse(text2021);
        assertThat(parsed.format()).isEqualTo(ReportFormat.Y2021);
        assertThat(parsed.table3()).isEqualTo(y2021.table3());
        assertThat(parsed.table2().get("规章").values()).containsOnlyNulls();
    }

    @Test
    void decimals_in_a_count_cell_are_unreadable() {
        String text = text(report(ReportFormat.Y2021, 2022), ReportText.Layout.TABS)
                .replaceFirst("(一、本年新收政府信息公开申请数量\t)[0-9]*", "$11.5");
        assertThatThrownBy(() -> PublishedReportParser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    @Test
    void amounts_keep_their_decimals() {
        AnnualReport report = report(ReportFormat.Y2021, 2024);
        String text = text(report, ReportText.Layout.TABS).replaceFirst("(行政事业性收费\t)[0-9.]*", "$10.0350");
        assertThat(PublishedReportParser.parse(text).table2().get("行政事业性收费").get("本年收费金额"))
                .isEqualTo(new BigDecimal("0.0350"));
    }

    @Test
    void an_amount_printed_in_元_is_converted_to_the_万元_of_the_table_and_counts_keep_件_and_个() {
        AnnualReport y2019 = report(ReportFormat.Y2019, 2020);
        String text = text(y2019, ReportText.Layout.PIPE_PER_LINE)
                .replaceFirst("(政府集中采购 \\|\n)[0-9.]* \\|\n[0-9.]* \\|", "$13个 |\n73802895.90元 |");
        AnnualReport parsed = PublishedReportParser.parse(text);
        assertThat(parsed.table2().get("政府集中采购")).containsEntry("采购项目数量", BigDecimal.valueOf(3))
                .containsEntry("采购总金额", new BigDecimal("7380.28959"));
        String fee = text(report(ReportFormat.Y2021, 2024), ReportText.Layout.MARKDOWN)
                .replaceFirst("(行政事业性收费 \\| )[0-9.]*", "$1251000 元").replaceFirst("(规章 \\| )[0-9]+", "$112 件");
        AnnualReport feeParsed = PublishedReportParser.parse(fee);
        assertThat(feeParsed.table2().get("行政事业性收费").get("本年收费金额")).isEqualTo(new BigDecimal("25.1"));
        assertThat(feeParsed.table2().get("规章").get("本年制发件数")).isEqualTo(BigDecimal.valueOf(12));
    }

    @Test
    void text_without_table_三_or_without_a_year_is_unreadable() {
        assertThatThrownBy(() -> PublishedReportParser.parse("2024年度工作总结\n今年工作很好。"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table 三");
        String noYear = text(report(ReportFormat.Y2021, 2022), ReportText.Layout.TABS).replace("2022", "");
        assertThatThrownBy(() -> PublishedReportParser.parse(noYear)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("year");
    }

    @Test
    void the_agency_is_the_signature_else_the_title() {
        String text = text(report(ReportFormat.Y2021, 2022), ReportText.Layout.TABS);
        assertThat(PublishedReportParser.parse(text).agency()).isEqualTo(new AnnualReport.Agency(null, "某某市商务局"));
        assertThat(PublishedReportParser.parse(text + "\n天津市宁河区商务局\n2023年1月20日\n").agency().name())
                .isEqualTo("天津市宁河区商务局");
    }
}
