package cn.gongkai.ledger.clock.testing;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForMissingCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ClosedForUnpaidFee;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationAnswered;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationExpired;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ConsultationStarted;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionSupplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ExtensionApproved;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeeNotified;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.FeePaid;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestWithdrawn;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds a request's event history for tests; every event is recorded on its own business date. */
public final class RequestHistory {
    public static final AgencyId AGENCY = new AgencyId("ninghe-commerce");

    private final RequestId id;
    private final LocalDate receivedOn;
    private final List<DisclosureRequestEvent> events = new ArrayList<>();

    private RequestHistory(RequestId id, LocalDate receivedOn) {
        this.id = id;
        this.receivedOn = receivedOn;
    }

    public static RequestHistory received(String tracking, LocalDate on) {
        return received(tracking, on, "王承办", new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null));
    }

    public static RequestHistory received(String tracking, LocalDate on, String officer, Applicant applicant) {
        return received(tracking, on, officer, applicant, Channel.INTERNET);
    }

    public static RequestHistory received(String tracking, LocalDate on, Channel channel) {
        return received(tracking, on, "王承办", new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null), channel);
    }

    private static RequestHistory received(String tracking, LocalDate on, String officer, Applicant applicant,
                                           Channel channel) {
        RequestHistory h = new RequestHistory(RequestId.of(AGENCY, tracking), on);
        h.events.add(new RequestReceived(h.id, AGENCY, tracking, channel, on, applicant, "某项目环评报告",
                officer, at(on)));
        return h;
    }

    public static Recorded at(LocalDate businessDate) {
        return new Recorded("officer", businessDate.atTime(10, 0).atZone(Recorded.ZONE).toInstant());
    }

    public RequestId id() {
        return id;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public RequestHistory officer(String officer, LocalDate on) {
        return add(new OfficerAssigned(id, officer, at(on)));
    }

    public RequestHistory extension(LocalDate approvedOn, int days) {
        return add(new ExtensionApproved(id, approvedOn, days, "办公室主任", "需调取档案", at(approvedOn)));
    }

    public RequestHistory extension(LocalDate approvedOn, int days, String approver, String reason) {
        return add(new ExtensionApproved(id, approvedOn, days, approver, reason, at(approvedOn)));
    }

    public RequestHistory correctionRequested(LocalDate requestedOn, LocalDate supplyBy) {
        return add(new CorrectionRequested(id, requestedOn, supplyBy, "所需信息的名称", at(requestedOn)));
    }

    public RequestHistory correctionSupplied(LocalDate suppliedOn) {
        return add(new CorrectionSupplied(id, suppliedOn, at(suppliedOn)));
    }

    public RequestHistory consultation(LocalDate sentOn) {
        return add(new ConsultationStarted(id, "某公司", sentOn, at(sentOn)));
    }

    public RequestHistory answered(LocalDate answeredOn) {
        return add(new ConsultationAnswered(id, answeredOn, "不同意公开", at(answeredOn)));
    }

    public RequestHistory expired(LocalDate expiredOn) {
        return add(new ConsultationExpired(id, expiredOn, at(expiredOn)));
    }

    public RequestHistory fee(LocalDate notifiedOn) {
        return add(new FeeNotified(id, notifiedOn, FeeScale.PER_VOLUME, new BigDecimal("720"), at(notifiedOn)));
    }

    public RequestHistory paid(LocalDate paidOn) {
        return add(new FeePaid(id, paidOn, at(paidOn)));
    }

    public RequestHistory receiptCorrected(LocalDate previous, LocalDate corrected) {
        return add(new ReceiptDateCorrected(id, previous, corrected, "登记错误", at(corrected)));
    }

    public RequestHistory replied(LocalDate on) {
        return add(new RequestReplied(id, on, Outcome.DISCLOSED, List.of(), "宁商公开〔2024〕1号", at(on)));
    }

    public RequestHistory withdrawn(LocalDate on) {
        return add(new RequestWithdrawn(id, on, "申请人撤回", at(on)));
    }

    public RequestHistory closedForMissingCorrection(LocalDate on) {
        return add(new ClosedForMissingCorrection(id, on, at(on)));
    }

    public RequestHistory closedForUnpaidFee(LocalDate on) {
        return add(new ClosedForUnpaidFee(id, on, at(on)));
    }

    public RequestHistory add(DisclosureRequestEvent event) {
        events.add(event);
        return this;
    }

    public List<DisclosureRequestEvent> events() {
        return List.copyOf(events);
    }
}
