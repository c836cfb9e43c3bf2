package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import java.time.Instant;
import java.util.List;

/**
 * A port: the commands an agency's cases recorded, from their events (who, when, which case, which event), for the
 * audit trail. Implemented beside the one event-store reader, by an indexed query bounded by the agency's cases and
 * the time range and answered a page at a time, so its cost does not grow with the rest of the store.
 */
public interface CommandHistory {
    /** The largest page the trail answers. */
    int MAX_PAGE_SIZE = 500;

    /**
     * One recorded event: {@code at} and {@code by} are its {@code recorded} (set by the command service from the
     * authenticated user and its clock), {@code stored} when the event store appended it.
     */
    record Command(Instant at, String by, String aggregateId, long sequence, String type, Instant stored) {
    }

    /**
     * The events of the agency's cases (the agency itself, its requests, reconsiderations and lawsuits) stored in
     * [from, to) (either may be null), oldest first, page {@code page} (from 0) of {@code size}.
     */
    List<Command> recordedFor(AgencyId agency, Instant from, Instant to, int page, int size);
}
