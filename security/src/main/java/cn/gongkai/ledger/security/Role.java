package cn.gongkai.ledger.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles per step of the work. A user holds one or more of them, always within one agency (see {@link Officer}).
 * Which role may call which endpoint is said once, in {@link EndpointPolicy}.
 */
public enum Role {
    /** 登记: registers requests, reconsiderations and lawsuits as they arrive. */
    REGISTRAR("登记"),
    /** 承办: handles a request: corrections, consultations, fees, withdrawals, corrections of the record. */
    HANDLER("承办"),
    /** 审批: approves extensions and replies. */
    APPROVER("审批"),
    /** 法制: records reconsiderations and lawsuits and their outcomes. */
    LEGAL("法制"),
    /** 报告: publishes the annual report and records the agency's own yearly figures. */
    REPORTER("报告"),
    /** 审计: reads everything of its agency, including the audit trail; changes nothing. */
    AUDITOR("审计"),
    /** 管理: users, agencies and the working-day calendar. */
    ADMIN("管理");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring authority, {@code ROLE_REGISTRAR} and so on. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** Parses {@code REGISTRAR} or {@code 登记} (any case); throws {@link IllegalArgumentException} naming the choices. */
    public static Role parse(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(r -> r.name().equals(wanted.toUpperCase(Locale.ROOT)) || r.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + text + "' (one of "
                        + Arrays.stream(values()).map(r -> r.name() + " " + r.label).collect(Collectors.joining(", "))
                        + ")"));
    }

    /** Parses a comma-separated list such as {@code REGISTRAR,HANDLER}. */
    public static Set<Role> parseAll(String text) {
        Set<Role> roles = Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(Role::parse)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is needed");
        }
        return roles;
    }
}
