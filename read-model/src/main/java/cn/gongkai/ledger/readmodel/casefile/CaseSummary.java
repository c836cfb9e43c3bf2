package cn.gongkai.ledger.readmodel.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the query service shows it, folded from the case's counted events.
 *
 * @param reference       the tracking number of a request, the case number of a reconsideration or lawsuit
 * @param openedOn        the receipt date (as corrected) of a request, the filing date of a reconsideration or lawsuit
 * @param year            the year of {@code openedOn}
 * @param party           the applicant (with the report column of a request's applicant type) or the plaintiff
 * @param forum           the review body or the court
 * @param route           a lawsuit's route key ({@code 直诉} / {@code 复议后诉})
 * @param outcome         a request's counted outcome row (as corrected) or an appeal's table-四 column, once concluded
 * @param decision        the latest decision of a reconsideration or judgment of a lawsuit
 * @param lastSequence    the sequence of the last event folded
 * @param timeline        every event of the case in sequence order
 */
public record CaseSummary(String id, CaseType caseType, String agencyId, CaseStatus status, String reference,
                          LocalDate openedOn, Integer year, Party party, String subject, String channel,
                          String handlingOfficer, String forum, String route, Label outcome, List<Label> secondaryReasons,
                          Label decision, LocalDate concludedOn, String linkedRequestId, String linkedReconsiderationId,
                          long lastSequence, Instant lastRecordedAt, List<TimelineEntry> timeline) {

    /** A category with its canonical key and its official (Chinese) label. */
    public record Label(String key, String label) {
    }

    /** The applicant or plaintiff; {@code type} is a request applicant's report column. */
    public record Party(Label type, String name) {
    }

    /** One event of the case: its sequence, type, who recorded it and when, and its payload. */
    public record TimelineEntry(long sequence, String type, Instant recordedAt, String recordedBy, JsonNode payload) {
    }

    /** This summary without its timeline (for lists). */
    public CaseSummary withoutTimeline() {
        return new CaseSummary(id, caseType, agencyId, status, reference, openedOn, year, party, subject, channel,
                handlingOfficer, forum, route, outcome, secondaryReasons, decision, concludedOn, linkedRequestId,
                linkedReconsiderationId, lastSequence, lastRecordedAt, null);
    }
}
