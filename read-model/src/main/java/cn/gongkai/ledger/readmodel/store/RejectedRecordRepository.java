package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.model.Filters;
import java.util.List;

/**
 * {@code projection_rejects}: Kafka records that could not be read as an event envelope, keyed by
 * {@code topic|partition|offset}, with the raw key and value and the reason. They are skipped, never counted,
 * and listed here for an operator.
 */
public final class RejectedRecordRepository {
    private final RecordCollection<RejectedRecord> rejects;

    public RejectedRecordRepository(ReadModelDatabase database) {
        this.rejects = new RecordCollection<>(database, ReadModelDatabase.REJECTS, RejectedRecord.class);
    }

    public record RejectedRecord(String topic, int partition, long offset, String key, String value, String reason) {
    }

    public void save(RejectedRecord record) {
        rejects.save(record.topic() + "|" + record.partition() + "|" + record.offset(), record);
    }

    public List<RejectedRecord> all() {
        return rejects.list(Filters.empty());
    }
}
