package cn.gongkai.ledger.command.calendar;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/calendar/recomputations}: after the calendar files changed (a new year's notice, a revised
 * notice, an agency's regional holiday), records the due dates that moved. Also runs at start-up. Safe to
 * repeat: a second run finds nothing changed.
 */
@RestController
public class CalendarRecomputationController {
    private final CalendarRecomputationService recomputation;

    public CalendarRecomputationController(CalendarRecomputationService recomputation) {
        this.recomputation = recomputation;
    }

    @PostMapping(path = "/api/calendar/recomputations", produces = MediaType.APPLICATION_JSON_VALUE)
    public RecomputationReport recompute() {
        return recomputation.recompute();
    }
}
