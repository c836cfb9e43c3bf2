package cn.gongkai.ledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Applicants' personal data (《个人信息保护法》): which fields hold it and how they are shown to a role that does
 * not need them. Names keep their first character ({@code 王*}), ID numbers their first six and last four
 * ({@code 110105********1234}), contacts their last four ({@code *******1234}).
 */
public final class PersonalData {
    /** Field names that hold a person's name, anywhere in an event payload. */
    public static final Set<String> NAME_FIELDS = Set.of("applicantName", "plaintiffName", "appellant");
    public static final String ID_NUMBER_FIELD = "idDocumentNumber";
    public static final String CONTACT_FIELD = "contact";
    /** The object that describes an applicant at intake: its {@code name} is personal. */
    public static final String APPLICANT_OBJECT = "applicant";

    private PersonalData() {
    }

    /** Whether the officer's role needs applicants' data of this kind of case in the clear. */
    public static boolean needsInClear(Officer officer, boolean request) {
        return request
                ? officer.has(Role.REGISTRAR) || officer.has(Role.HANDLER) || officer.has(Role.APPROVER)
                : officer.has(Role.LEGAL);
    }

    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    public static String maskIdNumber(String number) {
        if (number == null || number.isEmpty()) {
            return number;
        }
        if (number.length() <= 10) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }

    public static String maskContact(String contact) {
        if (contact == null || contact.isEmpty()) {
            return contact;
        }
        int keep = contact.length() > 6 ? 4 : 0;
        return "*".repeat(contact.length() - keep) + contact.substring(contact.length() - keep);
    }

    /** A copy of an event payload (or any JSON) with every personal field masked. */
    public static JsonNode mask(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode copy = payload.deepCopy();
        maskInPlace(copy, false);
        return copy;
    }

    private static void maskInPlace(JsonNode node, boolean insideApplicant) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            java.util.List<Map.Entry<String, JsonNode>> entries = new java.util.ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> field : entries) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    if (NAME_FIELDS.contains(name) || (insideApplicant && "name".equals(name))) {
                        object.put(name, maskName(value.asText()));
                    } else if (ID_NUMBER_FIELD.equals(name)) {
                        object.put(name, maskIdNumber(value.asText()));
                    } else if (CONTACT_FIELD.equals(name)) {
                        object.put(name, maskContact(value.asText()));
                    }
                } else {
                    maskInPlace(value, APPLICANT_OBJECT.equals(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(element -> maskInPlace(element, insideApplicant));
        }
    }
}
