package cn.gongkai.ledger.security;

import org.springframework.security.access.AccessDeniedException;

/** A refusal with its reason in Chinese and English; answered 403 with a problem detail. */
public class AccessRefused extends AccessDeniedException {
    private final String code;
    private final String zh;

    public AccessRefused(String code, String zh, String en) {
        super(en);
        this.code = code;
        this.zh = zh;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public static AccessRefused role(Officer officer) {
        return new AccessRefused("ROLE_NOT_PERMITTED", "用户 " + officer.username() + " 的角色无权执行此操作",
                "The roles of user " + officer.username() + " do not permit this");
    }

    public static AccessRefused agency(Officer officer, Object agency) {
        return new AccessRefused("OTHER_AGENCY", "用户 " + officer.username() + "（" + officer.agencyId()
                + "）无权访问机关 " + agency + " 的数据",
                "User " + officer.username() + " of " + officer.agencyId() + " may not access the data of " + agency);
    }
}
