package cn.gongkai.ledger.clock.worklist;

import cn.gongkai.ledger.api.request.RequestId;

/** An open request whose clock cannot be read, and why (e.g. its due date falls in a year the calendar does not cover). */
public record NotComputable(RequestId requestId, String reason) {
}
