package cn.gongkai.ledger.privacy;

import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.report.json.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * Seals and opens applicants' personal data ({@link PersonalFields}) with their case's data key ({@link DataKeys}).
 * The command side seals every event before it is appended, so the event store, the topic and every read model
 * built from them hold only ciphertext; the read side opens what a role needs and masks the rest. A sealed value
 * is the text {@value #PREFIX}{@code <base64 of nonce ‖ ciphertext ‖ tag>}, bound to its case id.
 *
 * <p>Opening is tolerant: a value recorded before encryption (clear text) reads as it is, unless its case was
 * erased; a value of an erased case, or sealed with a key that is gone, reads as {@link #ERASED}.
 */
public final class PersonalDataCipher {
    /** What an erased applicant's data reads as, everywhere. */
    public static final String ERASED = PersonalDataErased.ERASED;
    public static final String PREFIX = "pd1:";
    private static final ObjectMapper JSON = LedgerJson.newMapper();

    private final DataKeys keys;

    public PersonalDataCipher(DataKeys keys) {
        this.keys = keys;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The value sealed for the case (creating its key on first use); {@link #ERASED} if the case was erased. */
    public String seal(String caseId, String clear) {
        if (clear == null || clear.isBlank() || isSealed(clear) || ERASED.equals(clear)) {
            return clear;
        }
        Optional<SecretKey> key = keys.keyForSealing(caseId);
        if (key.isEmpty()) {
            return ERASED;
        }
        return PREFIX + Base64.getEncoder().encodeToString(
                Aead.encrypt(key.get(), clear.getBytes(StandardCharsets.UTF_8), associated(caseId)));
    }

    /** The clear value, {@link #ERASED} if the case's key was destroyed, or the value itself if it was never sealed. */
    public String open(String caseId, String value) {
        if (value == null || ERASED.equals(value)) {
            return value;
        }
        DataKeys.State state = keys.state(caseId);
        if (state instanceof DataKeys.State.Erased) {
            return ERASED;
        }
        if (!isSealed(value)) {
            return value;
        }
        if (!(state instanceof DataKeys.State.Active active)) {
            return ERASED;
        }
        try {
            byte[] clear = Aead.decrypt(active.key(), Base64.getDecoder().decode(value.substring(PREFIX.length())),
                    associated(caseId));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value of " + caseId + " does not open with its key", e);
        }
    }

    /** Looks up the keys of many cases at once, before opening their values one by one. */
    public void prefetch(java.util.Collection<String> caseIds) {
        keys.prefetch(caseIds);
    }

    /**
     * Readies the keys of the cases of many events about to be sealed together (an import's), each kind of round
     * trip once for all of them ({@link DataKeys#prepareForSealing}); only cases with a personal value to seal.
     */
    public void prepareForSealing(java.util.Collection<? extends LedgerEvent> events) {
        java.util.Set<String> caseIds = new java.util.LinkedHashSet<>();
        for (LedgerEvent event : events) {
            boolean[] toSeal = {false};
            PersonalFields.transform(JSON.valueToTree(event), (kind, value) -> {
                toSeal[0] |= !isSealed(value) && !ERASED.equals(value);
                return value;
            });
            if (toSeal[0]) {
                caseIds.add(event.aggregateId());
            }
        }
        if (!caseIds.isEmpty()) {
            keys.prepareForSealing(caseIds);
        }
    }

    /** The event with its personal fields sealed under its aggregate's key. */
    public <E extends LedgerEvent> E seal(E event) {
        return mapEvent(event, (kind, value) -> seal(event.aggregateId(), value));
    }

    /** The event with its personal fields opened (or {@link #ERASED}). */
    public <E extends LedgerEvent> E open(E event) {
        return mapEvent(event, (kind, value) -> open(event.aggregateId(), value));
    }

    /** A copy of a payload (or any JSON of one case) with its personal fields opened. */
    public JsonNode open(String caseId, JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode copy = payload.deepCopy();
        PersonalFields.transform(copy, (kind, value) -> open(caseId, value));
        return copy;
    }

    /** A copy of a payload with every personal field replaced by {@link #ERASED}. */
    public static JsonNode erased(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode copy = payload.deepCopy();
        PersonalFields.transform(copy, (kind, value) -> ERASED);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static <E extends LedgerEvent> E mapEvent(E event, PersonalFields.Change change) {
        JsonNode tree = JSON.valueToTree(event);
        if (!PersonalFields.transform(tree, change)) {
            return event;
        }
        try {
            return (E) JSON.treeToValue(tree, event.getClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot rebuild " + event.getClass().getSimpleName(), e);
        }
    }

    private static byte[] associated(String caseId) {
        return ("case:" + caseId).getBytes(StandardCharsets.UTF_8);
    }
}
