package cn.gongkai.ledger.report.projection.web;

import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository;
import cn.gongkai.ledger.readmodel.store.KafkaOffsetRepository.PartitionOffset;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository;
import cn.gongkai.ledger.readmodel.store.QuarantineRepository.QuarantinedRecord;
import cn.gongkai.ledger.readmodel.store.SequenceGap;
import cn.gongkai.ledger.readmodel.store.SequenceGapRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/projection/status}: how far the projector has read each partition, the cases held back by a
 * gap the event store could not fill or by a quarantined event ({@code heldBack}), and what was quarantined
 * ({@code quarantined}: records that were not valid events and events that could not be projected, with the
 * reason, the offset, the case and the agency).
 */
@RestController
public class ProjectionStatusController {
    private final KafkaOffsetRepository offsets;
    private final SequenceGapRepository gaps;
    private final QuarantineRepository quarantine;

    public ProjectionStatusController(KafkaOffsetRepository offsets, SequenceGapRepository gaps,
                                      QuarantineRepository quarantine) {
        this.offsets = offsets;
        this.gaps = gaps;
        this.quarantine = quarantine;
    }

    public record ProjectionStatus(List<PartitionOffset> offsets, List<SequenceGap> heldBack,
                                   List<QuarantinedRecord> quarantined) {
    }

    @GetMapping("/api/projection/status")
    public ProjectionStatus status() {
        return new ProjectionStatus(offsets.all(), gaps.all(), quarantine.all());
    }
}
