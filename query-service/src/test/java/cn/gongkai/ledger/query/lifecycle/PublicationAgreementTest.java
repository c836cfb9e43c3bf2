package cn.gongkai.ledger.query.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.publication.PublicationEvent;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.api.publication.PublicationId;
import cn.gongkai.ledger.api.publication.PublicationLifecycle;
import cn.gongkai.ledger.readmodel.publication.PublicationFold;
import cn.gongkai.ledger.readmodel.query.PublishedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The publication aggregate and the read model's publication fold read one {@link PublicationLifecycle}: on
 * generated histories (the revisions the aggregate writes, with duplicates and gaps it never writes), what
 * {@code GET …/publication} shows is the lifecycle's latest revision, and every publication event type is read.
 */
class PublicationAgreementTest {
    private static final PublicationId ID = PublicationId.of(new AgencyId("agree-pub"), 2024);

    private static AnnualReportPublished published(int revision) {
        Instant at = Instant.parse("2025-01-20T02:00:00Z").plusSeconds(3600L * revision);
        return new AnnualReportPublished(ID, revision, revision % 2 == 0 ? "2019" : "2021",
                revision % 3 == 0 ? "FILED_IN_YEAR" : "OPEN_IN_YEAR", at.minusSeconds(60), 10 + revision,
                "{\"revision\":" + revision + "}", "sha-" + revision, new Recorded("reporter-" + revision, at));
    }

    @Provide
    Arbitrary<List<Integer>> revisions() {
        return Arbitraries.integers().between(1, 6).list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void theFoldShowsTheLifecyclesLatestRevision(@ForAll("revisions") List<Integer> revisions) {
        List<PublicationEvent> history = new ArrayList<>(revisions.stream().map(PublicationAgreementTest::published).toList());
        List<EventEnvelope> envelopes = IntStream.range(0, history.size())
                .mapToObj(i -> EventEnvelope.of(i, history.get(i))).toList();
        PublicationLifecycle.State state = PublicationLifecycle.replay(history);
        Optional<PublishedReport> shown = PublicationFold.latest(envelopes);
        assertThat(shown).isEqualTo(PublicationFold.view(state));
        assertThat(shown.map(PublishedReport::revision).orElse(0)).isEqualTo(state.revision());
    }

    @Example
    void theRevisionsTheAggregateWritesAreShownInTurn() {
        List<PublicationEvent> history = new ArrayList<>();
        for (int revision = 1; revision <= 3; revision++) {
            history.add(published(revision));
            List<EventEnvelope> envelopes = IntStream.range(0, history.size())
                    .mapToObj(i -> EventEnvelope.of(i, history.get(i))).toList();
            PublishedReport shown = PublicationFold.latest(envelopes).orElseThrow();
            assertThat(shown.revision()).isEqualTo(revision);
            assertThat(shown.json()).isEqualTo("{\"revision\":" + revision + "}");
            assertThat(shown.appealPolicy()).isEqualTo(published(revision).appealPolicy());
            assertThat(shown.publishedBy()).isEqualTo("reporter-" + revision);
        }
    }

    @Example
    void everyPublicationEventTypeChangesWhatTheFoldShows() {
        for (Class<? extends cn.gongkai.ledger.api.common.LedgerEvent> type : EventTypes.under(PublicationEvent.class)) {
            assertThat(type).isEqualTo(AnnualReportPublished.class); // a new type must be added to this test
            assertThat(PublicationFold.latest(List.of(EventEnvelope.of(0, published(1))))).isPresent();
            assertThat(PublicationFold.latest(List.of())).isEmpty();
        }
    }
}
