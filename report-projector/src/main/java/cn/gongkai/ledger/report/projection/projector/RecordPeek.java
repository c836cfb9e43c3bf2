package cn.gongkai.ledger.report.projection.projector;

import cn.gongkai.ledger.readmodel.store.QuarantineRepository.QuarantinedRecord;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.Stage;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import cn.gongkai.ledger.report.projection.projector.EventProjector.Undecodable;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * What can still be told of a record that is not a valid event, to quarantine it with its case and agency: read
 * leniently (malformed UTF-8 replaced, one of duplicate keys lost), its {@code aggregateId}, {@code sequence}
 * and {@code type} if it is JSON at all; the agency from a request's id ({@code agencyId:trackingNumber}), from the
 * payload's {@code agencyId}, from what the read model knows of the aggregate, or else from the record's Kafka key
 * (the publisher keys every record by its agency). Never throws.
 */
final class RecordPeek {
    private RecordPeek() {
    }

    static QuarantinedRecord of(Undecodable record, Instant now, Function<String, String> knownAgency) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String text = new String(value, StandardCharsets.UTF_8);
        JsonNode node = tree(text);
        String aggregateId = text(node, "aggregateId");
        Long sequence = null;
        JsonNode seq = node == null ? null : node.get("sequence");
        if (seq != null && seq.canConvertToExactIntegral() && seq.canConvertToLong() && seq.asLong() >= 0) {
            sequence = seq.asLong();
        }
        String agencyId = null;
        if (aggregateId != null) {
            int colon = aggregateId.indexOf(':');
            agencyId = colon > 0 ? aggregateId.substring(0, colon) : null;
            if (agencyId == null) {
                agencyId = node == null ? null : text(node.path("payload"), "agencyId");
            }
            if (agencyId == null) {
                agencyId = knownAgency.apply(aggregateId);
            }
        }
        if (agencyId == null && record.key() != null && !record.key().isBlank()) {
            agencyId = record.key();
        }
        return new QuarantinedRecord(Stage.DECODE, record.delivery().topic(), record.delivery().partition(),
                record.delivery().offset(), record.key(), aggregateId, sequence, text(node, "type"), agencyId,
                record.reason(), text, value.length, now);
    }

    private static JsonNode tree(String text) {
        try {
            JsonNode node = ReadModelJson.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
