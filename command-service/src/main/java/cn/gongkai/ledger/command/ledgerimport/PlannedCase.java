package cn.gongkai.ledger.command.ledgerimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one row of the 台账 becomes: a disclosure request and its steps, as the commands of the bulk import (each
 * with its {@code "command"} name), run through the same aggregates as any other command.
 */
public record PlannedCase(int row, String requestId, List<ObjectNode> commands) {
    public PlannedCase {
        commands = List.copyOf(commands);
    }
}
