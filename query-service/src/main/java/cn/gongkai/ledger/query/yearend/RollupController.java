package cn.gongkai.ledger.query.yearend;

import cn.gongkai.ledger.workbench.report.ReportWorkbenchController;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A superior office's roll-up (docs/year-end.md), each with {@code scope} = {@code SELF_AND_SUBORDINATES} (本级及下级,
 * the default) or {@code SUBORDINATES} (下级 only):
 * <ul>
 * <li>{@code GET /api/reports/{agencyId}/{year}/rollup?scope=&format=}: the summed report of the year with the
 * agencies it sums, their totals, who has not published, who is not covered, and the checks of the sum;</li>
 * <li>{@code GET /api/reports/{agencyId}/{year}/rollup/export/{kind}}: the summed report in any export of a single
 * report (docx, xlsx, pdf, csv, json, html);</li>
 * <li>{@code GET /api/reports/{agencyId}/range/rollup?from=&to=&scope=&format=}: the same for any period;</li>
 * <li>{@code GET /api/reports/{agencyId}/trend/rollup?from=&to=&scope=}: the trend of the summed reports.</li>
 * </ul>
 */
@RestController
public class RollupController {
    private final Rollups rollups;
    private final ReportWorkbenchController exports;

    public RollupController(Rollups rollups, ReportWorkbenchController exports) {
        this.rollups = rollups;
        this.exports = exports;
    }

    @GetMapping("/api/reports/{agencyId}/{year}/rollup")
    public Rollups.RollupView year(@PathVariable String agencyId, @PathVariable int year,
                                   @RequestParam(required = false) String scope,
                                   @RequestParam(required = false) String format) {
        return rollups.year(agencyId, year, scope, format).view();
    }

    @GetMapping("/api/reports/{agencyId}/{year}/rollup/export/{kind}")
    public ResponseEntity<byte[]> export(@PathVariable String agencyId, @PathVariable int year,
                                         @PathVariable String kind, @RequestParam(required = false) String scope,
                                         @RequestParam(required = false) String format) {
        Rollups.Result rollup = rollups.year(agencyId, year, scope, format);
        String file = agencyId + "-" + year + "-" + (rollup.view().scope() == Rollups.Scope.SUBORDINATES ? "下级机关汇总"
                : "本级及下级机关汇总") + "-政府信息公开工作年度报告";
        return exports.render(rollup.report(), kind, file, null);
    }

    @GetMapping("/api/reports/{agencyId}/range/rollup")
    public Rollups.RollupView range(@PathVariable String agencyId,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @RequestParam(required = false) String scope,
                                    @RequestParam(required = false) String format) {
        return rollups.period(agencyId, YearEndRequests.period(from, to), scope, format);
    }

    @GetMapping("/api/reports/{agencyId}/trend/rollup")
    public Rollups.TrendView trend(@PathVariable String agencyId, @RequestParam int from, @RequestParam int to,
                                   @RequestParam(required = false) String scope) {
        return rollups.trend(agencyId, from, to, scope);
    }
}
