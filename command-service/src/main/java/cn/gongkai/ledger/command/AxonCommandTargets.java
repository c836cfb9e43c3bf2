package cn.gongkai.ledger.command;

import cn.gongkai.ledger.api.common.LedgerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Routes every {@link LedgerCommand} to the aggregate it names ({@link LedgerCommand#targetAggregateId()}),
 * so the framework-free api needs no {@code @TargetAggregateIdentifier}. No expected version: commands are
 * checked against the aggregate's current state. Every aggregate names this bean in its {@code @Aggregate}.
 */
@Component(AxonCommandTargets.BEAN_NAME)
public class AxonCommandTargets implements CommandTargetResolver {
    public static final String BEAN_NAME = "ledgerCommandTargets";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof LedgerCommand ledgerCommand) {
            return new VersionedAggregateIdentifier(ledgerCommand.targetAggregateId(), null);
        }
        throw new IllegalArgumentException("not a ledger command: " + command.getPayloadType().getName());
    }
}
