package cn.gongkai.ledger.api.common;

/**
 * Why an applicant's personal data is erased: the cases of 《中华人民共和国个人信息保护法》第四十七条, on which a
 * personal-information handler must delete personal information (on its own initiative or at the person's request).
 */
public enum ErasureGround implements Labelled {
    PURPOSE_ACHIEVED("处理目的已实现、无法实现或者为实现处理目的不再必要"),
    RETENTION_EXPIRED("停止提供产品或者服务，或者保存期限已届满"),
    CONSENT_WITHDRAWN("个人撤回同意"),
    UNLAWFUL_PROCESSING("违反法律、行政法规或者违反约定处理个人信息"),
    OTHER_LEGAL_GROUND("法律、行政法规规定的其他情形");

    private final String label;

    ErasureGround(String label) {
        this.label = label;
    }

    @Override
    public String key() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }
}
