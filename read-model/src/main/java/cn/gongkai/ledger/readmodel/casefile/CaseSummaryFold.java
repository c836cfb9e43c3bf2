package cn.gongkai.ledger.readmodel.casefile;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Labelled;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.LawsuitFile;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestLifecycle;
import cn.gongkai.ledger.privacy.PersonalDataCipher;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Label;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Party;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.TimelineEntry;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import cn.gongkai.ledger.report.fold.CountingRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds one case's events (in sequence order, from sequence 0, without gaps) into its {@link CaseSummary}.
 * Pure and deterministic: the same events give the same summary. Corrections replace the fact they correct. A
 * request and a lawsuit are read through their one lifecycle ({@link RequestLifecycle}, {@link LawsuitLifecycle}),
 * so the summary's status agrees with the statutory clock's and the report's; the withdrawal's row and a
 * judgment's table-四 column are {@link CountingRules}'. Personal data stays as the events hold it (sealed); once
 * the case's personal data is erased ({@link PersonalDataErased}) the summary shows 已删除 in its place.
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
        private boolean erased;
        private RequestLifecycle.State requestState = RequestLifecycle.initial();
        private LawsuitLifecycle.State lawsuitState = LawsuitLifecycle.initial();
        private ReconsiderationLifecycle.State reconsiderationState = ReconsiderationLifecycle.initial();

        Draft(String id, CaseType caseType) {
            this.id = id;
            this.caseType = caseType;
        }

        void apply(EventEnvelope envelope) {
            LedgerEvent event = envelope.payload();
            timeline.add(new TimelineEntry(envelope.sequence(), envelope.type(), event.recorded().at(),
                    event.recorded().by(), ReadModelJson.tree(event)));
            last = envelope;
            erased |= event instanceof PersonalDataErased;
            if (event instanceof DisclosureRequestEvent request) {
                applyRequest(request);
            } else if (event instanceof ReconsiderationEvent reconsideration) {
                applyReconsideration(reconsideration);
            } else if (event instanceof LawsuitEvent lawsuit) {
                applyLawsuit(lawsuit);
            }
        }

        /** A request is read from the one {@link RequestLifecycle}, as the clock and the report read it. */
        private void applyRequest(DisclosureRequestEvent event) {
            requestState = RequestLifecycle.evolve(requestState, event);
            requestState.file().ifPresent(facts -> {
                agencyId = facts.agencyId().value();
                reference = facts.trackingNumber();
                channel = facts.channel() == null ? null : facts.channel().label();
                openedOn = facts.receivedOn();
                party = new Party(label(facts.applicant().type()), facts.applicant().name());
                subject = facts.subject();
                handlingOfficer = facts.officer();
            });
            if (requestState instanceof RequestLifecycle.Open open) {
                status = switch (open.status()) {
                    case AWAITING_CORRECTION -> CaseStatus.AWAITING_CORRECTION;
                    case CONSULTING -> CaseStatus.IN_CONSULTATION;
                    case AWAITING_FEE -> CaseStatus.AWAITING_FEE;
                    default -> CaseStatus.OPEN;
                };
            } else if (requestState instanceof RequestLifecycle.Concluded c) {
                status = CaseStatus.CONCLUDED;
                concludedOn = c.concludedOn();
                requestOutcome = c.recordedOutcome().orElse(CountingRules.WITHDRAWAL);
                secondaryReasons = c.secondaryReasons().stream().map(CaseSummaryFold::label).toList();
            }
        }

        /** A reconsideration is read from the one {@link ReconsiderationLifecycle}, as the report reads it. */
        private void applyReconsideration(ReconsiderationEvent event) {
            reconsiderationState = ReconsiderationLifecycle.evolve(reconsiderationState, event);
            if (reconsiderationState.filing().isEmpty()) {
                return;
            }
            ReconsiderationEvent.ReconsiderationFiled e = reconsiderationState.filing().get();
            agencyId = e.agencyId().value();
            reference = e.caseNumber();
            forum = e.reviewBody();
            party = new Party(null, e.applicantName());
            openedOn = e.filedOn();
            linkedRequestId = e.linkedRequestId() == null ? null : e.linkedRequestId().value();
            if (reconsiderationState instanceof ReconsiderationLifecycle.Concluded c) {
                status = CaseStatus.CONCLUDED;
                concludedOn = c.concludedOn();
                appealOutcome = label(CountingRules.appealOutcome(c.ending()));
                decision = c.ending() instanceof ReconsiderationEvent.ReconsiderationDecided decided
                        ? label(decided.result()) : null;
            } else {
                status = reconsiderationState instanceof ReconsiderationLifecycle.Accepted
                        ? CaseStatus.ACCEPTED : CaseStatus.FILED;
            }
        }

        /** A lawsuit is read from the one {@link LawsuitLifecycle}, as the report reads it. */
        private void applyLawsuit(LawsuitEvent event) {
            lawsuitState = LawsuitLifecycle.evolve(lawsuitState, event);
            if (lawsuitState.file().isEmpty()) {
                return;
            }
            LawsuitFile facts = lawsuitState.file().get();
            LawsuitEvent.LawsuitFiled filing = facts.filing();
            agencyId = filing.agencyId().value();
            reference = filing.caseNumber();
            forum = facts.court();
            party = new Party(null, filing.plaintiffName());
            openedOn = filing.filedOn();
            route = filing.route() == null ? null : filing.route().key();
            linkedRequestId = filing.linkedRequestId() == null ? null : filing.linkedRequestId().value();
            linkedReconsiderationId = filing.linkedReconsiderationId() == null ? null
                    : filing.linkedReconsiderationId().value();
            decision = facts.latestJudgment() == null ? null : label(facts.latestJudgment().result());
            if (lawsuitState instanceof LawsuitLifecycle.Concluded c) {
                status = CaseStatus.CONCLUDED;
                concludedOn = c.effectiveOn();
                appealOutcome = label(CountingRules.appealOutcome(c.result()));
            } else if (lawsuitState instanceof LawsuitLifecycle.Pending p) {
                status = p.judgmentRendered() ? CaseStatus.JUDGMENT_RENDERED : switch (p.instance()) {
                    case FIRST -> CaseStatus.FILED;
                    case SECOND -> CaseStatus.APPEALED;
                    case RETRIAL -> CaseStatus.RETRIAL;
                };
                concludedOn = null;
                appealOutcome = null;
            }
        }

        /** An erased case's summary is rewritten: its party's name and every personal field read 已删除. */
        CaseSummary summary() {
            Label outcome = caseType == CaseType.REQUEST ? label(requestOutcome) : appealOutcome;
            Party shownParty = erased && party != null ? new Party(party.type(), PersonalDataCipher.ERASED) : party;
            List<TimelineEntry> entries = erased ? timeline.stream().map(t -> new TimelineEntry(t.sequence(), t.type(),
                    t.recordedAt(), t.recordedBy(), PersonalDataCipher.erased(t.payload()))).toList() : timeline;
            return new CaseSummary(id, caseType, agencyId, status, reference, openedOn,
                    openedOn == null ? null : openedOn.getYear(), shownParty, subject, channel, handlingOfficer, forum,
                    route, outcome, secondaryReasons, decision, concludedOn, linkedRequestId, linkedReconsiderationId,
                    last.sequence(), last.payload().recorded().at(), List.copyOf(entries));
        }
    }
}
