package cn.gongkai.ledger.api.agency;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.agency.AgencyEvent.AppealCountingPolicySet;
import cn.gongkai.ledger.api.agency.AgencyEvent.DecisionsTallied;
import cn.gongkai.ledger.api.agency.AgencyEvent.FeesCollected;
import cn.gongkai.ledger.api.agency.AgencyEvent.LedgerOpened;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentExpired;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentIssued;
import cn.gongkai.ledger.api.agency.AgencyEvent.NormativeDocumentRepealed;
import cn.gongkai.ledger.api.agency.AgencyEvent.OpeningRegisterCounted;
import cn.gongkai.ledger.api.agency.AgencyEvent.ProcurementRecorded;
import cn.gongkai.ledger.api.agency.AgencyEvent.ServiceItemsCounted;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one lifecycle of an agency and its Article-20 register (第二十条): an immutable {@link State} and one pure
 * {@link #evolve}, used by the {@code Agency} aggregate (its state, snapshotted as JSON), and by the report fold
 * (table 二, the ledger's first year, the table-四 counting policy in force for a year). The state records facts:
 * which table-二 cell a document or a tally counts in, and on which day, is the report's {@code CountingRules}.
 *
 * <pre>
 *   unregistered --AgencyRegistered--> registered
 *   documents:   NormativeDocumentIssued --> in force --NormativeDocumentRepealed | NormativeDocumentExpired--> retired
 *   tallies:     DecisionsTallied, FeesCollected, ServiceItemsCounted, ProcurementRecorded, each batch counted once
 *   opening:     LedgerOpened (once) --> OpeningRegisterCounted (once per kind)
 *   policy:      AppealCountingPolicySet, in force from its year on until a later setting
 * </pre>
 *
 * An event the aggregate would refuse (a second registration, a repeal of an unknown document) changes nothing, so
 * a reader given a history the aggregate could not have written still folds it the way the aggregate would.
 */
public final class AgencyLifecycle {
    /** The table-四 counting policy an agency follows until it sets one (the report's {@code OPEN_IN_YEAR}). */
    public static final String DEFAULT_APPEAL_POLICY = "OPEN_IN_YEAR";

    private AgencyLifecycle() {
    }

    /** A document of the register: its kind and issue date, and the day it was repealed or lapsed (null: not). */
    public record Document(NormativeDocumentKind kind, LocalDate issuedOn, LocalDate repealedOn, LocalDate expiredOn) {
        public boolean inForce() {
            return repealedOn == null && expiredOn == null;
        }
    }

    /** A dated count of decisions of a category. */
    public record Decisions(Article20Category category, LocalDate decidedOn, int count) {
    }

    /** Fees collected on a day, in yuan. */
    public record Fees(LocalDate collectedOn, BigDecimal amountYuan) {
    }

    /** The number of items in a category's catalogue on a day. */
    public record ItemCount(Article20Category category, LocalDate asOf, int count) {
    }

    /** Centralised procurement contracted on a day. */
    public record Procurement(LocalDate contractedOn, int projectCount, BigDecimal amountYuan) {
    }

    /**
     * One setting of the table-四 counting policy: {@code policy} from {@code fromYear} on, recorded at {@code at}
     * by {@code by} for {@code reason}.
     */
    public record PolicySetting(int fromYear, String policy, String reason, String by, Instant at) {
    }

    /** The policy in force for a year, and the setting it comes from (empty: the default, nothing set). */
    public record PolicyInForce(int year, String policy, Optional<PolicySetting> setting) {
    }

    /** What a tally's batch reference counts: a tally of one kind, for decisions and item counts one category. */
    public enum Batch {
        DECISIONS, FEES, SERVICE_ITEMS, PROCUREMENT;

        public String key(Article20Category category, String batchRef) {
            return name() + "/" + (category == null ? "" : category.name()) + "/" + batchRef;
        }
    }

    /**
     * The agency as its events left it. Collections are unmodifiable and in recording order.
     *
     * @param agencyId       null before the registration
     * @param name           the agency's name, null before the registration
     * @param superior       the superior agency (上级机关), null when none
     * @param documents      the register by document id
     * @param batches        the tally batches counted ({@link Batch#key})
     * @param firstYear      the year the ledger opened at, null while it counts from the agency's first event
     * @param openingInForce documents in force when the ledger opened, counted per kind
     * @param appealPolicies the table-四 policy settings, in recording order
     */
    public record State(AgencyId agencyId, String name, AgencyId superior, Map<String, Document> documents,
                        List<Decisions> decisions, List<Fees> fees, List<ItemCount> itemCounts,
                        List<Procurement> procurements, Set<String> batches, Integer firstYear,
                        Map<NormativeDocumentKind, Integer> openingInForce, List<PolicySetting> appealPolicies) {
        public State {
            documents = Collections.unmodifiableMap(documents == null ? Map.of() : documents);
            decisions = Collections.unmodifiableList(decisions == null ? List.of() : decisions);
            fees = Collections.unmodifiableList(fees == null ? List.of() : fees);
            itemCounts = Collections.unmodifiableList(itemCounts == null ? List.of() : itemCounts);
            procurements = Collections.unmodifiableList(procurements == null ? List.of() : procurements);
            batches = Collections.unmodifiableSet(batches == null ? Set.of() : batches);
            openingInForce = Collections.unmodifiableMap(openingInForce == null ? Map.of() : openingInForce);
            appealPolicies = Collections.unmodifiableList(appealPolicies == null ? List.of() : appealPolicies);
        }

        public boolean registered() {
            return agencyId != null;
        }

        public boolean batchCounted(Batch batch, Article20Category category, String batchRef) {
            return batches.contains(batch.key(category, batchRef));
        }

        /**
         * The table-四 counting policy in force for {@code year}: the latest-recorded setting from that year or an
         * earlier one (a setting holds from its year on, and a later setting replaces it from its own year on),
         * else {@link #DEFAULT_APPEAL_POLICY}.
         */
        public PolicyInForce appealPolicyIn(int year) {
            for (int i = appealPolicies.size() - 1; i >= 0; i--) {
                PolicySetting setting = appealPolicies.get(i);
                if (setting.fromYear() <= year) {
                    return new PolicyInForce(year, setting.policy(), Optional.of(setting));
                }
            }
            return new PolicyInForce(year, DEFAULT_APPEAL_POLICY, Optional.empty());
        }

        /**
         * Whether setting {@code policy} from {@code fromYear} on would change the policy of no year: the policy in
         * force is already it in {@code fromYear} and in every later year a setting starts.
         */
        public boolean appealPolicyUnchanged(int fromYear, String policy) {
            if (!appealPolicyIn(fromYear).policy().equals(policy)) {
                return false;
            }
            return appealPolicies.stream().filter(s -> s.fromYear() > fromYear)
                    .allMatch(s -> appealPolicyIn(s.fromYear()).policy().equals(policy));
        }
    }

    public static State initial() {
        return new State(null, null, null, Map.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), null,
                Map.of(), List.of());
    }

    /** The state after the events, in order; events of other aggregates than an agency's change nothing. */
    public static State replay(List<? extends LedgerEvent> history) {
        State state = initial();
        for (LedgerEvent event : history) {
            if (event instanceof AgencyEvent agencyEvent) {
                state = evolve(state, agencyEvent);
            }
        }
        return state;
    }

    /** The state after {@code event}. Pure: {@code state} is not changed. */
    public static State evolve(State s, AgencyEvent event) {
        if (event instanceof AgencyRegistered r) {
            return s.registered() ? s : new State(r.agencyId(), r.name(), r.superiorAgencyId(), s.documents(),
                    s.decisions(), s.fees(), s.itemCounts(), s.procurements(), s.batches(), s.firstYear(),
                    s.openingInForce(), s.appealPolicies());
        }
        if (event instanceof NormativeDocumentIssued i) {
            if (s.documents().containsKey(i.documentId())) {
                return s;
            }
            return withDocument(s, i.documentId(), new Document(i.kind(), i.issuedOn(), null, null));
        }
        if (event instanceof NormativeDocumentRepealed r) {
            Document d = s.documents().get(r.documentId());
            return d == null || !d.inForce() ? s
                    : withDocument(s, r.documentId(), new Document(d.kind(), d.issuedOn(), r.repealedOn(), null));
        }
        if (event instanceof NormativeDocumentExpired e) {
            Document d = s.documents().get(e.documentId());
            return d == null || !d.inForce() ? s
                    : withDocument(s, e.documentId(), new Document(d.kind(), d.issuedOn(), null, e.expiredOn()));
        }
        if (event instanceof DecisionsTallied d) {
            return new State(s.agencyId(), s.name(), s.superior(), s.documents(),
                    with(s.decisions(), new Decisions(d.category(), d.decidedOn(), d.count())), s.fees(),
                    s.itemCounts(), s.procurements(), counted(s, Batch.DECISIONS, d.category(), d.batchRef()),
                    s.firstYear(), s.openingInForce(), s.appealPolicies());
        }
        if (event instanceof FeesCollected f) {
            return new State(s.agencyId(), s.name(), s.superior(), s.documents(), s.decisions(),
                    with(s.fees(), new Fees(f.collectedOn(), f.amountYuan())), s.itemCounts(), s.procurements(),
                    counted(s, Batch.FEES, null, f.batchRef()), s.firstYear(), s.openingInForce(), s.appealPolicies());
        }
        if (event instanceof ServiceItemsCounted c) {
            return new State(s.agencyId(), s.name(), s.superior(), s.documents(), s.decisions(), s.fees(),
                    with(s.itemCounts(), new ItemCount(c.category(), c.asOf(), c.count())), s.procurements(),
                    counted(s, Batch.SERVICE_ITEMS, c.category(), c.batchRef()), s.firstYear(), s.openingInForce(),
                    s.appealPolicies());
        }
        if (event instanceof ProcurementRecorded p) {
            return new State(s.agencyId(), s.name(), s.superior(), s.documents(), s.decisions(), s.fees(),
                    s.itemCounts(), with(s.procurements(), new Procurement(p.contractedOn(), p.projectCount(),
                    p.amountYuan())), counted(s, Batch.PROCUREMENT, null, p.batchRef()), s.firstYear(),
                    s.openingInForce(), s.appealPolicies());
        }
        if (event instanceof LedgerOpened o) {
            return s.firstYear() != null ? s : new State(s.agencyId(), s.name(), s.superior(), s.documents(),
                    s.decisions(), s.fees(), s.itemCounts(), s.procurements(), s.batches(), o.firstYear(),
                    s.openingInForce(), s.appealPolicies());
        }
        if (event instanceof OpeningRegisterCounted c) {
            if (s.openingInForce().containsKey(c.kind())) {
                return s;
            }
            Map<NormativeDocumentKind, Integer> opening = new EnumMap<>(NormativeDocumentKind.class);
            opening.putAll(s.openingInForce());
            opening.put(c.kind(), c.inForce());
            return new State(s.agencyId(), s.name(), s.superior(), s.documents(), s.decisions(), s.fees(),
                    s.itemCounts(), s.procurements(), s.batches(), s.firstYear(), opening, s.appealPolicies());
        }
        if (event instanceof AppealCountingPolicySet p) {
            return new State(s.agencyId(), s.name(), s.superior(), s.documents(), s.decisions(), s.fees(),
                    s.itemCounts(), s.procurements(), s.batches(), s.firstYear(), s.openingInForce(),
                    with(s.appealPolicies(), new PolicySetting(p.fromYear(), p.policy(), p.reason(),
                            p.recorded().by(), p.recorded().at())));
        }
        throw new IllegalStateException("unhandled agency event " + event.getClass().getName());
    }

    private static State withDocument(State s, String documentId, Document document) {
        Map<String, Document> documents = new LinkedHashMap<>(s.documents());
        documents.put(documentId, document);
        return new State(s.agencyId(), s.name(), s.superior(), documents, s.decisions(), s.fees(), s.itemCounts(),
                s.procurements(), s.batches(), s.firstYear(), s.openingInForce(), s.appealPolicies());
    }

    private static <T> List<T> with(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(element);
        return longer;
    }

    /** Events recorded before batch references were required have none: nothing to remember. */
    private static Set<String> counted(State s, Batch batch, Article20Category category, String batchRef) {
        if (batchRef == null) {
            return s.batches();
        }
        Set<String> batches = new LinkedHashSet<>(s.batches());
        batches.add(batch.key(category, batchRef));
        return batches;
    }
}
