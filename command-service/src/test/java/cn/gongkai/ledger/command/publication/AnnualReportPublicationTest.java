package cn.gongkai.ledger.command.publication;

import static cn.gongkai.ledger.command.rules.Refusals.conflict;
import static cn.gongkai.ledger.command.rules.Refusals.recordedOn;
import static cn.gongkai.ledger.command.rules.Refusals.unprocessable;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.publication.PublicationCommand.PublishAnnualReport;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.api.publication.PublicationId;
import cn.gongkai.ledger.api.publication.PublicationLifecycle;
import cn.gongkai.ledger.command.AxonCommandTargets;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnualReportPublicationTest {
    private static final PublicationId ID = PublicationId.of(new AgencyId("ninghe-commerce"), 2024);
    private static final Recorded NOW = recordedOn(LocalDate.of(2025, 1, 20));
    private static final Instant WATERMARK = Instant.parse("2025-01-10T02:00:00Z");
    private static final String TABLES = "{\"year\":2024,\"table3\":{\"一\":{\"总计\":3}}}";
    private static final String REVISED = "{\"year\":2024,\"table3\":{\"一\":{\"总计\":4}}}";

    private FixtureConfiguration<AnnualReportPublication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnnualReportPublication.class);
        fixture.registerCommandTargetResolver(new AxonCommandTargets());
    }

    private static PublishAnnualReport publish(String tables, Instant watermark) {
        return new PublishAnnualReport(ID, "2021", "OPEN_IN_YEAR", watermark, 12, tables,
                AnnualReportPublication.sha256(tables), NOW);
    }

    private static AnnualReportPublished published(int revision, String tables, Instant watermark) {
        return new AnnualReportPublished(ID, revision, "2021", "OPEN_IN_YEAR", watermark, 12, tables,
                AnnualReportPublication.sha256(tables), NOW);
    }

    @Test
    void theFirstPublicationIsRevisionOneWithItsTablesHashWatermarkAndOfficer() {
        fixture.givenNoPriorActivity()
                .when(publish(TABLES, WATERMARK))
                .expectEvents(published(1, TABLES, WATERMARK))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLaterPublicationWithOtherTablesIsTheNextRevision() {
        Instant later = WATERMARK.plusSeconds(3600);
        fixture.given(published(1, TABLES, WATERMARK))
                .when(publish(REVISED, later))
                .expectEvents(published(2, REVISED, later))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theAggregatesStateIsThePublicationLifecycleOfItsEvents() {
        Instant later = WATERMARK.plusSeconds(3600);
        fixture.given(published(1, TABLES, WATERMARK))
                .when(publish(REVISED, later))
                .expectSuccessfulHandlerExecution()
                .expectState(publication -> org.assertj.core.api.Assertions.assertThat(publication.state())
                        .isEqualTo(PublicationLifecycle.replay(java.util.List.of(published(1, TABLES, WATERMARK),
                                published(2, REVISED, later))))
                        .isInstanceOfSatisfying(PublicationLifecycle.Published.class,
                                p -> org.assertj.core.api.Assertions.assertThat(p.revision()).isEqualTo(2)));
    }

    @Test
    void publishingTheSameTablesAgainIsRefusedAndChangesNothing() {
        fixture.given(published(1, TABLES, WATERMARK))
                .when(publish(TABLES, WATERMARK.plusSeconds(60)))
                .expectNoEvents()
                .expectException(conflict("REPORT_ALREADY_PUBLISHED"));
    }

    @Test
    void aRevisionFoldedFromFewerEventsThanThePublishedOneIsRefused() {
        fixture.given(published(1, TABLES, WATERMARK))
                .when(publish(REVISED, WATERMARK.minusSeconds(1)))
                .expectNoEvents()
                .expectException(conflict("WATERMARK_BEFORE_PUBLISHED"));
    }

    @Test
    void tablesThatDoNotMatchTheirHashAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishAnnualReport(ID, "2021", "OPEN_IN_YEAR", WATERMARK, 12, REVISED,
                        AnnualReportPublication.sha256(TABLES), NOW))
                .expectNoEvents()
                .expectException(unprocessable("TABLES_HASH_MISMATCH"));
    }

    @Test
    void aWatermarkAfterThePublicationIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish(TABLES, NOW.at().plusSeconds(1)))
                .expectNoEvents()
                .expectException(unprocessable("INVALID_WATERMARK"));
    }

    @Test
    void anUnknownFormatOrPolicyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishAnnualReport(ID, "2020", "OPEN_IN_YEAR", WATERMARK, 12, TABLES,
                        AnnualReportPublication.sha256(TABLES), NOW))
                .expectNoEvents()
                .expectException(unprocessable("INVALID_FORMAT"));
        fixture.givenNoPriorActivity()
                .when(new PublishAnnualReport(ID, "2021", "EVERYTHING", WATERMARK, 12, TABLES,
                        AnnualReportPublication.sha256(TABLES), NOW))
                .expectNoEvents()
                .expectException(unprocessable("INVALID_APPEAL_POLICY"));
    }
}
