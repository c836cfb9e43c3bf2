package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.query.web.KnownAgencies;
import cn.gongkai.ledger.readmodel.query.RequestHistories;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The information-processing fee: the monthly per-applicant counter and quotes under either scale. */
@RestController
public class FeeController {
    private final RequestHistories histories;
    private final KnownAgencies knownAgencies;
    private final Clock today;

    public FeeController(RequestHistories histories, KnownAgencies knownAgencies,
                         @Qualifier(DeadlineConfiguration.TODAY_CLOCK) Clock today) {
        this.histories = histories;
        this.knownAgencies = knownAgencies;
        this.today = today;
    }

    /** @param month {@code yyyy-MM}; without it, the current month in Asia/Shanghai */
    @GetMapping("/api/agencies/{agencyId}/applicant-counts")
    public ApplicantCounts applicantCounts(@PathVariable String agencyId, @RequestParam(required = false) YearMonth month) {
        AgencyId agency = new AgencyId(agencyId);
        knownAgencies.require(agency);
        YearMonth counted = month == null ? YearMonth.now(today) : month;
        return ApplicantCounts.of(agency.value(), counted, histories.receivedIn(agency, counted));
    }

    /**
     * {@code ?scale=PER_VOLUME&pages=120} or {@code ?scale=PER_REQUEST&nthRequestInMonth=31}: the charge of one
     * request; each scale takes exactly its own parameter.
     */
    @GetMapping("/api/fees/quote")
    public FeeQuote quote(@RequestParam FeeScale scale, @RequestParam(required = false) Integer pages,
                          @RequestParam(required = false) Integer nthRequestInMonth) {
        return switch (scale) {
            case PER_VOLUME -> FeeQuote.perVolume(only("pages", pages, 0, "nthRequestInMonth", nthRequestInMonth));
            case PER_REQUEST -> FeeQuote.perRequest(only("nthRequestInMonth", nthRequestInMonth, 1, "pages", pages));
        };
    }

    private static int only(String name, Integer value, int min, String otherName, Integer other) {
        if (value == null) {
            throw LedgerProblemException.badRequest("MISSING_PARAMETER", "缺少参数“" + name + "”",
                    "Missing parameter '" + name + "'");
        }
        if (other != null) {
            throw LedgerProblemException.badRequest("INVALID_PARAMETER", "该收费方式不使用参数“" + otherName + "”",
                    "This scale does not take the parameter '" + otherName + "'");
        }
        if (value < min) {
            throw LedgerProblemException.badRequest("INVALID_PARAMETER", "参数“" + name + "”须不小于 " + min + "：" + value,
                    "Parameter '" + name + "' must be at least " + min + ": " + value);
        }
        return value;
    }
}
