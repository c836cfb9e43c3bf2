package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.problem.LedgerProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * Who did what and when, for one agency, a page at a time: every command, from the events it recorded
 * ({@link CommandHistory}: their {@code recorded.by} and {@code recorded.at}, which only the command service sets,
 * from the authenticated user and its clock), and every read of personal data in the clear
 * ({@link PersonalDataAudit}). Nothing here can be written through the API.
 */
public class AuditTrail {
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final Supplier<Optional<CommandHistory>> commands;
    private final PersonalDataAudit reads;

    /** @param commands the history of commands; empty in a service without the event-store reader */
    public AuditTrail(Supplier<Optional<CommandHistory>> commands, PersonalDataAudit reads) {
        this.commands = commands;
        this.reads = reads;
    }

    /** One page of the trail: the commands and the reads of that page, each oldest first. */
    public record Trail(String agencyId, int page, int size, List<CommandHistory.Command> commands,
                        List<PersonalDataAudit.Read> reads) {
    }

    /** The agency's trail, oldest first, within [from, to) (either may be null), page {@code page} of {@code size}. */
    public Trail of(AgencyId agency, Instant from, Instant to, int page, int size) {
        if (page < 0 || size < 1 || size > CommandHistory.MAX_PAGE_SIZE) {
            throw LedgerProblemException.badRequest("AUDIT_PAGE_INVALID",
                    "页码须不小于 0，每页条数须在 1 到 " + CommandHistory.MAX_PAGE_SIZE + " 之间",
                    "page must be at least 0 and size between 1 and " + CommandHistory.MAX_PAGE_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw LedgerProblemException.badRequest("AUDIT_RANGE_INVALID", "起始时间须早于截止时间",
                    "from must be before to");
        }
        CommandHistory history = commands.get().orElseThrow(() -> new LedgerProblemException(HttpStatus.NOT_FOUND,
                "AUDIT_NOT_SERVED_HERE", "审计记录由查询服务提供", "The audit trail is served by the query service"));
        return new Trail(agency.value(), page, size, history.recordedFor(agency, from, to, page, size),
                reads.reads(agency.value(), from, to, page, size));
    }
}
