package cn.gongkai.ledger.readmodel.casefile;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The three kinds of case the query service lists, with the aggregate type of their events and their states. */
public enum CaseType {
    REQUEST("DisclosureRequest", EnumSet.of(CaseStatus.OPEN, CaseStatus.AWAITING_CORRECTION,
            CaseStatus.IN_CONSULTATION, CaseStatus.AWAITING_FEE, CaseStatus.CONCLUDED)),
    RECONSIDERATION("Reconsideration", EnumSet.of(CaseStatus.FILED, CaseStatus.ACCEPTED, CaseStatus.CONCLUDED)),
    LAWSUIT("Lawsuit", EnumSet.of(CaseStatus.FILED, CaseStatus.JUDGMENT_RENDERED, CaseStatus.APPEALED,
            CaseStatus.CONCLUDED, CaseStatus.RETRIAL));

    private final String aggregateType;
    private final Set<CaseStatus> statuses;

    CaseType(String aggregateType, Set<CaseStatus> statuses) {
        this.aggregateType = aggregateType;
        this.statuses = statuses;
    }

    /** As in {@link cn.gongkai.ledger.api.common.EventEnvelope#aggregateType()}. */
    public String aggregateType() {
        return aggregateType;
    }

    /** The states a case of this type can be in. */
    public Set<CaseStatus> statuses() {
        return Set.copyOf(statuses);
    }

    public static Optional<CaseType> ofAggregateType(String aggregateType) {
        return Arrays.stream(values()).filter(t -> t.aggregateType.equals(aggregateType)).findFirst();
    }
}
