package cn.gongkai.ledger.api.request;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ApplicantTypeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForMissingCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForUnpaidFee;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.Conclusion;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConclusionDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationAnswered;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationExpired;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationStarted;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionSupplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.DueDateRecomputed;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeePaid;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OutcomeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestWithdrawn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one lifecycle of a disclosure request: a sealed {@link State} and one pure {@link #evolve}. The aggregate,
 * the statutory clock, the case summary and the report fold all replay a request through it, so they cannot
 * disagree on where a request stands.
 *
 * <pre>
 *   Unregistered --RequestReceived--> Open --Conclusion--> Concluded
 *   Open: steps (补正, 征求意见, 收费, 延期), officer, receipt-date and applicant-type corrections, recomputed due dates
 *   Concluded: the four corrections (applicant type, receipt date, outcome, conclusion date)
 * </pre>
 *
 * <p>Events are facts, recorded once; which report row a conclusion counts under is the report's
 * {@code CountingRules}. The lifecycle keeps the outcome the officer recorded: the reply's primary outcome, the
 * row the 条例 names for the two closings (三.六.1, 三.六.2), none for a withdrawal, and the last
 * {@link OutcomeCorrected} over any of them.
 *
 * <p>Replays are tolerant: an event the aggregate would have refused (a step after conclusion, a second
 * conclusion) still evolves the state the way the clock has always read it (latest wins); the aggregate's rules
 * make such histories impossible in the store.
 */
public final class RequestLifecycle {
    private RequestLifecycle() {
    }

    /** Where a request stands, derived from its events alone. */
    public enum Status {
        REGISTERED, AWAITING_CORRECTION, CONSULTING, AWAITING_FEE, EXTENDED, REPLIED, CLOSED, WITHDRAWN;

        public boolean open() {
            return this != REPLIED && this != CLOSED && this != WITHDRAWN;
        }
    }

    /** The state of a request. */
    public sealed interface State permits Unregistered, Open, Concluded {
        /** The request's facts; empty before its receipt is recorded. */
        Optional<RequestFile> file();
    }

    /** Nothing recorded yet. */
    public record Unregistered() implements State {
        @Override
        public Optional<RequestFile> file() {
            return Optional.empty();
        }
    }

    /** Received and not concluded: the agency still owes an answer. */
    public record Open(RequestFile facts) implements State {
        @Override
        public Optional<RequestFile> file() {
            return Optional.of(facts);
        }

        /** The first of 待补正, 待缴费, 征求意见中, 已延期 that applies, else 登记. */
        public Status status() {
            if (facts.awaitingCorrection()) {
                return Status.AWAITING_CORRECTION;
            }
            if (facts.openFee().isPresent()) {
                return Status.AWAITING_FEE;
            }
            if (facts.openConsultation().isPresent()) {
                return Status.CONSULTING;
            }
            return facts.extensions().isEmpty() ? Status.REGISTERED : Status.EXTENDED;
        }
    }

    /**
     * Concluded by {@code ending} (as recorded), with its conclusion date and outcome as last corrected.
     *
     * @param outcome          the recorded outcome (see the class comment); null for an uncorrected withdrawal
     * @param secondaryReasons the reply's secondary reasons as last corrected; empty for the other endings
     */
    public record Concluded(RequestFile facts, Conclusion ending, LocalDate concludedOn, Outcome outcome,
                            List<Outcome> secondaryReasons) implements State {
        public Concluded {
            secondaryReasons = List.copyOf(secondaryReasons);
        }

        @Override
        public Optional<RequestFile> file() {
            return Optional.of(facts);
        }

        public Status status() {
            if (ending instanceof RequestWithdrawn) {
                return Status.WITHDRAWN;
            }
            return ending instanceof RequestReplied ? Status.REPLIED : Status.CLOSED;
        }

        /** The recorded outcome; empty for a withdrawal no correction gave one. */
        public Optional<Outcome> recordedOutcome() {
            return Optional.ofNullable(outcome);
        }
    }

    /** A consultation (征求意见); an answer or an expiry closes the earliest open one. */
    public record Consultation(ConsultationStarted started, LocalDate answeredOn, LocalDate expiredOn) {
        public boolean open() {
            return answeredOn == null && expiredOn == null;
        }
    }

    /** A fee notice (收费通知); a payment settles the earliest unpaid one. */
    public record Fee(FeeNotified notified, LocalDate paidOn) {
        public boolean open() {
            return paidOn == null;
        }
    }

    /**
     * The facts of a request, corrections applied.
     *
     * @param awaitingCorrection the last correction request came after the last supply
     * @param firstStepOn        the earliest date of a step between receipt and conclusion; null when none
     * @param lastStepOn         the latest such date; null when none
     * @param lastRecomputation  the last recorded due-date change; null when none
     */
    public record RequestFile(RequestId requestId, AgencyId agencyId, String trackingNumber, Channel channel,
                              LocalDate receivedOn, Applicant applicant, String subject, String officer,
                              List<CorrectionRequested> correctionRequests, List<CorrectionSupplied> supplies,
                              boolean awaitingCorrection, List<Consultation> consultations, List<Fee> fees,
                              List<ExtensionApproved> extensions, LocalDate firstStepOn, LocalDate lastStepOn,
                              DueDateRecomputed lastRecomputation) {
        public RequestFile {
            correctionRequests = List.copyOf(correctionRequests);
            supplies = List.copyOf(supplies);
            consultations = List.copyOf(consultations);
            fees = List.copyOf(fees);
            extensions = List.copyOf(extensions);
        }

        static RequestFile of(RequestReceived e) {
            return new RequestFile(e.requestId(), e.agencyId(), e.trackingNumber(), e.channel(), e.receivedOn(),
                    e.applicant(), e.subject(), e.handlingOfficer(), List.of(), List.of(), false, List.of(), List.of(),
                    List.of(), null, null, null);
        }

        /** The correction asked for last; empty when none was. */
        public Optional<CorrectionRequested> lastCorrectionRequest() {
            return correctionRequests.isEmpty() ? Optional.empty()
                    : Optional.of(correctionRequests.get(correctionRequests.size() - 1));
        }

        /** The correction supplied last; empty when none was. */
        public Optional<CorrectionSupplied> lastSupply() {
            return supplies.isEmpty() ? Optional.empty() : Optional.of(supplies.get(supplies.size() - 1));
        }

        public Optional<Consultation> openConsultation() {
            return consultations.stream().filter(Consultation::open).findFirst();
        }

        public Optional<Fee> openFee() {
            return fees.stream().filter(Fee::open).findFirst();
        }

        /** The latest step, or the receipt date when there was none. */
        public LocalDate latestStepOrReceipt() {
            return lastStepOn == null ? receivedOn : lastStepOn;
        }

        RequestFile withApplicantType(cn.gongkai.ledger.api.common.ApplicantType type) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn,
                    new Applicant(type, applicant.name(), applicant.idDocumentNumber(), applicant.contact()), subject,
                    officer, correctionRequests, supplies, awaitingCorrection, consultations, fees, extensions,
                    firstStepOn, lastStepOn, lastRecomputation);
        }

        RequestFile withReceivedOn(LocalDate date) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, date, applicant, subject, officer,
                    correctionRequests, supplies, awaitingCorrection, consultations, fees, extensions, firstStepOn,
                    lastStepOn, lastRecomputation);
        }

        RequestFile withOfficer(String assigned) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn, applicant, subject,
                    assigned, correctionRequests, supplies, awaitingCorrection, consultations, fees, extensions,
                    firstStepOn, lastStepOn, lastRecomputation);
        }

        RequestFile withRecomputation(DueDateRecomputed recomputed) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn, applicant, subject,
                    officer, correctionRequests, supplies, awaitingCorrection, consultations, fees, extensions,
                    firstStepOn, lastStepOn, recomputed);
        }

        RequestFile withCorrection(List<CorrectionRequested> requests, List<CorrectionSupplied> supplied,
                                   boolean awaiting, LocalDate stepOn) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn, applicant, subject,
                    officer, requests, supplied, awaiting, consultations, fees, extensions, firstStepOn, lastStepOn,
                    lastRecomputation).step(stepOn);
        }

        RequestFile withConsultations(List<Consultation> updated, LocalDate stepOn) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn, applicant, subject,
                    officer, correctionRequests, supplies, awaitingCorrection, updated, fees, extensions, firstStepOn,
                    lastStepOn, lastRecomputation).step(stepOn);
        }

        RequestFile withFees(List<Fee> updated, LocalDate stepOn) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn, applicant, subject,
                    officer, correctionRequests, supplies, awaitingCorrection, consultations, updated, extensions,
                    firstStepOn, lastStepOn, lastRecomputation).step(stepOn);
        }

        RequestFile withExtensions(List<ExtensionApproved> updated, LocalDate stepOn) {
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn, applicant, subject,
                    officer, correctionRequests, supplies, awaitingCorrection, consultations, fees, updated,
                    firstStepOn, lastStepOn, lastRecomputation).step(stepOn);
        }

        private RequestFile step(LocalDate date) {
            if (date == null) {
                return this;
            }
            LocalDate first = firstStepOn == null || date.isBefore(firstStepOn) ? date : firstStepOn;
            LocalDate last = lastStepOn == null || date.isAfter(lastStepOn) ? date : lastStepOn;
            return new RequestFile(requestId, agencyId, trackingNumber, channel, receivedOn, applicant, subject,
                    officer, correctionRequests, supplies, awaitingCorrection, consultations, fees, extensions, first,
                    last, lastRecomputation);
        }
    }

    /** The state before any event. */
    public static State initial() {
        return new Unregistered();
    }

    /** Replays a history from {@link #initial()}. */
    public static State replay(List<? extends DisclosureRequestEvent> history) {
        State state = initial();
        for (DisclosureRequestEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    /**
     * The state after {@code event}. Pure. Every subtype of {@link DisclosureRequestEvent} is handled here (a test
     * walks the permitted subclasses); an event before the receipt leaves the request unregistered.
     */
    public static State evolve(State state, DisclosureRequestEvent event) {
        if (event instanceof RequestReceived received) {
            // a receipt recorded again (refused by the aggregate) keeps the first one
            return state instanceof Unregistered ? new Open(RequestFile.of(received)) : state;
        }
        if (state instanceof Unregistered) {
            return state;
        }
        if (event instanceof Conclusion conclusion) {
            RequestFile facts = state.file().orElseThrow();
            return new Concluded(facts, conclusion, conclusion.concludedOn(), recordedOutcome(conclusion),
                    conclusion instanceof RequestReplied replied ? replied.secondaryReasons() : List.of());
        }
        if (event instanceof OutcomeCorrected e) {
            return state instanceof Concluded c
                    ? new Concluded(c.facts(), c.ending(), c.concludedOn(), e.correctedOutcome(), e.secondaryReasons())
                    : state;
        }
        if (event instanceof ConclusionDateCorrected e) {
            return state instanceof Concluded c
                    ? new Concluded(c.facts(), c.ending(), e.correctedDate(), c.outcome(), c.secondaryReasons())
                    : state;
        }
        return withFacts(state, facts -> evolveFacts(facts, event));
    }

    /** The outcome a conclusion records by itself: the reply's primary, the closing's named row, none for a withdrawal. */
    private static Outcome recordedOutcome(Conclusion conclusion) {
        if (conclusion instanceof RequestReplied replied) {
            return replied.primaryOutcome();
        }
        if (conclusion instanceof ClosedForMissingCorrection) {
            return Outcome.OTHER_CORRECTION_NOT_SUPPLIED;
        }
        if (conclusion instanceof ClosedForUnpaidFee) {
            return Outcome.OTHER_FEE_NOT_PAID;
        }
        return null; // RequestWithdrawn: the applicant's act, no outcome of the agency's
    }

    private static State withFacts(State state, UnaryOperator<RequestFile> change) {
        if (state instanceof Open open) {
            return new Open(change.apply(open.facts()));
        }
        Concluded c = (Concluded) state;
        return new Concluded(change.apply(c.facts()), c.ending(), c.concludedOn(), c.outcome(), c.secondaryReasons());
    }

    private static RequestFile evolveFacts(RequestFile facts, DisclosureRequestEvent event) {
        if (event instanceof OfficerAssigned e) {
            return facts.withOfficer(e.officer());
        } else if (event instanceof ApplicantTypeCorrected e) {
            return facts.withApplicantType(e.correctedType());
        } else if (event instanceof ReceiptDateCorrected e) {
            return facts.withReceivedOn(e.correctedDate());
        } else if (event instanceof CorrectionRequested e) {
            return facts.withCorrection(append(facts.correctionRequests(), e), facts.supplies(), true, e.requestedOn());
        } else if (event instanceof CorrectionSupplied e) {
            return facts.withCorrection(facts.correctionRequests(), append(facts.supplies(), e), false, e.suppliedOn());
        } else if (event instanceof ConsultationStarted e) {
            return facts.withConsultations(append(facts.consultations(), new Consultation(e, null, null)), e.sentOn());
        } else if (event instanceof ConsultationAnswered e) {
            return facts.withConsultations(closeFirstOpen(facts.consultations(), e.answeredOn(), null), e.answeredOn());
        } else if (event instanceof ConsultationExpired e) {
            return facts.withConsultations(closeFirstOpen(facts.consultations(), null, e.expiredOn()), e.expiredOn());
        } else if (event instanceof FeeNotified e) {
            return facts.withFees(append(facts.fees(), new Fee(e, null)), e.notifiedOn());
        } else if (event instanceof FeePaid e) {
            return facts.withFees(payFirstOpen(facts.fees(), e.paidOn()), e.paidOn());
        } else if (event instanceof ExtensionApproved e) {
            return facts.withExtensions(append(facts.extensions(), e), e.approvedOn());
        } else if (event instanceof DueDateRecomputed e) {
            return facts.withRecomputation(e);
        }
        return facts; // RequestReceived, Conclusion, OutcomeCorrected, ConclusionDateCorrected: handled in evolve
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    private static List<Consultation> closeFirstOpen(List<Consultation> consultations, LocalDate answeredOn,
                                                     LocalDate expiredOn) {
        List<Consultation> copy = new ArrayList<>(consultations);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).open()) {
                copy.set(i, new Consultation(copy.get(i).started(), answeredOn, expiredOn));
                break;
            }
        }
        return copy;
    }

    private static List<Fee> payFirstOpen(List<Fee> fees, LocalDate paidOn) {
        List<Fee> copy = new ArrayList<>(fees);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).open()) {
                copy.set(i, new Fee(copy.get(i).notified(), paidOn));
                break;
            }
        }
        return copy;
    }
}
