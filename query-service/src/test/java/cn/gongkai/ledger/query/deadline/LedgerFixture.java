package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.CorrectionRequested;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReplied;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Requests' events as the projector receives them, each event recorded on its own business date. */
final class LedgerFixture {
    private final List<EventEnvelope> envelopes = new ArrayList<>();

    static RequestId id(String agency, String tracking) {
        return RequestId.of(new AgencyId(agency), tracking);
    }

    static Recorded on(LocalDate day) {
        return new Recorded("clerk", day.atTime(10, 0).atZone(Recorded.ZONE).toInstant());
    }

    static Applicant person(String name, String idNumber) {
        return new Applicant(ApplicantType.NATURAL_PERSON, name, idNumber, null);
    }

    LedgerFixture received(RequestId id, Channel channel, String receivedOn, Applicant applicant, String officer) {
        LocalDate day = LocalDate.parse(receivedOn);
        return add(0, new RequestReceived(id, id.agencyId(), id.trackingNumber(), channel, day, applicant,
                "关于" + id.trackingNumber() + "的信息", officer, on(day)));
    }

    LedgerFixture correctionRequested(RequestId id, long sequence, String requestedOn, String supplyBy) {
        LocalDate day = LocalDate.parse(requestedOn);
        return add(sequence, new CorrectionRequested(id, day, LocalDate.parse(supplyBy), "所需信息的名称", on(day)));
    }

    LedgerFixture replied(RequestId id, long sequence, String repliedOn) {
        LocalDate day = LocalDate.parse(repliedOn);
        return add(sequence, new RequestReplied(id, day, Outcome.DISCLOSED, List.of(), "答复〔" + repliedOn + "〕", on(day)));
    }

    private LedgerFixture add(long sequence, DisclosureRequestEvent event) {
        envelopes.add(EventEnvelope.of(sequence, event));
        return this;
    }

    List<EventEnvelope> envelopes() {
        return List.copyOf(envelopes);
    }
}
