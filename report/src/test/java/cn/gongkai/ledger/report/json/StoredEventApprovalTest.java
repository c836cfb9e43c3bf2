package cn.gongkai.ledger.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.LedgerEvent;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitId;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.publication.PublicationEvent;
import cn.gongkai.ledger.api.publication.PublicationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Approval tests of the stored event JSON (as oskardudycz/EventSourcing.JVM does): {@code events/stored/} holds
 * one stored sample of every event type, plus the older shapes stored events may still have
 * ({@code Type.vN-what.json}); each is decoded and re-encoded, and the result must equal its approved file in
 * {@code events/approved/} byte for byte. A changed event shape fails here until the new shape is approved and, if
 * stored events of the old shape exist, the old shape is kept as a sample that still loads.
 *
 * <p>To (re)write the current shapes after a deliberate change: {@code ./mvnw -pl report -am test
 * -Dtest=StoredEventApprovalTest -Dsurefire.failIfNoSpecifiedTests=false -Dapproval.write=true}, then review the diff.
 */
class StoredEventApprovalTest {
    private static final Path ROOT = Path.of("src/test/resources/events");
    private static final Path STORED = ROOT.resolve("stored");
    private static final Path APPROVED = ROOT.resolve("approved");

    @Test
    void everyEventTypeHasAStoredSample() {
        TreeSet<String> sampled = new TreeSet<>();
        for (Path file : files(STORED)) {
            sampled.add(file.getFileName().toString().split("\\.")[0]);
        }
        assertThat(sampled).containsAll(EventTypes.all().keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachStoredSampleDecodesAndReencodesToItsApprovedJson() {
        if (Boolean.getBoolean("approval.write")) {
            writeCurrentShapes();
        }
        return files(STORED).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            EventEnvelope decoded = EventJson.read(read(file));
            String encoded = JsonMappers.pretty(EventJson.toJson(decoded)) + "\n";
            Path approved = APPROVED.resolve(file.getFileName().toString().replaceFirst("\\.json$", ".approved.json"));
            assertThat(Files.exists(approved)).as("approved file " + approved).isTrue();
            assertThat(encoded).isEqualTo(read(approved));
        }));
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Writes the sample of every type in today's shape to stored/ and approved/ (old-shape samples are kept). */
    private static void writeCurrentShapes() {
        try {
            Files.createDirectories(STORED);
            Files.createDirectories(APPROVED);
            for (LedgerEvent event : samples()) {
                String name = EventTypes.nameOf(event);
                String json = JsonMappers.pretty(EventJson.toJson(EventEnvelope.of(0, event))) + "\n";
                Files.writeString(STORED.resolve(name + ".json"), json, StandardCharsets.UTF_8);
                Files.writeString(APPROVED.resolve(name + ".approved.json"), json, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event of every type, with every field set. */
    static List<LedgerEvent> samples() {
        AgencyId agency = new AgencyId("ninghe-commerce");
        Recorded at = new Recorded("li.clerk", Instant.parse("2024-03-01T02:00:00Z"));
        RequestId request = new RequestId("ninghe-commerce:2024-0001");
        ReconsiderationId rc = new ReconsiderationId("rc-2024-001");
        LawsuitId ls = new LawsuitId("ls-2024-001");
        LocalDate d = LocalDate.of(2024, 3, 4);
        List<LedgerEvent> samples = new ArrayList<>(List.of(
                new AgencyEvent.AgencyRegistered(agency, "宁河区商务局", new AgencyId("ninghe"), at),
                new AgencyEvent.NormativeDocumentIssued(agency, "doc-1", NormativeDocumentKind.NORMATIVE_DOCUMENT,
                        "关于规范商务执法的通知", "宁商规〔2024〕1号", d, at),
                new AgencyEvent.NormativeDocumentRepealed(agency, "doc-1", d.plusDays(30), at),
                new AgencyEvent.NormativeDocumentExpired(agency, "doc-2", d.plusDays(60), at),
                new AgencyEvent.DecisionsTallied(agency, Article20Category.LICENSING, d, 12, "lic-2024-03", at),
                new AgencyEvent.FeesCollected(agency, d, new BigDecimal("12345.60"), "fee-2024-03", at),
                new AgencyEvent.ServiceItemsCounted(agency, Article20Category.OTHER_SERVICE, d, 7, "items-2024", at),
                new AgencyEvent.ProcurementRecorded(agency, d, 3, new BigDecimal("100000.00"), "proc-2024-1", at),
                new AgencyEvent.LedgerOpened(agency, 2024, "2023年度报告及纸质台账", at),
                new AgencyEvent.OpeningRegisterCounted(agency, NormativeDocumentKind.NORMATIVE_DOCUMENT, 533,
                        "2023年度报告表二", at),
                new AgencyEvent.AppealCountingPolicySet(agency, "FILED_IN_YEAR", 2024, "市政府办公室通知：表四按本年新立案件统计",
                        at),
                new DisclosureRequestEvent.RequestReceived(request, agency, "2024-0001", Channel.INTERNET, d,
                        new Applicant(ApplicantType.NATURAL_PERSON, "张三", "110101199001011234", "13800000000"),
                        "2023年本局行政许可决定书", "王芳", at),
                new DisclosureRequestEvent.OfficerAssigned(request, "李明", at),
                new DisclosureRequestEvent.CorrectionRequested(request, d, d.plusDays(14), "所需信息的文号或名称", at),
                new DisclosureRequestEvent.CorrectionSupplied(request, d.plusDays(7), at),
                new DisclosureRequestEvent.ClosedForMissingCorrection(request, d.plusDays(15), at),
                new DisclosureRequestEvent.ConsultationStarted(request, "宁和商贸有限公司", d, at),
                new DisclosureRequestEvent.ConsultationAnswered(request, d.plusDays(10), "不同意公开", at),
                new DisclosureRequestEvent.ConsultationExpired(request, d.plusDays(22), at),
                new DisclosureRequestEvent.FeeNotified(request, d, FeeScale.PER_VOLUME, new BigDecimal("400.00"), at),
                new DisclosureRequestEvent.FeePaid(request, d.plusDays(6), at),
                new DisclosureRequestEvent.ClosedForUnpaidFee(request, d.plusDays(35), at),
                new DisclosureRequestEvent.ExtensionApproved(request, d.plusDays(18), 20, "赵局长", "需调取档案", at),
                new DisclosureRequestEvent.RequestReplied(request, d.plusDays(20), Outcome.PARTIALLY_DISCLOSED,
                        List.of(Outcome.WITHHELD_STATE_SECRET), "宁商公开〔2024〕3号", at),
                new DisclosureRequestEvent.RequestWithdrawn(request, d.plusDays(3), "已通过其他途径获取", at),
                new DisclosureRequestEvent.ApplicantTypeCorrected(request, ApplicantType.NATURAL_PERSON,
                        ApplicantType.LEGAL_SERVICE_INSTITUTION, "申请人为律师事务所", at),
                new DisclosureRequestEvent.ReceiptDateCorrected(request, d, d.minusDays(1), "登记时录入错误", at),
                new DisclosureRequestEvent.OutcomeCorrected(request, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED,
                        List.of(Outcome.WITHHELD_STATE_SECRET), "漏登不予公开部分", at),
                new DisclosureRequestEvent.ConclusionDateCorrected(request, d.plusDays(20), d.plusDays(21), "录入错误", at),
                new DisclosureRequestEvent.DueDateRecomputed(request, "national:2024-v2", d.plusDays(28), d.plusDays(29),
                        at),
                new DisclosureRequestEvent.ApplicantDataErased(request, ErasureGround.CONSENT_WITHDRAWN, at),
                new ReconsiderationEvent.ReconsiderationFiled(rc, agency, "宁河区人民政府", "宁政复〔2024〕1号", "张三", d,
                        request, at),
                new ReconsiderationEvent.ReconsiderationAccepted(rc, d.plusDays(5), at),
                new ReconsiderationEvent.ReconsiderationRejected(rc, d.plusDays(5), "超过申请期限", at),
                new ReconsiderationEvent.ReconsiderationDecided(rc, d.plusDays(60), ReconsiderationResult.UPHELD,
                        "宁政复决〔2024〕1号", at),
                new ReconsiderationEvent.ReconsiderationWithdrawn(rc, d.plusDays(30), "申请人撤回", at),
                new ReconsiderationEvent.ReconsiderationApplicantDataErased(rc, ErasureGround.PURPOSE_ACHIEVED, at),
                new LawsuitEvent.LawsuitFiled(ls, agency, "宁河区人民法院", "（2024）宁行初1号", "张三", d,
                        Route.AFTER_RECONSIDERATION, rc, request, at),
                new LawsuitEvent.JudgmentRendered(ls, Instance.FIRST, "宁河区人民法院", JudgmentResult.REVOKED,
                        d.plusDays(90), "（2024）宁行初1号判决", at),
                new LawsuitEvent.AppealFiled(ls, d.plusDays(100), "宁河区商务局", at),
                new LawsuitEvent.JudgmentTookEffect(ls, Instance.SECOND, d.plusDays(200), at),
                new LawsuitEvent.RetrialOpened(ls, d.plusDays(300), "市中级人民法院", at),
                new LawsuitEvent.PlaintiffDataErased(ls, ErasureGround.RETENTION_EXPIRED, at),
                new PublicationEvent.AnnualReportPublished(PublicationId.of(agency, 2024), 1, "2021", "OPEN_IN_YEAR",
                        Instant.parse("2025-01-10T02:00:00Z"), 1234, "{\"二\":{}}",
                        "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", at)));
        return samples;
    }
}
