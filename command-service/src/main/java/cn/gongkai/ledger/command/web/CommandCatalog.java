package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.agency.AgencyCommand;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every command the service accepts, by its name (the record's simple name, as in an import line's
 * {@code "command"}), and the fields a client may leave out. Every other field of the record is required
 * in the JSON; {@code recorded} is never sent, the service fills it in.
 */
public final class CommandCatalog {
    private static final Map<String, Class<? extends LedgerCommand>> BY_NAME = new LinkedHashMap<>();

    /** Fields that may be absent or null; the rules of the aggregate decide the rest. */
    private static final Map<Class<?>, Set<String>> OPTIONAL = Map.ofEntries(
            Map.entry(AgencyCommand.RegisterAgency.class, Set.of("superiorAgencyId")),
            Map.entry(AgencyCommand.IssueNormativeDocument.class, Set.of("documentNumber")),
            Map.entry(DisclosureRequestCommand.ReceiveRequest.class, Set.of("handlingOfficer")),
            Map.entry(DisclosureRequestCommand.AnswerConsultation.class, Set.of("summary")),
            Map.entry(DisclosureRequestCommand.ApproveExtension.class, Set.of("reason")),
            Map.entry(DisclosureRequestCommand.ReplyToRequest.class, Set.of("secondaryReasons", "replyDocumentNumber")),
            Map.entry(DisclosureRequestCommand.WithdrawRequest.class, Set.of("reason")),
            Map.entry(DisclosureRequestCommand.CorrectOutcome.class, Set.of("secondaryReasons")),
            Map.entry(ReconsiderationCommand.FileReconsideration.class, Set.of("caseNumber", "linkedRequestId")),
            Map.entry(ReconsiderationCommand.DecideReconsideration.class, Set.of("decisionNumber")),
            Map.entry(ReconsiderationCommand.WithdrawReconsideration.class, Set.of("reason")),
            Map.entry(LawsuitCommand.FileLawsuit.class, Set.of("caseNumber", "linkedReconsiderationId", "linkedRequestId")),
            Map.entry(LawsuitCommand.RenderJudgment.class, Set.of("documentNumber")));

    static {
        for (Class<?> root : new Class<?>[] {DisclosureRequestCommand.class, ReconsiderationCommand.class,
                LawsuitCommand.class, AgencyCommand.class}) {
            for (Class<?> type : root.getPermittedSubclasses()) {
                register(type.asSubclass(LedgerCommand.class));
            }
        }
    }

    private CommandCatalog() {
    }

    private static void register(Class<? extends LedgerCommand> type) {
        if (BY_NAME.put(type.getSimpleName(), type) != null) {
            throw new IllegalStateException("duplicate command name " + type.getSimpleName());
        }
    }

    public static Optional<Class<? extends LedgerCommand>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    static boolean isOptional(Class<?> type, String field) {
        return OPTIONAL.getOrDefault(type, Set.of()).contains(field);
    }
}
