package cn.gongkai.ledger.api.common;

import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.publication.PublicationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names of every event type (the record's simple name, unique across aggregates), as used in
 * the documented event JSON ({@link EventEnvelope#type()}), on Kafka and in JSON Lines files.
 */
public final class EventTypes {
    private static final Map<String, Class<? extends LedgerEvent>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> AGGREGATE_TYPES = Map.of(
            DisclosureRequestEvent.class, "DisclosureRequest",
            ReconsiderationEvent.class, "Reconsideration",
            LawsuitEvent.class, "Lawsuit",
            AgencyEvent.class, "Agency",
            PublicationEvent.class, "AnnualReportPublication");

    static {
        for (Class<?> root : AGGREGATE_TYPES.keySet()) {
            register(root);
        }
    }

    private EventTypes() {
    }

    @SuppressWarnings("unchecked")
    private static void register(Class<?> type) {
        if (type.isRecord()) {
            Class<?> previous = BY_NAME.put(type.getSimpleName(), (Class<? extends LedgerEvent>) type);
            if (previous != null) {
                throw new IllegalStateException("duplicate event type name " + type.getSimpleName());
            }
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            register(sub);
        }
    }

    /** Every event record under a sealed event interface (through nested sealed interfaces), in declaration order. */
    public static List<Class<? extends LedgerEvent>> under(Class<?> sealedInterface) {
        return BY_NAME.values().stream().filter(sealedInterface::isAssignableFrom).toList();
    }

    /** The event class for a type name, if there is one. */
    public static Optional<Class<? extends LedgerEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(LedgerEvent event) {
        return event.getClass().getSimpleName();
    }

    /** {@code DisclosureRequest}, {@code Reconsideration}, {@code Lawsuit}, {@code Agency} or {@code AnnualReportPublication}. */
    public static String aggregateTypeOf(Class<? extends LedgerEvent> type) {
        return AGGREGATE_TYPES.entrySet().stream().filter(e -> e.getKey().isAssignableFrom(type))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a ledger event: " + type));
    }

    public static Map<String, Class<? extends LedgerEvent>> all() {
        return Map.copyOf(BY_NAME);
    }
}
