package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.Channel;
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
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestWithdrawn;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The facts of one request's history that the clock needs: a pure fold, corrections applied. */
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

    private RequestFacts() {
    }

    static RequestFacts fold(List<? extends DisclosureRequestEvent> history) {
        if (history.isEmpty() || !(history.get(0) instanceof RequestReceived received)) {
            throw new IllegalArgumentException("a request history starts with RequestReceived");
        }
        RequestFacts facts = new RequestFacts();
        facts.requestId = received.requestId();
        facts.channel = received.channel();
        facts.receivedOn = received.receivedOn();
        facts.officer = received.handlingOfficer();
        for (DisclosureRequestEvent event : history.subList(1, history.size())) {
            if (!event.requestId().equals(facts.requestId)) {
                throw new IllegalArgumentException("event of " + event.requestId() + " in the history of " + facts.requestId);
            }
            facts.apply(event);
        }
        return facts;
    }

    private void apply(DisclosureRequestEvent event) {
        if (event instanceof OfficerAssigned e) {
            officer = e.officer();
        } else if (event instanceof ReceiptDateCorrected e) {
            receivedOn = e.correctedDate();
        } else if (event instanceof CorrectionRequested e) {
            correctionRequests.add(e);
            awaitingCorrection = true;
        } else if (event instanceof CorrectionSupplied e) {
            supplies.add(e);
            awaitingCorrection = false;
        } else if (event instanceof ConsultationStarted e) {
            consultations.add(new Consultation(e));
        } else if (event instanceof ConsultationAnswered e) {
            firstOpenConsultation().ifPresent(c -> c.answeredOn = e.answeredOn());
        } else if (event instanceof ConsultationExpired e) {
            firstOpenConsultation().ifPresent(c -> c.expiredOn = e.expiredOn());
        } else if (event instanceof FeeNotified e) {
            fees.add(new Fee(e));
        } else if (event instanceof FeePaid e) {
            fees.stream().filter(f -> f.paidOn == null).findFirst().ifPresent(f -> f.paidOn = e.paidOn());
        } else if (event instanceof ExtensionApproved e) {
            extensions.add(e);
        } else if (event instanceof DisclosureRequestEvent.Conclusion e) {
            conclusion = e;
            concludedOn = e.concludedOn();
        } else if (event instanceof ConclusionDateCorrected e) {
            concludedOn = e.correctedDate();
        }
        // RequestReceived again, ApplicantTypeCorrected, OutcomeCorrected, DueDateRecomputed: no bearing on the clock.
    }

    private Optional<Consultation> firstOpenConsultation() {
        return consultations.stream().filter(Consultation::open).findFirst();
    }

    /** The period the applicant was given for the awaited correction, or {@code null} if none is awaited or none was set. */
    LocalDate pendingSupplyBy() {
        return awaitingCorrection ? correctionRequests.get(correctionRequests.size() - 1).supplyBy() : null;
    }

    boolean concluded() {
        return conclusion != null;
    }

    RequestStatus status() {
        if (conclusion instanceof RequestWithdrawn) {
            return RequestStatus.WITHDRAWN;
        }
        if (conclusion instanceof RequestReplied) {
            return RequestStatus.REPLIED;
        }
        if (conclusion != null) {
            return RequestStatus.CLOSED;
        }
        if (awaitingCorrection) {
            return RequestStatus.AWAITING_CORRECTION;
        }
        if (fees.stream().anyMatch(f -> f.paidOn == null)) {
            return RequestStatus.AWAITING_FEE;
        }
        if (consultations.stream().anyMatch(Consultation::open)) {
            return RequestStatus.CONSULTING;
        }
        return extensions.isEmpty() ? RequestStatus.REGISTERED : RequestStatus.EXTENDED;
    }
}
