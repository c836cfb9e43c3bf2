package cn.gongkai.ledger.api.common;

import java.util.Arrays;

/** The six applicant columns of table 三, in their official order. 总计 is their sum, not a type. */
public enum ApplicantType implements Labelled {
    NATURAL_PERSON("自然人"),
    COMMERCIAL_ENTERPRISE("商业企业"),
    RESEARCH_INSTITUTION("科研机构"),
    PUBLIC_WELFARE_ORGANIZATION("社会公益组织"),
    LEGAL_SERVICE_INSTITUTION("法律服务机构"),
    OTHER_ORGANIZATION("其他");

    /** The column that sums the six. */
    public static final String TOTAL = "总计";

    private final String label;

    ApplicantType(String label) {
        this.label = label;
    }

    /** The canonical key is the official label itself (the report JSON's column key). */
    @Override
    public String key() {
        return label;
    }

    @Override
    public String label() {
        return label;
    }

    public static ApplicantType fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.label.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown applicant column: " + key));
    }
}
