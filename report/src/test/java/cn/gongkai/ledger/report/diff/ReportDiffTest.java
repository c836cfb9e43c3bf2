package cn.gongkai.ledger.report.diff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.History;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {
    @Test
    void a_correction_of_a_published_year_is_shown_cell_by_cell() {
        History h = new History("ninghe-commerce").recordingFrom(Instant.parse("2024-02-01T00:00:00Z"))
                .receive("a", ApplicantType.NATURAL_PERSON, LocalDate.of(2024, 1, 2))
                .reply("a", LocalDate.of(2024, 1, 9), Outcome.DISCLOSED)
                .recordingFrom(Instant.parse("2025-03-01T00:00:00Z"))
                .correctType("a", ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE);
        OffsetDateTime published = OffsetDateTime.parse("2025-01-20T09:00:00+08:00");
        AnnualReport before = ReportFold.fold(h.events(),
                new ReportRequest(h.agency, 2024, ReportFormat.Y2021, null, published));
        AnnualReport after = ReportFold.fold(h.events(), ReportRequest.of(h.agency, 2024));
        BigDecimal one = BigDecimal.ONE;
        BigDecimal zero = BigDecimal.ZERO;
        assertThat(ReportDiff.diff(before, after)).containsExactly(
                new CellChange("table3/一/自然人", one, zero), new CellChange("table3/一/商业企业", zero, one),
                new CellChange("table3/三.一/自然人", one, zero), new CellChange("table3/三.一/商业企业", zero, one),
                new CellChange("table3/三.七/自然人", one, zero), new CellChange("table3/三.七/商业企业", zero, one));
        assertThat(ReportDiff.diff(after, after)).isEmpty();
    }

    @Test
    void blank_cells_and_equal_values_of_another_scale_are_compared_by_value() {
        String json = "{\"year\":2024,\"table2\":{\"行政事业性收费\":{\"本年收费金额\":\"%s\"}},\"table4\":{\"复议.维持\":%s}}";
        AnnualReport a = ReportJson.read(json.formatted("1.50", "null"));
        AnnualReport b = ReportJson.read(json.formatted("1.5", "0"));
        assertThat(ReportDiff.diff(a, b)).containsExactly(new CellChange("table4/复议.维持", null, BigDecimal.ZERO));
    }

    @Test
    void cells_of_another_format_are_blank_on_the_other_side() {
        AnnualReport y2021 = ReportJson.read("{\"year\":2021,\"format\":\"2021\"}");
        AnnualReport y2019 = ReportJson.read("{\"year\":2021,\"format\":\"2019\"}");
        assertThat(ReportDiff.diff(y2021, y2019)).isEmpty();
        AgencyId agency = new AgencyId("x");
        AnnualReport zeros2021 = ReportFold.fold(List.of(), new ReportRequest(agency, 2021, ReportFormat.Y2021, null, null));
        AnnualReport zeros2019 = ReportFold.fold(List.of(), new ReportRequest(agency, 2021, ReportFormat.Y2019, null, null));
        assertThat(ReportDiff.diff(zeros2021, zeros2019))
                .contains(new CellChange("table3/三.六.1/自然人", BigDecimal.ZERO, null),
                        new CellChange("table3/三.六/自然人", null, BigDecimal.ZERO))
                .noneMatch(c -> c.cell().startsWith("table3/一/") || c.cell().startsWith("table4/"));
    }
}
