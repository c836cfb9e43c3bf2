package cn.gongkai.ledger.api.request;

import cn.gongkai.ledger.api.common.ApplicantType;
import java.util.Objects;

/**
 * The applicant as recorded at intake. {@code type} decides the report column and is corrected
 * only by an event. A lawyer applying in their own name is a {@link ApplicantType#NATURAL_PERSON};
 * a law firm applying is a {@link ApplicantType#LEGAL_SERVICE_INSTITUTION}.
 */
public record Applicant(ApplicantType type, String name, String idDocumentNumber, String contact) {
    public Applicant {
        Objects.requireNonNull(type, "applicant.type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("applicant.name must not be blank");
        }
    }
}
