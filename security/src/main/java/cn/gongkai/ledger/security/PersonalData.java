package cn.gongkai.ledger.security;

import cn.gongkai.ledger.privacy.PersonalDataCipher;
import cn.gongkai.ledger.privacy.PersonalFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applicants' personal data (《个人信息保护法》): which fields hold it and how they are shown to a role that does
 * not need them. Names keep their first character ({@code 王*}), ID numbers their first six and last four
 * ({@code 110105********1234}), contacts their last four ({@code *******1234}); an erased value stays
 * {@value PersonalDataCipher#ERASED}.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** Whether the officer's role needs applicants' data of this kind of case in the clear. */
    public static boolean needsInClear(Officer officer, boolean request) {
        return request
                ? officer.has(Role.REGISTRAR) || officer.has(Role.HANDLER) || officer.has(Role.APPROVER)
                : officer.has(Role.LEGAL);
    }

    public static String maskName(String name) {
        if (name == null || name.isEmpty() || PersonalDataCipher.ERASED.equals(name)) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    public static String maskIdNumber(String number) {
        if (number == null || number.isEmpty() || PersonalDataCipher.ERASED.equals(number)) {
            return number;
        }
        if (number.length() <= 10) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }

    public static String maskContact(String contact) {
        if (contact == null || contact.isEmpty() || PersonalDataCipher.ERASED.equals(contact)) {
            return contact;
        }
        int keep = contact.length() > 6 ? 4 : 0;
        return "*".repeat(contact.length() - keep) + contact.substring(contact.length() - keep);
    }

    /** A copy of an event payload (or any JSON) with every personal field ({@link PersonalFields}) masked. */
    public static JsonNode mask(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode copy = payload.deepCopy();
        PersonalFields.transform(copy, (kind, value) -> switch (kind) {
            case NAME -> maskName(value);
            case ID_NUMBER -> maskIdNumber(value);
            case CONTACT -> maskContact(value);
        });
        return copy;
    }
}
