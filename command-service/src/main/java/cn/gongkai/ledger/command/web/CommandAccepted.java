package cn.gongkai.ledger.command.web;

import java.time.Instant;

/**
 * The answer to an accepted command: which command, for which case or agency, recorded by whom and when, and
 * where its last event stands in the event stream: {@code sequence} in the case's own stream, and
 * {@code position} ({@code <id>@<sequence>}), which a read passes as {@code ?after=} to wait, briefly and
 * boundedly, until the read side has counted it (read your own writes).
 */
public record CommandAccepted(String command, String id, String recordedBy, Instant recordedAt, Long sequence,
                              String position) {

    public CommandAccepted(String command, String id, String recordedBy, Instant recordedAt) {
        this(command, id, recordedBy, recordedAt, null, null);
    }

    /** This answer at {@code sequence} in the case's event stream. */
    public CommandAccepted at(long lastSequence) {
        return new CommandAccepted(command, id, recordedBy, recordedAt, lastSequence, id + "@" + lastSequence);
    }
}
