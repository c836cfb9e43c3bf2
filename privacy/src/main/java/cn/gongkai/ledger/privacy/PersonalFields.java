package cn.gongkai.ledger.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applicants' personal data (《个人信息保护法》) in the ledger's JSON: the one list of the fields that hold it, in any
 * event payload, command or read-model document. A person's name: {@code applicantName}, {@code plaintiffName},
 * {@code appellant}, and {@code name} inside an {@code applicant} object; an identity document number:
 * {@code idDocumentNumber}; a contact (phone, address, e-mail): {@code contact}. The applicant's {@code type} is not
 * personal: it decides the report column and stays in the clear.
 *
 * <p>Every transformation of personal data walks the JSON with {@link #transform}: encryption at the command side,
 * decryption at the read side, masking for roles that do not need it, and the "已删除" of an erased case.
 */
public final class PersonalFields {
    /** Field names that hold a person's name, anywhere in a payload. */
    public static final Set<String> NAME_FIELDS = Set.of("applicantName", "plaintiffName", "appellant");
    public static final String ID_NUMBER_FIELD = "idDocumentNumber";
    public static final String CONTACT_FIELD = "contact";
    /** The object that describes an applicant at intake: its {@code name} is personal. */
    public static final String APPLICANT_OBJECT = "applicant";

    /** What a value is. */
    public enum Kind { NAME, ID_NUMBER, CONTACT }

    /** A change of one personal value (null and blank values are never passed). */
    @FunctionalInterface
    public interface Change {
        String apply(Kind kind, String value);
    }

    private PersonalFields() {
    }

    /** Applies {@code change} to every personal text value of {@code node}, in place; whether any was found. */
    public static boolean transform(JsonNode node, Change change) {
        return transform(node, change, false);
    }

    private static boolean transform(JsonNode node, Change change, boolean insideApplicant) {
        boolean found = false;
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            object.fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> field : entries) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    Kind kind = kindOf(name, insideApplicant);
                    if (kind != null && !value.asText().isBlank()) {
                        object.put(name, change.apply(kind, value.asText()));
                        found = true;
                    }
                } else if (value.isContainerNode()) {
                    found |= transform(value, change, APPLICANT_OBJECT.equals(name));
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                found |= transform(element, change, insideApplicant);
            }
        }
        return found;
    }

    private static Kind kindOf(String field, boolean insideApplicant) {
        if (NAME_FIELDS.contains(field) || (insideApplicant && "name".equals(field))) {
            return Kind.NAME;
        }
        if (ID_NUMBER_FIELD.equals(field)) {
            return Kind.ID_NUMBER;
        }
        if (CONTACT_FIELD.equals(field)) {
            return Kind.CONTACT;
        }
        return null;
    }
}
