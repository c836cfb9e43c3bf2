package cn.gongkai.ledger.command.calendar;

import cn.gongkai.ledger.clock.deadline.DueDateChange;
import java.time.Instant;
import java.util.List;

/**
 * What one recomputation run did: {@code POST /api/calendar/recomputations} answers with it.
 *
 * @param recordedAt      the recording time of the run and of every command it sent
 * @param nationalVersion the national calendar now
 * @param agencies        each agency with requests or a layer of its own, in id order
 */
public record RecomputationReport(Instant recordedAt, String nationalVersion, List<AgencyResult> agencies) {

    public enum Outcome {
        /** Nothing was recorded before: the current calendar is recorded as the baseline, nothing recomputed. */
        FIRST_RECORDED,
        /** The agency's calendar did not change. */
        UNCHANGED,
        /** The calendar changed: the moved due dates were recorded (DueDateRecomputed) and the new version stored. */
        RECOMPUTED,
        /** Something could not be recorded; the previous version stays recorded, so the next run tries again. */
        FAILED
    }

    /**
     * @param recorded the due-date changes recorded as DueDateRecomputed events
     * @param problems what went wrong or was skipped (e.g. a request concluded in the meantime)
     */
    public record AgencyResult(String agencyId, String previousVersion, String currentVersion, Outcome outcome,
                               List<DueDateChange> recorded, List<String> problems) {
        public AgencyResult {
            recorded = List.copyOf(recorded);
            problems = List.copyOf(problems);
        }
    }
}
