package cn.gongkai.ledger.command.reconsideration;

import static cn.gongkai.ledger.command.rules.Rules.dated;
import static cn.gongkai.ledger.command.rules.Rules.notBefore;
import static cn.gongkai.ledger.command.rules.Rules.present;
import static cn.gongkai.ledger.command.rules.Rules.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.AcceptReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.DecideReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.EraseReconsiderationApplicantData;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.FileReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.RejectReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.WithdrawReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationAccepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationApplicantDataErased;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationDecided;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationFiled;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationRejected;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationWithdrawn;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.Accepted;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.Concluded;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle.State;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationLifecycle;
import cn.gongkai.ledger.command.AxonCommandTargets;
import cn.gongkai.ledger.command.rules.Field;
import cn.gongkai.ledger.command.rules.Rules;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A reconsideration (行政复议) in which the agency is the respondent: filed, then either rejected (不予受理,
 * before acceptance), or accepted and decided on the merits; the applicant may withdraw while it is open.
 * A decision needs a recorded acceptance (the review body decides only accepted cases). Its state is the one
 * {@link ReconsiderationLifecycle}.
 */
@Aggregate(commandTargetResolver = AxonCommandTargets.BEAN_NAME)
class Reconsideration {
    private static final Field AGENCY_ID = new Field("agencyId", "被申请人（本机关）");
    private static final Field REVIEW_BODY = new Field("reviewBody", "复议机关");
    private static final Field APPLICANT_NAME = new Field("applicantName", "复议申请人");
    private static final Field FILED_ON = new Field("filedOn", "申请复议日期");
    private static final Field ACCEPTED_ON = new Field("acceptedOn", "受理日期");
    private static final Field DECIDED_ON = new Field("decidedOn", "决定日期");
    private static final Field REASON = new Field("reason", "不予受理理由");
    private static final Field RESULT = new Field("result", "复议决定");
    private static final Field WITHDRAWN_ON = new Field("withdrawnOn", "撤回日期");

    @AggregateIdentifier
    private String reconsiderationId;
    private State state = ReconsiderationLifecycle.initial();
    private boolean applicantDataErased;

    Reconsideration() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FileReconsideration command) {
        if (reconsiderationId != null) {
            throw RuleViolation.conflict("RECONSIDERATION_ALREADY_FILED",
                    "该行政复议案件（" + reconsiderationId + "）已登记", "reconsideration " + reconsiderationId
                            + " is already filed");
        }
        present(command.agencyId(), AGENCY_ID);
        text(command.reviewBody(), REVIEW_BODY);
        text(command.applicantName(), APPLICANT_NAME);
        dated(command.filedOn(), FILED_ON, command.recorded());
        Rules.sameAgency(command.agencyId(), command.linkedRequestId());
        apply(new ReconsiderationFiled(command.reconsiderationId(), command.agencyId(), command.reviewBody(),
                command.caseNumber(), command.applicantName(), command.filedOn(), command.linkedRequestId(),
                command.recorded()));
    }

    @CommandHandler
    void handle(AcceptReconsideration command) {
        requireOpen();
        requireNotAccepted();
        dated(command.acceptedOn(), ACCEPTED_ON, command.recorded());
        notBefore(command.acceptedOn(), ACCEPTED_ON, filedOn(), FILED_ON);
        apply(new ReconsiderationAccepted(command.reconsiderationId(), command.acceptedOn(), command.recorded()));
    }

    /** 不予受理 is decided on a filed case that was not accepted. */
    @CommandHandler
    void handle(RejectReconsideration command) {
        requireOpen();
        requireNotAccepted();
        concludedDate(command.decidedOn(), DECIDED_ON, command.recorded());
        text(command.reason(), REASON);
        apply(new ReconsiderationRejected(command.reconsiderationId(), command.decidedOn(), command.reason(),
                command.recorded()));
    }

    @CommandHandler
    void handle(DecideReconsideration command) {
        requireOpen();
        if (acceptedOn() == null) {
            throw RuleViolation.conflict("RECONSIDERATION_NOT_ACCEPTED",
                    "复议申请尚未受理，不能作出复议决定（未受理的应登记不予受理或撤回）",
                    "the reconsideration was not accepted: it cannot be decided (record a rejection or a withdrawal)");
        }
        concludedDate(command.decidedOn(), DECIDED_ON, command.recorded());
        present(command.result(), RESULT);
        apply(new ReconsiderationDecided(command.reconsiderationId(), command.decidedOn(), command.result(),
                command.decisionNumber(), command.recorded()));
    }

    @CommandHandler
    void handle(WithdrawReconsideration command) {
        requireOpen();
        concludedDate(command.withdrawnOn(), WITHDRAWN_ON, command.recorded());
        apply(new ReconsiderationWithdrawn(command.reconsiderationId(), command.withdrawnOn(), command.reason(),
                command.recorded()));
    }

    @CommandHandler
    void handle(EraseReconsiderationApplicantData command) {
        Rules.erasable(applicantDataErased, command.ground(), reconsiderationId);
        apply(new ReconsiderationApplicantDataErased(command.reconsiderationId(), command.ground(),
                command.recorded()));
    }

    private void requireOpen() {
        if (state instanceof Concluded c) {
            throw RuleViolation.conflict("RECONSIDERATION_CONCLUDED",
                    "该行政复议案件已于" + c.concludedOn() + "审结", "the reconsideration was concluded on " + c.concludedOn());
        }
    }

    private void requireNotAccepted() {
        if (state instanceof Accepted a) {
            throw RuleViolation.conflict("RECONSIDERATION_ALREADY_ACCEPTED",
                    "复议申请已于" + a.acceptedOn() + "受理", "the reconsideration was accepted on " + a.acceptedOn());
        }
    }

    private LocalDate filedOn() {
        return state.filing().orElseThrow().filedOn();
    }

    /** Null until accepted. */
    private LocalDate acceptedOn() {
        return state instanceof Accepted a ? a.acceptedOn() : null;
    }

    /** A conclusion is dated on or after the filing, and after the acceptance when there was one. */
    private void concludedDate(LocalDate date, Field field, Recorded recorded) {
        dated(date, field, recorded);
        notBefore(date, field, filedOn(), FILED_ON);
        if (acceptedOn() != null) {
            notBefore(date, field, acceptedOn(), ACCEPTED_ON);
        }
    }

    @EventSourcingHandler
    void on(ReconsiderationEvent event) {
        state = ReconsiderationLifecycle.evolve(state, event);
        applicantDataErased |= event instanceof ReconsiderationApplicantDataErased;
        if (reconsiderationId == null && event instanceof ReconsiderationFiled filed) {
            reconsiderationId = filed.reconsiderationId().value();
        }
    }
}
