package cn.gongkai.ledger.workbench.letters;

import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.TimelineEntry;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.query.CaseSummaries;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.workbench.agency.AgencyCatalog;
import cn.gongkai.ledger.workbench.legal.AppealWindows;
import cn.gongkai.ledger.workbench.report.ReportPdf;
import cn.gongkai.ledger.security.Officer;
import cn.gongkai.ledger.security.PersonalDataAudit;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests/{id}/letters/{kind}.{docx|pdf}}: the official letter of a step, generated from the case
 * (its registration and the step's event) and the agency's template. {@code kind}: {@code receipt} 登记回执,
 * {@code correction} 补正告知书, {@code consultation} 征求意见函, {@code fee} 收费通知书, {@code extension}
 * 延期答复告知书, {@code reply} 答复书 (for a reply, or a closure for a correction not supplied or a fee not paid).
 * {@code reviewBody} names the 复议机关 the 答复书 points to (default: the agency's superior, or 上一级主管部门).
 */
@RestController
public class LetterController {
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final Map<String, String> TITLES = Map.of("receipt", "登记回执", "correction", "补正告知书",
            "consultation", "征求意见函", "fee", "收费通知书", "extension", "延期答复告知书", "reply", "答复书");
    /** The event each letter is about; null for the receipt (the registration itself). */
    static final Map<String, List<String>> EVENTS = Map.of("receipt", List.of("RequestReceived"),
            "correction", List.of("CorrectionRequested"), "consultation", List.of("ConsultationStarted"),
            "fee", List.of("FeeNotified"), "extension", List.of("ExtensionApproved"),
            "reply", List.of("RequestReplied", "ClosedForMissingCorrection", "ClosedForUnpaidFee"));

    private final CaseSummaries cases;
    private final AgencyCatalog agencies;
    private final LetterTemplates templates;
    private final PersonalDataAudit audit;
    private final HttpServletRequest http;

    public LetterController(CaseSummaries cases, AgencyCatalog agencies, LetterTemplates templates,
                            PersonalDataAudit audit, HttpServletRequest http) {
        this.cases = cases;
        this.agencies = agencies;
        this.templates = templates;
        this.audit = audit;
        this.http = http;
    }

    @GetMapping("/api/requests/{id}/letters/{kind}.{extension}")
    public ResponseEntity<byte[]> letter(@PathVariable String id, @PathVariable String kind,
                                         @PathVariable String extension,
                                         @RequestParam(required = false) String reviewBody) {
        if (!TITLES.containsKey(kind) || !(extension.equals("docx") || extension.equals("pdf"))) {
            throw LedgerProblemException.notFound("LETTER_NOT_FOUND", "没有这种文书：" + kind + "." + extension
                    + "（可选：" + String.join("、", TITLES.keySet()) + "，格式 docx 或 pdf）",
                    "No such letter: " + kind + "." + extension);
        }
        CaseSummary request = cases.find(CaseType.REQUEST, id).orElseThrow(() -> LedgerProblemException.notFound(
                "REQUEST_NOT_FOUND", "未找到政府信息公开申请：" + id, "No disclosure request with id " + id));
        TimelineEntry event = last(request, EVENTS.get(kind)).orElseThrow(() -> LedgerProblemException.conflict(
                "LETTER_NOT_APPLICABLE", "本申请尚无" + TITLES.get(kind) + "所依据的步骤",
                "This request has no step a " + kind + " letter is about"));
        // The endpoint policy lets only the roles that need the applicant's data in the clear come here; the read
        // is audited before the letter is sent.
        audit.recordRead(Officer.current(), request.agencyId(), request.id(), "READ_LETTER", http.getRequestURI());
        Letter letter = Letter.parse(LetterTemplates.fill(templates.template(kind), values(request, event, reviewBody)));
        String file = request.reference() + "-" + TITLES.get(kind) + "." + extension;
        byte[] body = extension.equals("docx") ? letter.docx() : ReportPdf.render(letter.xhtml(ReportPdf.FONT_FAMILY),
                ReportPdf.font().orElseThrow(() -> new LedgerProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "PDF_FONT_MISSING", "服务器未安装中文字体，无法生成 PDF（请安装 fonts-wqy-zenhei，或设置 LEDGER_PDF_FONT）",
                        "No CJK font installed for PDFs (install fonts-wqy-zenhei or set LEDGER_PDF_FONT)")));
        return ResponseEntity.ok().contentType(extension.equals("docx") ? DOCX : MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static Optional<TimelineEntry> last(CaseSummary request, List<String> types) {
        return request.timeline().stream().filter(t -> types.contains(t.type())).reduce((a, b) -> b);
    }

    /** Every placeholder's value, from the registration (as corrected), the letter's event and the agency. */
    private Map<String, String> values(CaseSummary request, TimelineEntry event, String reviewBody) {
        Map<String, String> v = new HashMap<>();
        JsonNode received = request.timeline().get(0).payload();
        JsonNode p = event.payload();
        v.put("机关名称", agencies.name(request.agencyId()));
        v.put("申请人", request.party() == null ? null : request.party().name());
        v.put("申请人类型", request.party() == null ? null : request.party().type().label());
        v.put("登记编号", request.reference());
        v.put("收到申请之日", chinese(request.openedOn()));
        v.put("收到方式", label(Channel.class, received.path("channel").asText()));
        v.put("申请内容", request.subject());
        v.put("承办人", request.handlingOfficer());
        v.put("联系方式", received.path("applicant").path("contact").asText(null));
        v.put("文书日期", chinese(date(p, "receivedOn", "requestedOn", "sentOn", "notifiedOn", "approvedOn", "repliedOn",
                "closedOn")));
        v.put("补正内容", p.path("missing").asText(null));
        v.put("补正期限", chinese(date(p, "supplyBy")));
        v.put("征求意见对象", p.path("consultedParty").asText(null));
        v.put("收费金额", p.path("amountYuan").asText(null));
        v.put("计收方式", "PER_VOLUME".equals(p.path("scale").asText()) ? "按量计收" : "按件计收");
        v.put("延长工作日", p.path("workingDays").asText(null));
        v.put("延期理由", p.path("reason").asText(null));
        v.put("批准人", p.path("approver").asText(null));
        v.put("答复书文号", p.path("replyDocumentNumber").asText(""));
        Outcome outcome = switch (event.type()) {
            case "ClosedForMissingCorrection" -> Outcome.OTHER_CORRECTION_NOT_SUPPLIED;
            case "ClosedForUnpaidFee" -> Outcome.OTHER_FEE_NOT_PAID;
            default -> p.hasNonNull("primaryOutcome") ? Outcome.valueOf(p.path("primaryOutcome").asText()) : null;
        };
        if (outcome != null) {
            List<Outcome> secondary = p.path("secondaryReasons").isArray()
                    ? java.util.stream.StreamSupport.stream(p.path("secondaryReasons").spliterator(), false)
                    .map(n -> Outcome.valueOf(n.asText())).toList() : List.of();
            StringBuilder answer = new StringBuilder(OutcomeBasis.of(outcome).answer());
            secondary.forEach(s -> answer.append("此外，").append(OutcomeBasis.of(s).answer()));
            v.put("答复内容", answer.toString());
            v.put("答复依据", OutcomeBasis.citation(java.util.stream.Stream.concat(java.util.stream.Stream.of(outcome),
                    secondary.stream()).toList()));
            v.put("办理结果", outcome.key() + " " + outcome.label());
        }
        String body = reviewBody != null && !reviewBody.isBlank() ? reviewBody.strip()
                : agencies.superiorName(request.agencyId()).orElse("本机关的上一级主管部门或者本级人民政府");
        v.put("复议机关", body);
        v.put("救济途径", LetterTemplates.fill(AppealWindows.REMEDY_TEXT, Map.of("复议机关", body)));
        return v;
    }

    private static LocalDate date(JsonNode payload, String... fields) {
        for (String field : fields) {
            if (payload.hasNonNull(field)) {
                return LocalDate.parse(payload.path(field).asText());
            }
        }
        return null;
    }

    /** 2025年3月3日. */
    static String chinese(LocalDate day) {
        return day == null ? null : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static <E extends Enum<E> & cn.gongkai.ledger.api.common.Labelled> String label(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return name;
        }
    }

}
