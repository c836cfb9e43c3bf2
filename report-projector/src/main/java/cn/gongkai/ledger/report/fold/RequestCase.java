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
 * @param intake      the last event that decided the receipt date or the column (what puts it in 一, 二, 四)
 * @param conclusion  the last event that decided the conclusion, its date, outcome or column (what puts it in
 *                    三); null while open
 */
record RequestCase(String id, ApplicantType column, LocalDate receivedOn, LocalDate concludedOn,
                   Outcome outcome, CellSource intake, CellSource conclusion) {

    /** Replays a request's events (its whole stream from sequence 0); empty when its registration is not among them. */
    static Optional<RequestCase> replay(String id, List<LedgerEvent> events) {
        Builder b = new Builder(id);
        for (int sequence = 0; sequence < events.size(); sequence++) {
            b.apply(events.get(sequence), sequence);
        }
        return b.build();
    }

    private static final class Builder {
        private final String id;
        private boolean registered;
        private CellSource intake;
        private CellSource conclusion;
        private ApplicantType type;
        private LocalDate receivedOn;
        private LocalDate concludedOn;
        private Outcome primary;
        private List<Outcome> secondary = List.of();

        private Builder(String id) {
            this.id = id;
        }

        void apply(LedgerEvent event, long sequence) {
            CellSource source = new CellSource(id, sequence, event.getClass().getSimpleName());
            if (event instanceof RequestReceived r) {
                registered = true;
                type = r.applicant().type();
                receivedOn = r.receivedOn();
                intake = source;
            } else if (event instanceof ApplicantTypeCorrected c) {
                type = c.correctedType();
                intake = source;
                conclusion = conclusion == null ? null : source;
            } else if (event instanceof ReceiptDateCorrected c) {
                receivedOn = c.correctedDate();
                intake = source;
            } else if (event instanceof Conclusion c) {
                concludedOn = c.concludedOn();
                primary = c instanceof RequestWithdrawn ? CountingRules.WITHDRAWAL : c.outcome();
                secondary = c instanceof RequestReplied r ? r.secondaryReasons() : List.of();
                conclusion = source;
            } else if (event instanceof OutcomeCorrected c) {
                primary = c.correctedOutcome();
                secondary = c.secondaryReasons();
                conclusion = source;
            } else if (event instanceof ConclusionDateCorrected c) {
                concludedOn = c.correctedDate();
                conclusion = source;
            }
        }

        Optional<RequestCase> build() {
            if (!registered) {
                return Optional.empty();
            }
            boolean concluded = concludedOn != null && primary != null;
            return Optional.of(new RequestCase(id, CountingRules.column(type), receivedOn,
                    concluded ? CountingRules.countedConclusionDate(receivedOn, concludedOn) : null,
                    concluded ? CountingRules.countedOutcome(primary, secondary) : null, intake,
                    concluded ? conclusion : null));
        }
    }
}
