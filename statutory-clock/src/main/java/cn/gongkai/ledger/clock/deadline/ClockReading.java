package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;
import java.util.List;

/**
 * The statutory clock of one request, read from its history with one calendar.
 *
 * @param calendarVersion the {@code WorkingDayCalendar.version()} the dates were computed with
 * @param receivedOn      the receipt date (after any ReceiptDateCorrected)
 * @param officer         the handling officer (承办人) as last assigned
 * @param dueOn           the last day to reply (the limit ends at the end of this day); {@code null}
 *                        while a correction is awaited without a supply-by date, or when a request
 *                        was closed before its corrected version arrived
 * @param provisional     the due date still depends on something open (a pause or an awaited
 *                        correction) and is computed as if it ended as late as it can
 * @param correction      the 补正 step and its 7-working-day limit
 * @param proposals       outcomes proposed because a period lapsed (open requests only), never applied
 * @param flags           irregularities in the history
 * @param concludedOn     the date of the reply or closing (after any ConclusionDateCorrected), or {@code null}
 */
public record ClockReading(RequestId requestId, String calendarVersion, Channel channel, LocalDate receivedOn,
                           String officer, RequestStatus status, LocalDate dueOn, boolean provisional,
                           Derivation derivation, CorrectionWindow correction, List<ConsultationWindow> consultations,
                           List<FeeWindow> fees, List<Proposal> proposals, List<ClockFlag> flags,
                           LocalDate concludedOn) {
    public ClockReading {
        consultations = List.copyOf(consultations);
        fees = List.copyOf(fees);
        proposals = List.copyOf(proposals);
        flags = List.copyOf(flags);
    }
}
