package cn.gongkai.ledger.api.publication;

import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import java.util.List;

/**
 * The one lifecycle of the publication of an agency's annual report for a year: a sealed {@link State} and one pure
 * {@link #evolve}, used by the publication aggregate (what it refuses rests on the latest revision) and by the read
 * model's publication fold (what {@code GET …/publication} shows).
 *
 * <pre>
 *   Unpublished --AnnualReportPublished (revision 1)--> Published --AnnualReportPublished (revision n + 1)--> Published
 * </pre>
 *
 * A publication whose revision is not the next one (a duplicate or a revision out of order, which the aggregate
 * never writes) changes nothing.
 */
public final class PublicationLifecycle {
    private PublicationLifecycle() {
    }

    public sealed interface State permits Unpublished, Published {
        /** The latest revision published, 0 before the first publication. */
        int revision();
    }

    public record Unpublished() implements State {
        @Override
        public int revision() {
            return 0;
        }
    }

    /** Published: {@code latest} is the last revision's event (its tables, hash, format, policy, watermark, officer). */
    public record Published(AnnualReportPublished latest) implements State {
        @Override
        public int revision() {
            return latest.revision();
        }
    }

    public static State initial() {
        return new Unpublished();
    }

    public static State replay(List<? extends PublicationEvent> history) {
        State state = initial();
        for (PublicationEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    /** The state after {@code event}. Pure. */
    public static State evolve(State state, PublicationEvent event) {
        if (event instanceof AnnualReportPublished published) {
            return published.revision() == state.revision() + 1 ? new Published(published) : state;
        }
        throw new IllegalStateException("unhandled publication event " + event.getClass().getName());
    }
}
