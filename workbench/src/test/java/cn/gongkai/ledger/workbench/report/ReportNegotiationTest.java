package cn.gongkai.ledger.workbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportNegotiationTest {
    @Test
    void theAcceptHeaderChoosesTheExportAndJsonStaysTheDefault() {
        assertThat(ReportWorkbenchController.exportFor("text/csv")).contains("csv");
        assertThat(ReportWorkbenchController.exportFor("application/pdf")).contains("pdf");
        assertThat(ReportWorkbenchController.exportFor(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).contains("xlsx");
        assertThat(ReportWorkbenchController.exportFor(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).contains("docx");
        assertThat(ReportWorkbenchController.exportFor("text/html,application/xhtml+xml,*/*;q=0.8")).contains("html");
        assertThat(ReportWorkbenchController.exportFor("application/pdf;q=0.4, text/csv;q=0.9")).contains("csv");
        assertThat(ReportWorkbenchController.exportFor("text/csv;q=0, application/pdf")).contains("pdf");

        assertThat(ReportWorkbenchController.exportFor(null)).isEqualTo(Optional.empty());
        assertThat(ReportWorkbenchController.exportFor("")).isEmpty();
        assertThat(ReportWorkbenchController.exportFor("*/*")).isEmpty();
        assertThat(ReportWorkbenchController.exportFor("application/json")).isEmpty();
        assertThat(ReportWorkbenchController.exportFor("application/*")).isEmpty();
        assertThat(ReportWorkbenchController.exportFor("application/json, text/csv;q=0.5")).isEmpty();
    }
}
