package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.clock.fee.FeeSchedule;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary.Label;
import java.math.BigDecimal;

/**
 * What one request costs under one scale of 国办函〔2020〕109号: {@code GET /api/fees/quote}.
 *
 * @param pages             the pages of the request (按量), else {@code null}
 * @param nthRequestInMonth the request's place among the applicant's requests that month (按件), else {@code null}
 * @param basis             the scale, in Chinese
 */
public record FeeQuote(Label scale, Integer pages, Integer nthRequestInMonth, BigDecimal chargeYuan, String basis) {
    static final String PER_REQUEST_BASIS = "按件计收（国办函〔2020〕109号）：同一申请人一个自然月内的申请，第1至10件不收费；"
            + "第11至30件每件100元；自第31件起每10件为一档，每高一档每件加收100元。";
    static final String PER_VOLUME_BASIS = "按量计收（国办函〔2020〕109号）：同一申请的页数，30页以下（含）不收费；"
            + "第31至100页每页10元；第101至200页每页20元；200页以上的部分每页40元；超额累进计算。";

    static FeeQuote perRequest(int nthRequestInMonth) {
        return new FeeQuote(new Label(FeeScale.PER_REQUEST.name(), "按件计收"), null, nthRequestInMonth,
                FeeSchedule.perRequestCharge(nthRequestInMonth), PER_REQUEST_BASIS);
    }

    static FeeQuote perVolume(int pages) {
        return new FeeQuote(new Label(FeeScale.PER_VOLUME.name(), "按量计收"), pages, null,
                FeeSchedule.perVolumeCharge(pages), PER_VOLUME_BASIS);
    }
}
