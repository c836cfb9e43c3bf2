package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.agency.AgencyLifecycle;
import java.time.Instant;

/**
 * Which reconsiderations and lawsuits belong to table 四 of year Y (annual-report.md, table 四). An agency sets the
 * policy it follows from a year on ({@code AppealCountingPolicySet}, held by the {@link AgencyLifecycle}); a query
 * may name another for a what-if view. The report states the policy applied ({@code appealPolicy}) and why
 * ({@code appealPolicyBasis}).
 */
public enum AppealPolicy {
    /**
     * The default, the reading most published reports follow: the cases filed in Y plus the cases filed
     * earlier that were still pending on 1 January Y, so that a case is counted in every year it is open
     * and in the year it ends. A lawsuit reopened for retrial in Y is open in Y again.
     */
    OPEN_IN_YEAR("表四统计本年新立及上年结转未审结案件"),
    /** Only the cases filed in Y (for an agency whose superior office requires it); a retrial is not a new filing. */
    FILED_IN_YEAR("表四统计本年新立案件");

    private final String label;

    AppealPolicy(String label) {
        this.label = label;
    }

    /** The policy's name as the report's notes state it. */
    public String label() {
        return label;
    }

    /** Why a report applies its policy. */
    public enum Source {
        /** The query named it ({@code appealPolicy}): a what-if view, not the agency's setting. */
        PARAMETER,
        /** The agency's setting in force for the year. */
        SETTING,
        /** The agency has set none for the year: {@link #OPEN_IN_YEAR}. */
        DEFAULT
    }

    /**
     * Why a report applies its policy; for {@link Source#SETTING} the setting in force (the year it holds from,
     * its reason, who recorded it and when), otherwise those are null.
     */
    public record Basis(Source source, Integer fromYear, String reason, String setBy, Instant setAt) {
    }

    /** The policy a report applies, and why. */
    public record Applied(AppealPolicy policy, Basis basis) {
    }

    /**
     * The policy for a year: {@code requested} when not null (a what-if view), else the agency's setting in force
     * for the year, else the default.
     */
    public static Applied applied(AgencyLifecycle.PolicyInForce inForce, AppealPolicy requested) {
        if (requested != null) {
            return new Applied(requested, new Basis(Source.PARAMETER, null, null, null, null));
        }
        return inForce.setting()
                .map(s -> new Applied(valueOf(s.policy()), new Basis(Source.SETTING, s.fromYear(), s.reason(), s.by(),
                        s.at())))
                .orElseGet(() -> new Applied(valueOf(inForce.policy()), new Basis(Source.DEFAULT, null, null, null,
                        null)));
    }
}
