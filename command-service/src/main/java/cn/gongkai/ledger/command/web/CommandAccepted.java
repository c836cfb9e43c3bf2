package cn.gongkai.ledger.command.web;

import java.time.Instant;

/** The answer to an accepted command: which command, for which case or agency, recorded by whom and when. */
public record CommandAccepted(String command, String id, String recordedBy, Instant recordedAt) {
}
