package cn.gongkai.ledger.clock.fee;

import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.RequestId;
import java.util.Locale;

/**
 * Who counts as "the same applicant" for the per-request fee: the identity-document number if
 * recorded (trimmed, upper case: a trailing {@code x} of an ID card is the same as {@code X}),
 * otherwise the name (trimmed) together with the applicant type; an erased applicant is alone.
 */
public record ApplicantKey(String value) {
    /**
     * The key of the request's applicant; an erased applicant (nothing left to tell who it was) is counted alone,
     * never together with other erased applicants.
     */
    public static ApplicantKey of(RequestId requestId, Applicant applicant, ApplicantType type) {
        if (PersonalDataErased.ERASED.equals(applicant.name())) {
            return new ApplicantKey("已删除:" + requestId.value());
        }
        String id = applicant.idDocumentNumber();
        if (id != null && !id.isBlank()) {
            return new ApplicantKey("证件:" + id.strip().toUpperCase(Locale.ROOT));
        }
        return new ApplicantKey("名称:" + type.key() + ":" + applicant.name().strip());
    }
}
