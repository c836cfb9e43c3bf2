package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.clock.deadline.ClockReading;
import cn.gongkai.ledger.clock.deadline.ConsultationWindow;
import cn.gongkai.ledger.clock.deadline.CorrectionWindow;
import cn.gongkai.ledger.clock.deadline.Derivation;
import cn.gongkai.ledger.clock.deadline.FeeWindow;
import cn.gongkai.ledger.clock.deadline.Proposal;
import cn.gongkai.ledger.clock.deadline.RequestStatus;
import cn.gongkai.ledger.clock.deadline.Standing;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Label;
import java.time.LocalDate;
import java.util.List;

/**
 * The statutory clock of one request as of a business date: {@code GET /api/requests/{id}/deadline}.
 *
 * @param daysLeft    working days left until the end of {@code dueOn} (0 = due today)
 * @param daysOverdue working days past {@code dueOn}
 * @param running     the clock runs on {@code asOf} (not paused, not waiting for a correction, not concluded)
 * @param derivation  how {@code dueOn} was derived, as data ({@code days}: every day counted or skipped) and as
 *                    Chinese lines ({@code lines})
 * @param proposals   outcomes the clock proposes because a period lapsed; never applied, an officer decides
 * @param flags       irregularities in the history
 */
public record RequestDeadline(String requestId, String agencyId, LocalDate asOf, String calendarVersion, Label status,
                              String officer, Receipt receipt, LocalDate dueOn, boolean provisional, boolean running,
                              int daysLeft, int daysOverdue, LocalDate concludedOn, Derivation derivation,
                              Windows windows, List<ProposalView> proposals, List<Label> flags) {

    /** The receipt date (收到申请之日, after any correction) and the channel that explains it. */
    public record Receipt(LocalDate receivedOn, Label channel) {
    }

    /** The other parties' windows: 补正 (7 working days to ask), consultations (15), fees (20 to pay). */
    public record Windows(CorrectionWindow correction, List<ConsultationWindow> consultations, List<FeeWindow> fees) {
    }

    /**
     * A proposed outcome ({@code 三.六.1} or {@code 三.六.2}).
     *
     * @param reached whether {@code proposedFrom} has come by {@code asOf}
     */
    public record ProposalView(Label outcome, LocalDate proposedFrom, String reason, boolean reached) {
        static ProposalView of(Proposal proposal, LocalDate asOf) {
            Outcome outcome = proposal.outcome();
            return new ProposalView(new Label(outcome.key(), outcome.label()), proposal.proposedFrom(), proposal.reason(),
                    !proposal.proposedFrom().isAfter(asOf));
        }
    }

    static RequestDeadline of(ClockReading reading, Standing standing) {
        LocalDate asOf = standing.asOf();
        return new RequestDeadline(reading.requestId().value(), reading.requestId().agencyId().value(), asOf,
                reading.calendarVersion(), status(reading.status()), reading.officer(),
                new Receipt(reading.receivedOn(), new Label(reading.channel().key(), reading.channel().label())),
                reading.dueOn(), reading.provisional(), standing.running(), standing.daysLeft(), standing.daysOverdue(),
                reading.concludedOn(), reading.derivation(),
                new Windows(reading.correction(), reading.consultations(), reading.fees()),
                reading.proposals().stream().map(p -> ProposalView.of(p, asOf)).toList(),
                reading.flags().stream().map(f -> new Label(f.name(), f.label())).toList());
    }

    static Label status(RequestStatus status) {
        return new Label(status.name(), status.label());
    }
}
