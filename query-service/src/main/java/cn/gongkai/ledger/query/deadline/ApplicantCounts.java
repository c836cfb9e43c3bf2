package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.fee.FeeSchedule;
import cn.gongkai.ledger.clock.fee.MonthlyCount;
import cn.gongkai.ledger.clock.fee.MonthlyRequestCounter;
import cn.gongkai.ledger.clock.fee.RequestCharge;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each applicant's requests to one agency in one calendar month and the per-request fee (按件计收) they imply:
 * {@code GET /api/agencies/{agencyId}/applicant-counts?month=yyyy-MM}. The per-volume fee (按量计收) depends on
 * the pages of a request: {@code GET /api/fees/quote?scale=PER_VOLUME&pages=…}.
 *
 * @param requestCount every request received in the month, whatever became of it
 * @param applicants   the applicants with the most requests first
 */
public record ApplicantCounts(String agencyId, YearMonth month, int freeRequestsPerMonth, int requestCount,
                              BigDecimal totalYuan, List<ApplicantMonth> applicants) {

    /**
     * One applicant's month.
     *
     * @param applicant how requests are grouped: {@code 证件:…} (the identity document number, all but its last four
     *                  characters masked) or {@code 名称:<applicant type>:<name>}
     * @param name      the applicant's name as recorded on the first request of the month
     * @param requests  in receipt order, each with its ordinal and charge
     */
    public record ApplicantMonth(String applicant, String name, int requestCount, BigDecimal totalYuan,
                                 List<RequestCharge> requests) {
    }

    static ApplicantCounts of(String agencyId, YearMonth month, List<List<DisclosureRequestEvent>> histories) {
        List<DisclosureRequestEvent> events = histories.stream().flatMap(List::stream).toList();
        Map<RequestId, RequestReceived> received = events.stream().filter(RequestReceived.class::isInstance)
                .map(RequestReceived.class::cast)
                .collect(Collectors.toMap(RequestReceived::requestId, Function.identity(), (first, again) -> first));
        List<ApplicantMonth> applicants = MonthlyRequestCounter.count(events).stream()
                .filter(c -> c.month().equals(month))
                .map(c -> applicantMonth(c, received))
                .sorted(Comparator.comparingInt(ApplicantMonth::requestCount).reversed())
                .toList();
        return new ApplicantCounts(agencyId, month, FeeSchedule.FREE_REQUESTS_PER_MONTH,
                applicants.stream().mapToInt(ApplicantMonth::requestCount).sum(),
                applicants.stream().map(ApplicantMonth::totalYuan).reduce(BigDecimal.ZERO, BigDecimal::add), applicants);
    }

    private static ApplicantMonth applicantMonth(MonthlyCount count, Map<RequestId, RequestReceived> received) {
        String name = received.get(count.requests().get(0).requestId()).applicant().name();
        return new ApplicantMonth(masked(count.applicant().value()), name, count.requests().size(), count.totalYuan(),
                count.requests());
    }

    /** An identity document number is personal data: only its last four characters are shown. */
    static String masked(String applicantKey) {
        String prefix = "证件:";
        if (!applicantKey.startsWith(prefix)) {
            return applicantKey;
        }
        String number = applicantKey.substring(prefix.length());
        int shown = Math.min(4, number.length() / 2);
        return prefix + "*".repeat(number.length() - shown) + number.substring(number.length() - shown);
    }
}
