package cn.gongkai.ledger.readmodel.casefile;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Labelled;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Label;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Party;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.TimelineEntry;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds one case's events (in sequence order, from sequence 0, without gaps) into its {@link CaseSummary}.
 * Pure and deterministic: the same events give the same summary. Corrections replace the fact they correct.
 */
public final class CaseSummaryFold {
    private CaseSummaryFold() {
    }

    /** The summary of the case, or empty when the events are not those of a request, reconsideration or lawsuit. */
    public static Optional<CaseSummary> fold(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Optional<CaseType> type = CaseType.ofAggregateType(events.get(0).aggregateType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Draft draft = new Draft(events.get(0).aggregateId(), type.get());
        events.forEach(draft::apply);
        return Optional.of(draft.summary());
    }

    private static Label label(Labelled value) {
        return value == null ? null : new Label(value.key(), value.label());
    }

    /** The mutable state of one fold; never escapes it. */
    private static final class Draft {
        private final String id;
        private final CaseType caseType;
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private String agencyId;
        private CaseStatus status;
        private String reference;
        private LocalDate openedOn;
        private Party party;
        private String subject;
        private String channel;
        private String handlingOfficer;
        private String forum;
        private String route;
        private Outcome requestOutcome;
        private Label appealOutcome;
        private List<Label> secondaryReasons = List.of();
        private Label decision;
        private LocalDate concludedOn;
        private String linkedRequestId;
        private String linkedReconsiderationId;
        private EventEnvelope last;

        Draft(String id, CaseType caseType) {
            this.id = id;
            this.caseType = caseType;
        }

        void apply(EventEnvelope envelope) {
            LedgerEvent event = envelope.payload();
            timeline.add(new TimelineEntry(envelope.sequence(), envelope.type(), event.recorded().at(),
                    event.recorded().by(), ReadModelJson.tree(event)));
            last = envelope;
            if (event instanceof DisclosureRequestEvent request) {
                applyRequest(request);
            } else if (event instanceof ReconsiderationEvent reconsideration) {
                applyReconsideration(reconsideration);
            } else if (event instanceof LawsuitEvent lawsuit) {
                applyLawsuit(lawsuit);
            }
        }

        private void applyRequest(DisclosureRequestEvent event) {
            if (event instanceof DisclosureRequestEvent.RequestReceived e) {
                agencyId = e.agencyId().value();
                reference = e.trackingNumber();
                channel = e.channel() == null ? null : e.channel().label();
                openedOn = e.receivedOn();
                party = new Party(label(e.applicant().type()), e.applicant().name());
                subject = e.subject();
                handlingOfficer = e.handlingOfficer();
                status = CaseStatus.OPEN;
            } else if (event instanceof DisclosureRequestEvent.OfficerAssigned e) {
                handlingOfficer = e.officer();
            } else if (event instanceof DisclosureRequestEvent.CorrectionRequested) {
                status = CaseStatus.AWAITING_CORRECTION;
            } else if (event instanceof DisclosureRequestEvent.ConsultationStarted) {
                status = CaseStatus.IN_CONSULTATION;
            } else if (event instanceof DisclosureRequestEvent.FeeNotified) {
                status = CaseStatus.AWAITING_FEE;
            } else if (event instanceof DisclosureRequestEvent.CorrectionSupplied
                    || event instanceof DisclosureRequestEvent.ConsultationAnswered
                    || event instanceof DisclosureRequestEvent.ConsultationExpired
                    || event instanceof DisclosureRequestEvent.FeePaid) {
                status = CaseStatus.OPEN;
            } else if (event instanceof DisclosureRequestEvent.Conclusion e) {
                status = CaseStatus.CONCLUDED;
                concludedOn = e.concludedOn();
                requestOutcome = e.outcome();
                secondaryReasons = e instanceof DisclosureRequestEvent.RequestReplied replied
                        ? replied.secondaryReasons().stream().map(CaseSummaryFold::label).toList() : List.of();
            } else if (event instanceof DisclosureRequestEvent.ApplicantTypeCorrected e) {
                party = new Party(label(e.correctedType()), party == null ? null : party.name());
            } else if (event instanceof DisclosureRequestEvent.ReceiptDateCorrected e) {
                openedOn = e.correctedDate();
            } else if (event instanceof DisclosureRequestEvent.OutcomeCorrected e) {
                requestOutcome = e.correctedOutcome();
                secondaryReasons = e.secondaryReasons().stream().map(CaseSummaryFold::label).toList();
            } else if (event instanceof DisclosureRequestEvent.ConclusionDateCorrected e) {
                concludedOn = e.correctedDate();
            }
        }

        private void applyReconsideration(ReconsiderationEvent event) {
            if (event instanceof ReconsiderationEvent.ReconsiderationFiled e) {
                agencyId = e.agencyId().value();
                reference = e.caseNumber();
                forum = e.reviewBody();
                party = new Party(null, e.applicantName());
                openedOn = e.filedOn();
                linkedRequestId = e.linkedRequestId() == null ? null : e.linkedRequestId().value();
                status = CaseStatus.FILED;
            } else if (event instanceof ReconsiderationEvent.ReconsiderationAccepted) {
                status = CaseStatus.ACCEPTED;
            } else if (event instanceof ReconsiderationEvent.Conclusion e) {
                status = CaseStatus.CONCLUDED;
                concludedOn = e.concludedOn();
                appealOutcome = label(e.outcome());
                decision = e instanceof ReconsiderationEvent.ReconsiderationDecided decided ? label(decided.result()) : null;
            }
        }

        private void applyLawsuit(LawsuitEvent event) {
            if (event instanceof LawsuitEvent.LawsuitFiled e) {
                agencyId = e.agencyId().value();
                reference = e.caseNumber();
                forum = e.court();
                party = new Party(null, e.plaintiffName());
                openedOn = e.filedOn();
                route = e.route() == null ? null : e.route().key();
                linkedRequestId = e.linkedRequestId() == null ? null : e.linkedRequestId().value();
                linkedReconsiderationId = e.linkedReconsiderationId() == null ? null : e.linkedReconsiderationId().value();
                status = CaseStatus.FILED;
            } else if (event instanceof LawsuitEvent.JudgmentRendered e) {
                decision = label(e.result());
                forum = e.court() == null ? forum : e.court();
                status = CaseStatus.JUDGMENT_RENDERED;
            } else if (event instanceof LawsuitEvent.AppealFiled) {
                status = CaseStatus.APPEALED;
            } else if (event instanceof LawsuitEvent.JudgmentTookEffect e) {
                status = CaseStatus.CONCLUDED;
                concludedOn = e.effectiveOn();
                appealOutcome = label(e.outcome());
            } else if (event instanceof LawsuitEvent.RetrialOpened e) {
                status = CaseStatus.RETRIAL;
                forum = e.court() == null ? forum : e.court();
                concludedOn = null;
                appealOutcome = null;
            }
        }

        CaseSummary summary() {
            Label outcome = caseType == CaseType.REQUEST ? label(requestOutcome) : appealOutcome;
            return new CaseSummary(id, caseType, agencyId, status, reference, openedOn,
                    openedOn == null ? null : openedOn.getYear(), party, subject, channel, handlingOfficer, forum, route,
                    outcome, secondaryReasons, decision, concludedOn, linkedRequestId, linkedReconsiderationId,
                    last.sequence(), last.payload().recorded().at(), List.copyOf(timeline));
        }
    }
}
