package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ApplicantTypeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.Conclusion;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConclusionDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OutcomeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestWithdrawn;
import cn.gongkai.ledger.api.request.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The corrected state of one disclosure request, replayed from its events in sequence order: the column, the
 * receipt date, and (once concluded) the conclusion date and the counted outcome. Which agency it belongs to is
 * decided by its id ({@code agencyId:trackingNumber}).
 *
 * @param concludedOn the counted conclusion date, null while open
 * @param outcome     the counted outcome, null while open
 */
record RequestCase(ApplicantType column, LocalDate receivedOn, LocalDate concludedOn,
                   Outcome outcome) {

    /** Replays a request's events; empty when its registration is not among them. */
    static Optional<RequestCase> replay(List<LedgerEvent> events) {
        Builder b = new Builder();
        events.forEach(b::apply);
        return b.build();
    }

    private static final class Builder {
        private boolean registered;
        private ApplicantType type;
        private LocalDate receivedOn;
        private LocalDate concludedOn;
        private Outcome primary;
        private List<Outcome> secondary = List.of();

        void apply(LedgerEvent event) {
            if (event instanceof RequestReceived r) {
                registered = true;
                type = r.applicant().type();
                receivedOn = r.receivedOn();
            } else if (event instanceof ApplicantTypeCorrected c) {
                type = c.correctedType();
            } else if (event instanceof ReceiptDateCorrected c) {
                receivedOn = c.correctedDate();
            } else if (event instanceof Conclusion c) {
                concludedOn = c.concludedOn();
                primary = c instanceof RequestWithdrawn ? CountingRules.WITHDRAWAL : c.outcome();
                secondary = c instanceof RequestReplied r ? r.secondaryReasons() : List.of();
            } else if (event instanceof OutcomeCorrected c) {
                primary = c.correctedOutcome();
                secondary = c.secondaryReasons();
            } else if (event instanceof ConclusionDateCorrected c) {
                concludedOn = c.correctedDate();
            }
        }

        Optional<RequestCase> build() {
            if (!registered) {
                return Optional.empty();
            }
            boolean concluded = concludedOn != null && primary != null;
            return Optional.of(new RequestCase(CountingRules.column(type), receivedOn,
                    concluded ? CountingRules.countedConclusionDate(receivedOn, concludedOn) : null,
                    concluded ? CountingRules.countedOutcome(primary, secondary) : null));
        }
    }
}
