package cn.gongkai.ledger.command.publication;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.publication.PublicationCommand.PublishAnnualReport;
import cn.gongkai.ledger.api.publication.PublicationEvent;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.api.publication.PublicationLifecycle;
import cn.gongkai.ledger.command.AxonCommandTargets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The publication of one agency's annual report for one year (《政府信息公开工作年度报告》): the first
 * {@link PublishAnnualReport} publishes it (revision 1), a later one with other tables publishes a revision. The
 * tables are those folded from the agency's events up to the command's watermark (the service folds them); the
 * publication records them, their hash and who published. What it refuses: tables that do not match their hash,
 * a watermark after the recording or before the last publication's, and a publication that changes nothing.
 */
@Aggregate(commandTargetResolver = AxonCommandTargets.BEAN_NAME)
class AnnualReportPublication {
    private static final Set<String> FORMATS = Set.of("2019", "2021");
    private static final Set<String> APPEAL_POLICIES = Set.of("OPEN_IN_YEAR", "FILED_IN_YEAR");

    @AggregateIdentifier
    private String publicationId;
    /** What the rules read: the one {@link PublicationLifecycle}. */
    private PublicationLifecycle.State state = PublicationLifecycle.initial();

    AnnualReportPublication() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishAnnualReport command) {
        if (!FORMATS.contains(command.format())) {
            throw RuleViolation.unprocessable("INVALID_FORMAT", "报告格式无效：" + command.format() + "（可选：2019、2021）",
                    "Invalid report format: " + command.format() + " (2019 or 2021)");
        }
        if (!APPEAL_POLICIES.contains(command.appealPolicy())) {
            throw RuleViolation.unprocessable("INVALID_APPEAL_POLICY", "复议诉讼统计口径无效：" + command.appealPolicy()
                    + "（可选：OPEN_IN_YEAR、FILED_IN_YEAR）", "Invalid appealPolicy: " + command.appealPolicy()
                    + " (OPEN_IN_YEAR or FILED_IN_YEAR)");
        }
        if (command.tables() == null || command.tables().isBlank() || !sha256(command.tables()).equals(command.tablesSha256())) {
            throw RuleViolation.unprocessable("TABLES_HASH_MISMATCH", "报告表格与其 SHA-256 摘要不符，未发布",
                    "The report's tables do not match their SHA-256; nothing was published");
        }
        if (command.watermark() == null || command.watermark().isAfter(command.recorded().at())) {
            throw RuleViolation.unprocessable("INVALID_WATERMARK", "报告所依据的事件时点须不晚于发布时间",
                    "The events the report was folded from must be recorded before its publication");
        }
        int revision = state.revision();
        AnnualReportPublished latest = state instanceof PublicationLifecycle.Published p ? p.latest() : null;
        if (latest != null && command.watermark().isBefore(latest.watermark())) {
            throw RuleViolation.conflict("WATERMARK_BEFORE_PUBLISHED", "本次报告所依据的事件早于已发布的第 " + revision
                    + " 版，未发布", "The report was folded from fewer events than revision " + revision
                    + " already published; nothing was published");
        }
        if (latest != null && command.tablesSha256().equals(latest.tablesSha256())
                && command.format().equals(latest.format()) && command.appealPolicy().equals(latest.appealPolicy())) {
            throw RuleViolation.conflict("REPORT_ALREADY_PUBLISHED", command.publicationId().agencyId() + " 的 "
                    + command.publicationId().year() + " 年度报告已按相同内容发布（第 " + revision + " 版），无需修订",
                    "The " + command.publicationId().year() + " report of " + command.publicationId().agencyId()
                            + " is already published with these tables (revision " + revision + "); nothing to revise");
        }
        apply(new AnnualReportPublished(command.publicationId(), revision + 1, command.format(),
                command.appealPolicy(), command.watermark(), command.eventCount(), command.tables(),
                command.tablesSha256(), command.recorded()));
    }

    /** The lifecycle state the rules read (for the tests). */
    PublicationLifecycle.State state() {
        return state;
    }

    @EventSourcingHandler
    void on(PublicationEvent event) {
        publicationId = event.publicationId().value();
        state = PublicationLifecycle.evolve(state, event);
    }

    /** The lower-case hex SHA-256 of the text's UTF-8 bytes. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
