package cn.gongkai.ledger.report.projection;

import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitId;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small, fully known history of one agency ({@code ninghe-commerce}) and the report cells it must give,
 * plus builders for single events.
 */
public final class TestEvents {
    public static final AgencyId AGENCY = new AgencyId("ninghe-commerce");
    public static final AgencyId OTHER_AGENCY = new AgencyId("bazhou-commerce");

    private TestEvents() {
    }

    public static Recorded on(String date) {
        return new Recorded("clerk", LocalDate.parse(date).atTime(10, 0).atZone(Recorded.ZONE).toInstant());
    }

    public static RequestId request(AgencyId agency, String tracking) {
        return RequestId.of(agency, tracking);
    }

    public static EventEnvelope registered(AgencyId agency, String name, String on) {
        return EventEnvelope.of(0, new AgencyEvent.AgencyRegistered(agency, name, null, on(on)));
    }

    public static EventEnvelope received(RequestId id, ApplicantType type, String receivedOn) {
        return EventEnvelope.of(0, new DisclosureRequestEvent.RequestReceived(id, id.agencyId(), id.trackingNumber(),
                Channel.INTERNET, LocalDate.parse(receivedOn), new Applicant(type, "申请人" + id.trackingNumber(), null, null),
                "关于" + id.trackingNumber() + "的信息", "王科员", on(receivedOn)));
    }

    public static EventEnvelope replied(RequestId id, long sequence, Outcome outcome, String repliedOn) {
        return EventEnvelope.of(sequence, new DisclosureRequestEvent.RequestReplied(id, LocalDate.parse(repliedOn),
                outcome, List.of(), "答复〔" + repliedOn + "〕", on(repliedOn)));
    }

    public static EventEnvelope officerAssigned(RequestId id, long sequence, String officer, String on) {
        return EventEnvelope.of(sequence, new DisclosureRequestEvent.OfficerAssigned(id, officer, on(on)));
    }

    public static EventEnvelope applicantCorrected(RequestId id, long sequence, ApplicantType from, ApplicantType to,
                                                   String on) {
        return EventEnvelope.of(sequence, new DisclosureRequestEvent.ApplicantTypeCorrected(id, from, to, "登记错误", on(on)));
    }

    public static EventEnvelope conclusionDateCorrected(RequestId id, long sequence, String from, String to, String on) {
        return EventEnvelope.of(sequence, new DisclosureRequestEvent.ConclusionDateCorrected(id, LocalDate.parse(from),
                LocalDate.parse(to), "日期录入错误", on(on)));
    }

    public static EventEnvelope reconsiderationFiled(ReconsiderationId id, AgencyId agency, String filedOn) {
        return EventEnvelope.of(0, new ReconsiderationEvent.ReconsiderationFiled(id, agency, "宁河区人民政府",
                "宁复〔2024〕1号", "张三", LocalDate.parse(filedOn), null, on(filedOn)));
    }

    public static EventEnvelope reconsiderationDecided(ReconsiderationId id, long sequence, ReconsiderationResult result,
                                                       String decidedOn) {
        return EventEnvelope.of(sequence, new ReconsiderationEvent.ReconsiderationDecided(id, LocalDate.parse(decidedOn),
                result, "决定书1号", on(decidedOn)));
    }

    public static EventEnvelope lawsuitFiled(LawsuitId id, AgencyId agency, String filedOn) {
        return EventEnvelope.of(0, new LawsuitEvent.LawsuitFiled(id, agency, "宁河区人民法院", "(2024)津0117行初1号",
                "李四", LocalDate.parse(filedOn), Route.DIRECT, null, null, on(filedOn)));
    }

    public static final RequestId A = request(AGENCY, "2024-001");
    public static final RequestId B = request(AGENCY, "2024-002");
    public static final RequestId C = request(AGENCY, "2023-009");
    public static final ReconsiderationId RC = new ReconsiderationId("rc-ninghe-1");
    public static final LawsuitId LS = new LawsuitId("ls-ninghe-1");

    /**
     * The agency's history. For 2024 it must give: 一 自然人 1, 商业企业 1 (总计 2); 二 自然人 1; 三.一 自然人 1;
     * 三.四.1 自然人 1; 三.七 自然人 2; 四 商业企业 1; 复议.维持 1, 复议.总计 1; 直诉.未审结 1, 直诉.总计 1.
     * For 2025: 二 商业企业 1; 三.二 商业企业 1; 直诉.未审结 1.
     */
    public static List<EventEnvelope> history() {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(registered(AGENCY, "宁河区商务局", "2023-01-05"));
        events.add(received(C, ApplicantType.NATURAL_PERSON, "2023-12-28"));
        events.add(replied(C, 1, Outcome.UNAVAILABLE_NOT_HELD, "2024-01-15"));
        events.add(received(A, ApplicantType.NATURAL_PERSON, "2024-03-01"));
        events.add(officerAssigned(A, 1, "赵科长", "2024-03-02"));
        events.add(replied(A, 2, Outcome.DISCLOSED, "2024-03-20"));
        events.add(received(B, ApplicantType.COMMERCIAL_ENTERPRISE, "2024-12-20"));
        events.add(replied(B, 1, Outcome.PARTIALLY_DISCLOSED, "2025-01-10"));
        events.add(reconsiderationFiled(RC, AGENCY, "2024-05-06"));
        events.add(reconsiderationDecided(RC, 1, ReconsiderationResult.UPHELD, "2024-08-01"));
        events.add(lawsuitFiled(LS, AGENCY, "2024-06-01"));
        return events;
    }

    /** The non-zero cells of {@link #AGENCY}'s 2024 report from {@link #history()}. */
    public static final Map<String, Integer> EXPECTED_2024 = Map.ofEntries(
            Map.entry("table3/一/自然人", 1), Map.entry("table3/一/商业企业", 1), Map.entry("table3/一/总计", 2),
            Map.entry("table3/二/自然人", 1), Map.entry("table3/二/总计", 1),
            Map.entry("table3/三.一/自然人", 1), Map.entry("table3/三.一/总计", 1),
            Map.entry("table3/三.四.1/自然人", 1), Map.entry("table3/三.四.1/总计", 1),
            Map.entry("table3/三.七/自然人", 2), Map.entry("table3/三.七/总计", 2),
            Map.entry("table3/四/商业企业", 1), Map.entry("table3/四/总计", 1),
            Map.entry("table4/复议.维持", 1), Map.entry("table4/复议.总计", 1),
            Map.entry("table4/直诉.未审结", 1), Map.entry("table4/直诉.总计", 1));

    /** The non-zero cells of {@link #AGENCY}'s 2025 report from {@link #history()}. */
    public static final Map<String, Integer> EXPECTED_2025 = Map.ofEntries(
            Map.entry("table3/二/商业企业", 1), Map.entry("table3/二/总计", 1),
            Map.entry("table3/三.二/商业企业", 1), Map.entry("table3/三.二/总计", 1),
            Map.entry("table3/三.七/商业企业", 1), Map.entry("table3/三.七/总计", 1),
            Map.entry("table4/直诉.未审结", 1), Map.entry("table4/直诉.总计", 1));

    /** Another agency's request, which must never appear in {@link #AGENCY}'s report. */
    public static List<EventEnvelope> otherAgencyHistory() {
        RequestId other = request(OTHER_AGENCY, "2024-100");
        return List.of(received(other, ApplicantType.RESEARCH_INSTITUTION, "2024-04-01"),
                replied(other, 1, Outcome.DISCLOSED, "2024-04-10"));
    }
}
