package cn.gongkai.ledger.clock.fee;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.Applicant;
import java.util.Locale;

/**
 * Who counts as "the same applicant" for the per-request fee: the identity-document number if
 * recorded (trimmed, upper case: a trailing {@code x} of an ID card is the same as {@code X}),
 * otherwise the name (trimmed) together with the applicant type.
 */
public record ApplicantKey(String value) {
    public static ApplicantKey of(Applicant applicant, ApplicantType type) {
        String id = applicant.idDocumentNumber();
        if (id != null && !id.isBlank()) {
            return new ApplicantKey("证件:" + id.strip().toUpperCase(Locale.ROOT));
        }
        return new ApplicantKey("名称:" + type.key() + ":" + applicant.name().strip());
    }
}
