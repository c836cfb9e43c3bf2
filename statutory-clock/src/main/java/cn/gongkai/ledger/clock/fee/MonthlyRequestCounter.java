package cn.gongkai.ledger.clock.fee;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ApplicantTypeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts each applicant's requests per agency and calendar month, for the per-request fee
 * (按件计收). Every registered request counts, whatever became of it (the scale counts
 * applications made). The month is that of the receipt date; ReceiptDateCorrected and
 * ApplicantTypeCorrected are applied. Requests received the same day are ordered by the time
 * they were recorded, then by id. Each request's events must appear in sequence order.
 */
public final class MonthlyRequestCounter {
    private MonthlyRequestCounter() {
    }

    private record Registration(RequestId requestId, AgencyId agencyId, RequestReceived received, LocalDate receivedOn,
                                ApplicantType type) {
        ApplicantKey applicant() {
            return ApplicantKey.of(received.requestId(), received.applicant(), type);
        }
    }

    private record Group(AgencyId agency, ApplicantKey applicant, YearMonth month) {
    }

    /** The monthly counts, ordered by agency, month and applicant. */
    public static List<MonthlyCount> count(Collection<? extends DisclosureRequestEvent> events) {
        Map<RequestId, Registration> registrations = new LinkedHashMap<>();
        for (DisclosureRequestEvent event : events) {
            if (event instanceof RequestReceived r) {
                AgencyId agency = r.agencyId() != null ? r.agencyId() : r.requestId().agencyId();
                registrations.put(r.requestId(), new Registration(r.requestId(), agency, r, r.receivedOn(),
                        r.applicant().type()));
            } else if (event instanceof ReceiptDateCorrected c) {
                registrations.computeIfPresent(c.requestId(), (id, reg) ->
                        new Registration(id, reg.agencyId(), reg.received(), c.correctedDate(), reg.type()));
            } else if (event instanceof ApplicantTypeCorrected c) {
                registrations.computeIfPresent(c.requestId(), (id, reg) ->
                        new Registration(id, reg.agencyId(), reg.received(), reg.receivedOn(), c.correctedType()));
            }
        }
        Map<Group, List<Registration>> groups = new TreeMap<>(Comparator.comparing((Group g) -> g.agency().value())
                .thenComparing(Group::month).thenComparing(g -> g.applicant().value()));
        for (Registration reg : registrations.values()) {
            groups.computeIfAbsent(new Group(reg.agencyId(), reg.applicant(), YearMonth.from(reg.receivedOn())),
                    g -> new ArrayList<>()).add(reg);
        }
        List<MonthlyCount> counts = new ArrayList<>();
        groups.forEach((group, regs) -> counts.add(monthlyCount(group, regs)));
        return counts;
    }

    /** The per-request charge of one request among {@code events}, if it is registered there. */
    public static Optional<RequestCharge> chargeFor(Collection<? extends DisclosureRequestEvent> events, RequestId requestId) {
        return count(events).stream().flatMap(c -> c.requests().stream())
                .filter(c -> c.requestId().equals(requestId)).findFirst();
    }

    private static MonthlyCount monthlyCount(Group group, List<Registration> regs) {
        regs.sort(Comparator.comparing(Registration::receivedOn)
                .thenComparing(r -> r.received().recorded().at())
                .thenComparing(r -> r.requestId().value()));
        List<RequestCharge> charges = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Registration reg : regs) {
            BigDecimal charge = FeeSchedule.perRequestCharge(charges.size() + 1);
            charges.add(new RequestCharge(reg.requestId(), reg.receivedOn(), charges.size() + 1, charge));
            total = total.add(charge);
        }
        return new MonthlyCount(group.agency(), group.applicant(), group.month(), charges, total);
    }
}
