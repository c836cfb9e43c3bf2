package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationStarted;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionSupplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.api.request.RequestLifecycle;
import cn.gongkai.ledger.api.request.RequestLifecycle.Concluded;
import cn.gongkai.ledger.api.request.RequestLifecycle.Open;
import cn.gongkai.ledger.api.request.RequestLifecycle.RequestFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The facts of one request's history that the clock needs, read from the one {@link RequestLifecycle}. */
final class RequestFacts {
    RequestId requestId;
    Channel channel;
    LocalDate receivedOn;
    String officer;
    final List<CorrectionRequested> correctionRequests = new ArrayList<>();
    final List<CorrectionSupplied> supplies = new ArrayList<>();
    /** The last correction request came after the last supply. */
    boolean awaitingCorrection;
    final List<Consultation> consultations = new ArrayList<>();
    final List<Fee> fees = new ArrayList<>();
    final List<ExtensionApproved> extensions = new ArrayList<>();
    DisclosureRequestEvent.Conclusion conclusion;
    LocalDate concludedOn;

    /** A consultation; answered and expiry close the earliest open one. */
    static final class Consultation {
        final ConsultationStarted started;
        LocalDate answeredOn;
        LocalDate expiredOn;

        Consultation(ConsultationStarted started) {
            this.started = started;
        }

        boolean open() {
            return answeredOn == null && expiredOn == null;
        }
    }

    /** A fee notice; a payment settles the earliest unpaid one. */
    static final class Fee {
        final FeeNotified notified;
        LocalDate paidOn;

        Fee(FeeNotified notified) {
            this.notified = notified;
        }
    }

    /** The lifecycle's state the facts were read from. */
    RequestLifecycle.State state;

    private RequestFacts() {
    }

    /** The facts of {@code history} as {@link RequestLifecycle} replays it; the clock keeps no replay of its own. */
    static RequestFacts fold(List<? extends DisclosureRequestEvent> history) {
        if (history.isEmpty() || !(history.get(0) instanceof RequestReceived received)) {
            throw new IllegalArgumentException("a request history starts with RequestReceived");
        }
        for (DisclosureRequestEvent event : history) {
            if (!event.requestId().equals(received.requestId())) {
                throw new IllegalArgumentException("event of " + event.requestId() + " in the history of "
                        + received.requestId());
            }
        }
        RequestFacts facts = new RequestFacts();
        facts.state = RequestLifecycle.replay(history);
        RequestFile file = facts.state.file().orElseThrow();
        facts.requestId = file.requestId();
        facts.channel = file.channel();
        facts.receivedOn = file.receivedOn();
        facts.officer = file.officer();
        facts.correctionRequests.addAll(file.correctionRequests());
        facts.supplies.addAll(file.supplies());
        facts.awaitingCorrection = file.awaitingCorrection();
        for (RequestLifecycle.Consultation c : file.consultations()) {
            Consultation consultation = new Consultation(c.started());
            consultation.answeredOn = c.answeredOn();
            consultation.expiredOn = c.expiredOn();
            facts.consultations.add(consultation);
        }
        for (RequestLifecycle.Fee f : file.fees()) {
            Fee fee = new Fee(f.notified());
            fee.paidOn = f.paidOn();
            facts.fees.add(fee);
        }
        facts.extensions.addAll(file.extensions());
        if (facts.state instanceof Concluded concluded) {
            facts.conclusion = concluded.ending();
            facts.concludedOn = concluded.concludedOn();
        }
        return facts;
    }

    /** The period the applicant was given for the awaited correction, or {@code null} if none is awaited or none was set. */
    LocalDate pendingSupplyBy() {
        return awaitingCorrection ? correctionRequests.get(correctionRequests.size() - 1).supplyBy() : null;
    }

    boolean concluded() {
        return conclusion != null;
    }

    RequestStatus status() {
        RequestLifecycle.Status status = state instanceof Concluded c ? c.status() : ((Open) state).status();
        return RequestStatus.valueOf(status.name());
    }
}
