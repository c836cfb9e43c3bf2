package cn.gongkai.ledger.api.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.api.publication.PublicationLifecycle.Published;
import cn.gongkai.ledger.api.publication.PublicationLifecycle.Unpublished;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationLifecycleTest {
    static final PublicationId ID = PublicationId.of(new AgencyId("lc-agency"), 2024);
    static final Recorded AT = new Recorded("reporter-wu", Instant.parse("2025-01-20T02:00:00Z"));

    static AnnualReportPublished published(int revision, String sha) {
        return new AnnualReportPublished(ID, revision, "2021", "OPEN_IN_YEAR", Instant.parse("2025-01-10T02:00:00Z"),
                10, "{}", sha, AT);
    }

    @Test
    void unpublishedUntilTheFirstRevision() {
        assertThat(PublicationLifecycle.initial()).isInstanceOf(Unpublished.class);
        assertThat(PublicationLifecycle.initial().revision()).isZero();
        assertThat(PublicationLifecycle.replay(List.of(published(1, "a"))))
                .isEqualTo(new Published(published(1, "a")));
    }

    @Test
    void eachRevisionReplacesTheLatest() {
        assertThat(PublicationLifecycle.replay(List.of(published(1, "a"), published(2, "b"), published(3, "c"))))
                .isEqualTo(new Published(published(3, "c")));
    }

    @Test
    void aRevisionThatIsNotTheNextOneChangesNothing() {
        assertThat(PublicationLifecycle.replay(List.of(published(2, "b")))).isInstanceOf(Unpublished.class);
        assertThat(PublicationLifecycle.replay(List.of(published(1, "a"), published(1, "again"), published(3, "c"))))
                .isEqualTo(new Published(published(1, "a")));
    }

    @Test
    void evolveIsPure() {
        PublicationLifecycle.State first = PublicationLifecycle.replay(List.of(published(1, "a")));
        PublicationLifecycle.evolve(first, published(2, "b"));
        assertThat(first).isEqualTo(new Published(published(1, "a")));
    }
}
