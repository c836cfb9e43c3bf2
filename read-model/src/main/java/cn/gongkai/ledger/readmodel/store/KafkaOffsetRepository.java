package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code projection_offsets}: the next offset to read per topic partition,
 * {@code {_id: "topic|partition", topic, partition, nextOffset}}. Kept beside the read model, not in Kafka, and
 * written only after the read model of the records before it has been written.
 */
public final class KafkaOffsetRepository {
    private final RecordCollection<PartitionOffset> offsets;

    public KafkaOffsetRepository(ReadModelDatabase database) {
        this.offsets = new RecordCollection<>(database, ReadModelDatabase.OFFSETS, PartitionOffset.class);
    }

    public record PartitionOffset(String topic, int partition, long nextOffset) {
    }

    public OptionalLong nextOffset(String topic, int partition) {
        return offsets.find(id(topic, partition)).map(o -> OptionalLong.of(o.nextOffset())).orElse(OptionalLong.empty());
    }

    public void save(String topic, int partition, long nextOffset) {
        offsets.save(id(topic, partition), new PartitionOffset(topic, partition, nextOffset));
    }

    /** Saves each, as {@link #save} does, in one round trip. */
    public void saveAll(java.util.Collection<PartitionOffset> values) {
        java.util.Map<String, PartitionOffset> byId = new java.util.LinkedHashMap<>();
        values.forEach(o -> byId.put(id(o.topic(), o.partition()), o));
        offsets.saveAll(byId);
    }

    public List<PartitionOffset> all() {
        return offsets.list(Filters.empty());
    }

    private static String id(String topic, int partition) {
        return topic + "|" + partition;
    }
}
