package cn.gongkai.ledger.command.privacy;

import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.privacy.DataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Destroys a case's data key once its erasure is recorded (crypto-shredding). A tracking processor
 * ({@value #PROCESSING_GROUP}) follows the event store from its token: the erasure event is the legal record and is
 * appended first; the key goes right after, and a failure is retried until it is gone, never skipped. Destroying
 * is idempotent, so a replay of the store destroys nothing twice.
 */
@ProcessingGroup(PersonalDataShredder.PROCESSING_GROUP)
public class PersonalDataShredder {
    public static final String PROCESSING_GROUP = "personal-data-shredder";

    private final DataKeys keys;

    public PersonalDataShredder(DataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErased erased) {
        keys.destroy(erased.aggregateId(), erased.recorded().at());
    }
}
