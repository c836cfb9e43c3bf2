package cn.gongkai.ledger.report.projection.web;

import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository.PartitionOffset;
import cn.gongkai.ledger.readmodel.store.RejectedRecordRepository;
import cn.gongkai.ledger.readmodel.store.RejectedRecordRepository.RejectedRecord;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/projection/status}: how far the projector has read each partition, the cases held back by a
 * gap the event store could not fill, and the records that were not events.
 */
@RestController
public class ProjectionStatusController {
    private final KafkaOffsetRepository offsets;
    private final SequenceGapRepository gaps;
    private final RejectedRecordRepository rejects;

    public ProjectionStatusController(KafkaOffsetRepository offsets, SequenceGapRepository gaps,
                                      RejectedRecordRepository rejects) {
        this.offsets = offsets;
        this.gaps = gaps;
        this.rejects = rejects;
    }

    public record ProjectionStatus(List<PartitionOffset> offsets, List<SequenceGap> heldBack,
                                   List<RejectedRecord> rejectedRecords) {
    }

    @GetMapping("/api/projection/status")
    public ProjectionStatus status() {
        return new ProjectionStatus(offsets.all(), gaps.all(), rejects.all());
    }
}
