package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code projection_quarantine}: what the projector set aside so that it would not block anyone else: a Kafka record
 * that is not a valid event ({@link Stage#DECODE}, keyed by {@code topic|partition|offset}), or an event that
 * could not be projected ({@link Stage#PROJECT}, keyed by {@code aggregateId|sequence}), each with the reason, where
 * it came from, and the case and agency it belongs to as far as they are known. A quarantined event is never
 * counted; the case it belongs to is held back from it on ({@link SequenceGap}), so that every report it would
 * change says so, while every other case and agency goes on. An operator reads them in
 * {@code GET /api/projection/status}.
 */
public final class QuarantineRepository {
    /** At most this many characters of the record's value are kept, to show what it was. */
    public static final int VALUE_PREVIEW_CHARS = 2000;

    private final RecordCollection<QuarantinedRecord> records;

    public QuarantineRepository(ReadModelDatabase database) {
        this.records = new RecordCollection<>(database, ReadModelDatabase.QUARANTINE, QuarantinedRecord.class);
    }

    /** Why a record was set aside: it is not a valid event, or the valid event could not be projected. */
    public enum Stage { DECODE, PROJECT }

    /**
     * @param topic       the Kafka topic, partition and offset it was read at (null when not known, e.g. an event
     *                    repaired from the event store)
     * @param aggregateId the case or agency it belongs to, when known (for an unreadable record: its Kafka key or
     *                    what could be read of it)
     * @param sequence    its sequence within the aggregate, when known
     * @param agencyId    the agency whose reports it affects, when known
     * @param value       the start of the record's value (at most {@value #VALUE_PREVIEW_CHARS} characters)
     * @param valueBytes  the size of the whole value in bytes
     */
    public record QuarantinedRecord(Stage stage, String topic, Integer partition, Long offset, String key,
                                    String aggregateId, Long sequence, String eventType, String agencyId,
                                    String reason, String value, int valueBytes, Instant quarantinedAt) {
        public QuarantinedRecord {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
            if (value != null && value.length() > VALUE_PREVIEW_CHARS) {
                value = value.substring(0, VALUE_PREVIEW_CHARS);
            }
        }

        /** Its natural id: one entry per Kafka record that could not be read, one per event that could not be projected. */
        public String id() {
            return stage == Stage.PROJECT ? aggregateId + "|" + sequence : topic + "|" + partition + "|" + offset;
        }
    }

    /** Records it (again: the same record or event quarantined twice stays one entry, the first reason kept). */
    public void save(QuarantinedRecord record) {
        if (records.find(record.id()).isEmpty()) {
            records.save(record.id(), record);
        }
    }

    public List<QuarantinedRecord> all() {
        return records.list(Filters.empty());
    }

    /** What was set aside of one aggregate. */
    public List<QuarantinedRecord> ofAggregate(String aggregateId) {
        return records.list(Filters.eq("aggregateId", aggregateId));
    }

    /** What was set aside of each of these aggregates, by aggregate id (an aggregate without any left out), in one round trip. */
    public java.util.Map<String, List<QuarantinedRecord>> ofAggregates(java.util.Collection<String> aggregateIds) {
        java.util.Map<String, List<QuarantinedRecord>> byAggregate = new java.util.HashMap<>();
        if (!aggregateIds.isEmpty()) {
            records.list(Filters.in("aggregateId", aggregateIds)).forEach(r -> byAggregate
                    .computeIfAbsent(r.aggregateId(), id -> new java.util.ArrayList<>()).add(r));
        }
        return byAggregate;
    }

    /** What was set aside that affects the agency's reports. */
    public List<QuarantinedRecord> ofAgency(String agencyId) {
        return records.list(Filters.eq("agencyId", agencyId));
    }
}
