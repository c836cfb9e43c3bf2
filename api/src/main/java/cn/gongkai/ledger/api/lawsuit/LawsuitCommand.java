package cn.gongkai.ledger.api.lawsuit;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;

/** Commands of a lawsuit in which the agency is the defendant (被告). */
public sealed interface LawsuitCommand extends LedgerCommand {
    LawsuitId lawsuitId();

    @Override
    default String targetAggregateId() {
        return lawsuitId().value();
    }

    /**
     * {@code linkedReconsiderationId} is required for {@link Route#AFTER_RECONSIDERATION} and absent for
     * {@link Route#DIRECT}; {@code linkedRequestId} may be null.
     */
    record FileLawsuit(LawsuitId lawsuitId, AgencyId agencyId, String court, String caseNumber, String plaintiffName,
                       LocalDate filedOn, Route route, ReconsiderationId linkedReconsiderationId, RequestId linkedRequestId,
                       Recorded recorded) implements LawsuitCommand {
    }

    /** A judgment or ruling of an instance is served; it is not yet in effect. */
    record RenderJudgment(LawsuitId lawsuitId, Instance instance, String court, JudgmentResult result,
                          LocalDate renderedOn, String documentNumber, Recorded recorded) implements LawsuitCommand {
    }

    /** A party appealed the first-instance judgment to the higher court (二审); the case stays open. */
    record FileAppeal(LawsuitId lawsuitId, LocalDate filedOn, String appellant, Recorded recorded) implements LawsuitCommand {
    }

    /** The latest judgment or ruling took effect: the case is concluded. */
    record RecordJudgmentEffective(LawsuitId lawsuitId, LocalDate effectiveOn, Recorded recorded) implements LawsuitCommand {
    }

    /** A concluded case is reopened for retrial (再审). */
    record OpenRetrial(LawsuitId lawsuitId, LocalDate openedOn, String court, Recorded recorded) implements LawsuitCommand {
    }

    /** Erase the plaintiff's personal data (《个人信息保护法》第四十七条), an appellant's name with it. */
    record ErasePlaintiffData(LawsuitId lawsuitId, ErasureGround ground, Recorded recorded) implements LawsuitCommand {
    }
}
