package cn.gongkai.ledger.report.trend;

import static cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.History;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendTest {
    @Test
    void yearOverYearFiguresComeFromEachYearsFold() {
        History h = new History("ninghe-commerce").register("宁河区商务局")
                .receive("a", NATURAL_PERSON, LocalDate.of(2023, 3, 1)).reply("a", LocalDate.of(2023, 3, 10), Outcome.DISCLOSED)
                .receive("b", NATURAL_PERSON, LocalDate.of(2023, 12, 28))
                .reply("b", LocalDate.of(2024, 1, 10), Outcome.UNAVAILABLE_NOT_HELD)
                .receive("c", NATURAL_PERSON, LocalDate.of(2024, 3, 1)).reply("c", LocalDate.of(2024, 3, 10), Outcome.DISCLOSED)
                .receive("d", NATURAL_PERSON, LocalDate.of(2024, 3, 2)).reply("d", LocalDate.of(2024, 3, 10), Outcome.DISCLOSED)
                .receive("e", NATURAL_PERSON, LocalDate.of(2024, 3, 3))
                .fileReconsideration("1", LocalDate.of(2023, 5, 1))
                .decideReconsideration("1", LocalDate.of(2023, 7, 1), ReconsiderationResult.UPHELD)
                .fileReconsideration("2", LocalDate.of(2024, 5, 1))
                .decideReconsideration("2", LocalDate.of(2024, 7, 1), ReconsiderationResult.CHANGED)
                .fileReconsideration("3", LocalDate.of(2024, 5, 2))
                .decideReconsideration("3", LocalDate.of(2024, 7, 2), ReconsiderationResult.UPHELD)
                .fileReconsideration("4", LocalDate.of(2024, 5, 3));
        List<AnnualReport> reports = List.of(2024, 2023).stream()
                .map(y -> ReportFold.fold(h.events(), ReportRequest.of(h.agency, y))).toList();

        List<Trend.Year> years = Trend.of(reports, Map.of(2023, 1, 2024, 0));

        assertThat(years).extracting(Trend.Year::year).containsExactly(2023, 2024);
        Trend.Year y2023 = years.get(0);
        Trend.Year y2024 = years.get(1);
        assertThat(y2023.received()).isEqualTo(2);
        assertThat(y2023.carriedForward()).isEqualTo(1);
        assertThat(y2023.change()).isEmpty();
        assertThat(y2024.received()).isEqualTo(3);
        assertThat(y2024.carriedOver()).isEqualTo(1);
        assertThat(y2024.concluded()).isEqualTo(3);
        assertThat(y2024.outcomes()).containsEntry("三.一", 2).containsEntry("三.四.1", 1);
        assertThat(y2024.reconsiderations()).isEqualTo(new Trend.Appeals(3, 1, 1, 0, 1, new BigDecimal("0.5000")));
        assertThat(y2023.reconsiderations().correctedRate()).isEqualByComparingTo("0");
        assertThat(y2024.lawsuits().correctedRate()).isNull();
        assertThat(y2024.change()).containsEntry("received", 1).containsEntry("reconsiderations", 2)
                .containsEntry("overdueReplies", -1);
        assertThat(y2024.overdueReplies()).isZero();
    }
}
