package cn.gongkai.ledger.report.diff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.diff.RevisionDiff.CaseMove;
import cn.gongkai.ledger.report.diff.RevisionDiff.CellRevision;
import cn.gongkai.ledger.report.diff.RevisionDiff.Direction;
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

/**
 * A year published in January and corrected in March of the next: the report as known before the correction is
 * the published one, the pending revision has exactly the cells the correction moved, each with exactly that case
 * and the correction event; once the revision is published nothing is pending.
 */
class RevisionDiffTest {
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2025-01-20T09:00:00+08:00");
    private static final OffsetDateTime BEFORE_CORRECTION = OffsetDateTime.parse("2025-02-01T10:00:00+08:00");

    private final History h = new History("ninghe-commerce").recordingFrom(Instant.parse("2024-01-02T01:00:00Z"))
            .register("宁河区商务局")
            .receive("a", ApplicantType.NATURAL_PERSON, LocalDate.of(2024, 1, 2))
            .reply("a", LocalDate.of(2024, 1, 9), Outcome.DISCLOSED)
            .receive("b", ApplicantType.COMMERCIAL_ENTERPRISE, LocalDate.of(2024, 12, 20))
            .recordingFrom(Instant.parse("2025-03-10T02:00:00Z"))
            .correctOutcome("a", Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, Outcome.WITHHELD_THIRD_PARTY_RIGHTS);

    private ReportRequest at(OffsetDateTime asOf) {
        return new ReportRequest(h.agency, 2024, ReportFormat.Y2021, null, asOf);
    }

    private AnnualReport publishedTables() {
        return ReportJson.read(ReportJson.write(ReportFold.fold(h.events(), at(PUBLISHED))));
    }

    @Test
    void the_report_as_known_before_the_correction_is_the_published_version() {
        AnnualReport known = ReportFold.fold(h.events(), at(BEFORE_CORRECTION));
        assertThat(ReportDiff.diff(publishedTables(), known)).isEmpty();
        assertThat(ReportDiff.diff(publishedTables(), ReportFold.fold(h.events(), at(null)))).isNotEmpty();
        assertThat(ReportVersion.published(publishedTables(), h.events(), at(PUBLISHED)).reproducible()).isTrue();
    }

    @Test
    void the_pending_revision_names_the_cells_the_case_and_the_event_that_moved_it() {
        ReportVersion published = ReportVersion.published(publishedTables(), h.events(), at(PUBLISHED));
        ReportVersion today = ReportVersion.known(h.events(), at(null));
        List<CellRevision> revision = RevisionDiff.between(published, today, h.events());
        BigDecimal one = BigDecimal.ONE;
        BigDecimal zero = BigDecimal.ZERO;
        assertThat(revision).extracting(CellRevision::cell, CellRevision::before, CellRevision::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("table3/三.一/自然人", one, zero),
                org.assertj.core.groups.Tuple.tuple("table3/三.一/总计", one, zero),
                org.assertj.core.groups.Tuple.tuple("table3/三.二/自然人", zero, one),
                org.assertj.core.groups.Tuple.tuple("table3/三.二/总计", zero, one));
        String a = h.requestId("a").value();
        for (CellRevision cell : revision) {
            assertThat(cell.cases()).as(cell.cell()).hasSize(1);
            CaseMove move = cell.cases().get(0);
            assertThat(move.caseId()).isEqualTo(a);
            assertThat(move.direction()).isEqualTo(cell.cell().contains("三.一") ? Direction.LEFT : Direction.ENTERED);
            assertThat(move.countedBy().eventType()).isEqualTo(cell.cell().contains("三.一") ? "RequestReplied" : "OutcomeCorrected");
            assertThat(move.movedBy()).extracting(EventEnvelope::type).containsExactly("OutcomeCorrected");
        }
        assertThat(revision.get(0).caseIds(Direction.LEFT)).containsExactly(a);
        assertThat(revision.get(0).caseIds(Direction.ENTERED)).isEmpty();
    }

    @Test
    void after_the_revision_is_published_nothing_is_pending() {
        OffsetDateTime revised = OffsetDateTime.parse("2025-03-15T09:00:00+08:00");
        AnnualReport revisedTables = ReportFold.fold(h.events(), at(revised));
        ReportVersion second = ReportVersion.published(revisedTables, h.events(), at(revised));
        assertThat(RevisionDiff.between(second, ReportVersion.known(h.events(), at(null)), h.events())).isEmpty();
        // The diff of any two versions: the first publication against the revision is the correction's cells.
        ReportVersion first = ReportVersion.published(publishedTables(), h.events(), at(PUBLISHED));
        assertThat(RevisionDiff.between(first, second, h.events())).hasSize(4);
        assertThat(RevisionDiff.between(second, first, h.events())).extracting(CellRevision::cell)
                .containsExactly("table3/三.一/自然人", "table3/三.一/总计", "table3/三.二/自然人", "table3/三.二/总计");
    }

    @Test
    void a_published_version_not_reproduced_by_its_watermark_is_told_apart() {
        // An import after the publication brought an event recorded before the watermark: the fold at the watermark
        // now counts it, the published tables do not.
        History imported = new History("ninghe-commerce").recordingFrom(Instant.parse("2024-03-01T00:00:00Z"))
                .receive("c", ApplicantType.NATURAL_PERSON, LocalDate.of(2024, 3, 1));
        List<EventEnvelope> events = new java.util.ArrayList<>(h.events());
        events.addAll(imported.events());
        ReportVersion published = ReportVersion.published(publishedTables(), events, at(PUBLISHED));
        assertThat(published.reproducible()).isFalse();
        List<CellRevision> revision = RevisionDiff.between(published, ReportVersion.known(events, at(null)), events);
        CellRevision received = revision.stream().filter(c -> c.cell().equals("table3/一/自然人")).findFirst().orElseThrow();
        assertThat(received.before()).isEqualByComparingTo("1");
        assertThat(received.after()).isEqualByComparingTo("2");
        assertThat(received.caseIds(Direction.ENTERED)).as("c was already counted at the watermark").isEmpty();
    }
}
