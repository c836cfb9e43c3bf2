package cn.gongkai.ledger.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.History;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
    private static AnnualReport sample() {
        History h = new History("ninghe-commerce").register("宁河区商务局").fees(LocalDate.of(2024, 3, 1), "12345")
                .receive("a", ApplicantType.NATURAL_PERSON, LocalDate.of(2024, 1, 2))
                .reply("a", LocalDate.of(2024, 1, 9), Outcome.DISCLOSED);
        return ReportFold.fold(h.events(), new ReportRequest(h.agency, 2024, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR,
                OffsetDateTime.parse("2025-01-20T09:00:00+08:00")));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void writes_the_canonical_shape_in_the_specs_key_order() {
        ObjectNode json = ReportJson.toJson(sample());
        assertThat(keys(json)).containsExactly("agency", "year", "format", "asOf", "appealPolicy", "appealPolicyBasis",
                "table2", "table3", "table4", "checks");
        assertThat(json.path("appealPolicyBasis").toString()).isEqualTo("{\"source\":\"PARAMETER\"}");
        assertThat(json.path("agency").toString()).isEqualTo("{\"id\":\"ninghe-commerce\",\"name\":\"宁河区商务局\"}");
        assertThat(json.path("format").asText()).isEqualTo("2021");
        assertThat(json.path("asOf").asText()).isEqualTo("2025-01-20T09:00:00+08:00");
        assertThat(json.path("appealPolicy").asText()).isEqualTo("OPEN_IN_YEAR");
        assertThat(keys(json.path("table2"))).containsExactly("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费");
        assertThat(json.path("table2").path("行政事业性收费").path("本年收费金额").isTextual()).isTrue();
        assertThat(json.path("table2").path("行政事业性收费").path("本年收费金额").asText()).isEqualTo("1.2345");
        assertThat(json.path("table2").path("规章").path("本年制发件数").isInt()).isTrue();
        assertThat(keys(json.path("table3"))).startsWith("一", "二", "三.一", "三.二", "三.三.1").endsWith("三.六.3", "三.七", "四")
                .hasSize(25);
        assertThat(keys(json.path("table3").path("一"))).containsExactly("自然人", "商业企业", "科研机构", "社会公益组织",
                "法律服务机构", "其他", "总计");
        assertThat(json.path("table3").path("三.一").path("自然人").asInt()).isEqualTo(1);
        assertThat(keys(json.path("table4"))).hasSize(15).startsWith("复议.维持", "复议.纠正", "复议.其他", "复议.未审结",
                "复议.总计", "直诉.维持").endsWith("复议后诉.总计");
        assertThat(json.path("checks").isArray()).isTrue();
        assertThat(json.path("checks")).isEmpty();
    }

    @Test
    void reads_back_what_it_writes() {
        AnnualReport report = sample().withChecks(List.of(new AnnualReport.Check("blank", "table3/一/自然人", "空白 / blank")));
        assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
    }

    @Test
    void reads_a_typed_in_report_leniently() {
        String typed = """
                {"agency": {"name": "某局"}, "year": "2020",
                 "table2": {"政府集中采购": {"采购总金额": 1.50}},
                 "table3": {"一": {"自然人": "3", "商业企业": "", "总计": null}, "三.六": {"自然人": 0}},
                 "table4": {"复议.维持": 0}}""";
        AnnualReport report = ReportJson.read(typed);
        assertThat(report.format()).isEqualTo(ReportFormat.Y2019);
        assertThat(report.agency().id()).isNull();
        assertThat(report.asOf()).isNull();
        assertThat(report.appealPolicy()).isNull();
        assertThat(report.table3().get("一")).containsEntry("自然人", 3).containsEntry("商业企业", null).containsEntry("其他", null);
        assertThat(report.table2().get("政府集中采购").get("采购总金额").toPlainString()).isEqualTo("1.50");
        assertThat(report.table4()).containsEntry("复议.维持", 0).containsEntry("直诉.维持", null);
        assertThat(ReportJson.toJson(report).path("table3").path("一").path("商业企业").isNull()).isTrue();
    }

    @Test
    void without_a_format_2021_rows_or_the_year_decide() {
        assertThat(ReportJson.read("{\"year\": 2020, \"table3\": {\"三.六.1\": {}}}").format()).isEqualTo(ReportFormat.Y2021);
        assertThat(ReportJson.read("{\"year\": 2022}").format()).isEqualTo(ReportFormat.Y2021);
        assertThat(ReportJson.read("{\"year\": 2019}").format()).isEqualTo(ReportFormat.Y2019);
    }

    @Test
    void says_what_is_wrong_with_an_unreadable_report() {
        assertThatThrownBy(() -> ReportJson.read("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ReportJson.read("{\"year\": 2024,")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ReportJson.read("{}")).hasMessageContaining("year");
        assertThatThrownBy(() -> ReportJson.read("{\"year\": 2024, \"table3\": {\"一\": {\"自然人\": 1.5}}}"))
                .hasMessageContaining("table3/一/自然人");
        assertThatThrownBy(() -> ReportJson.read("{\"year\": 2024, \"table3\": {\"一\": {\"自然人\": \"x\"}}}"))
                .hasMessageContaining("must be a number");
        assertThatThrownBy(() -> ReportJson.read("{\"year\": 2024, \"table3\": {\"五\": {}}}"))
                .hasMessageContaining("unknown keys in table3");
        assertThatThrownBy(() -> ReportJson.read("{\"year\": 2024, \"format\": \"2018\"}")).hasMessageContaining("2018");
        assertThatThrownBy(() -> ReportJson.read("{\"year\": 2024, \"asOf\": \"yesterday\"}")).hasMessageContaining("asOf");
    }

    @Test
    void a_report_of_nothing_has_a_null_as_of_and_agency_name() {
        AnnualReport report = ReportFold.fold(List.of(), ReportRequest.of(new AgencyId("x"), 2024));
        ObjectNode json = ReportJson.toJson(report);
        assertThat(json.path("asOf").isNull()).isTrue();
        assertThat(json.path("agency").path("name").isNull()).isTrue();
    }
}
