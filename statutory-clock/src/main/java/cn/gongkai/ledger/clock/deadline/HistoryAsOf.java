package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConclusionDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationAnswered;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationExpired;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationStarted;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionSupplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeePaid;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OutcomeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's history as it stood on a business date, for "as of" readings (worklist, deadline): pure.
 *
 * <ul>
 *   <li>A request received (receipt date as corrected) after {@code asOf} did not exist yet: empty.</li>
 *   <li>Each step counts from its business date: 补正 requested and supplied, consultation sent, answered or
 *       expired, fee notified and paid, extension approved; a step dated after {@code asOf} is left out.</li>
 *   <li>A conclusion (reply, withdrawal, closing) dated after {@code asOf}, by its date as corrected, is left out
 *       with its corrections (ConclusionDateCorrected, OutcomeCorrected): on {@code asOf} the request was open.</li>
 *   <li>ReceiptDateCorrected is kept: it states what the receipt date truly was, so the count as of any date uses
 *       it. Events without a business date (OfficerAssigned, ApplicantTypeCorrected, DueDateRecomputed) count from
 *       the day they were recorded.</li>
 * </ul>
 */
public final class HistoryAsOf {
    private HistoryAsOf() {
    }

    /**
     * @param history a request's events in sequence order, starting with RequestReceived
     * @return the events that had happened by the end of {@code asOf}, or empty if the request was received later
     */
    public static Optional<List<DisclosureRequestEvent>> of(List<? extends DisclosureRequestEvent> history,
                                                            LocalDate asOf) {
        if (history.isEmpty() || !(history.get(0) instanceof RequestReceived received)) {
            throw new IllegalArgumentException("a request history starts with RequestReceived");
        }
        LocalDate receivedOn = received.receivedOn();
        LocalDate concludedOn = null;
        for (DisclosureRequestEvent event : history) {
            if (event instanceof ReceiptDateCorrected c) {
                receivedOn = c.correctedDate();
            } else if (event instanceof DisclosureRequestEvent.Conclusion c) {
                concludedOn = c.concludedOn();
            } else if (event instanceof ConclusionDateCorrected c) {
                concludedOn = c.correctedDate();
            }
        }
        if (receivedOn.isAfter(asOf)) {
            return Optional.empty();
        }
        boolean concludedByThen = concludedOn != null && !concludedOn.isAfter(asOf);
        List<DisclosureRequestEvent> kept = new ArrayList<>();
        for (DisclosureRequestEvent event : history) {
            if (event instanceof DisclosureRequestEvent.Conclusion || event instanceof ConclusionDateCorrected
                    || event instanceof OutcomeCorrected) {
                if (concludedByThen) {
                    kept.add(event);
                }
            } else if (event instanceof RequestReceived || event instanceof ReceiptDateCorrected
                    || !dated(event).isAfter(asOf)) {
                kept.add(event);
            }
        }
        return Optional.of(List.copyOf(kept));
    }

    /** The business date of a step; the recording date for events that have none. */
    private static LocalDate dated(DisclosureRequestEvent event) {
        if (event instanceof CorrectionRequested e) {
            return e.requestedOn();
        } else if (event instanceof CorrectionSupplied e) {
            return e.suppliedOn();
        } else if (event instanceof ConsultationStarted e) {
            return e.sentOn();
        } else if (event instanceof ConsultationAnswered e) {
            return e.answeredOn();
        } else if (event instanceof ConsultationExpired e) {
            return e.expiredOn();
        } else if (event instanceof FeeNotified e) {
            return e.notifiedOn();
        } else if (event instanceof FeePaid e) {
            return e.paidOn();
        } else if (event instanceof ExtensionApproved e) {
            return e.approvedOn();
        }
        return event.recorded().businessDate();
    }
}
