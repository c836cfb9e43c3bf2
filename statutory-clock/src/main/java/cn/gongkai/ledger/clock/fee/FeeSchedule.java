package cn.gongkai.ledger.clock.fee;

import java.math.BigDecimal;

/**
 * The two scales of the information-processing fee (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号).
 * Article 3 says both scales are computed "按照超额累进方式" (progressively, on the excess), so each
 * tier's rate applies only to the part that falls in that tier.
 *
 * <p><b>按件 (per request), article 4.</b> One applicant's requests in one calendar month, in the
 * order they were received: the 1st–10th are free; the 11th–30th cost 100 yuan each; from the 31st,
 * every further band of 10 costs 100 yuan more each: 31st–40th 200, 41st–50th 300, 51st–60th 400 …
 * ("31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件"). So the n-th request's charge
 * depends only on n, and a month of 35 requests costs 20×100 + 5×200 = 3,000 yuan.
 *
 * <p><b>按量 (per volume), article 5.</b> The pages of one request: up to 30 free; pages 31–100 at
 * 10 yuan; pages 101–200 at 20 yuan; pages above 200 at 40 yuan — marginal, so 101 pages cost
 * 70×10 + 1×20 = 720 yuan, not 101×20.
 */
public final class FeeSchedule {
    /** Requests of one applicant in one month that are free. */
    public static final int FREE_REQUESTS_PER_MONTH = 10;
    /** Pages of one request that are free. */
    public static final int FREE_PAGES = 30;

    private FeeSchedule() {
    }

    /** 按件: the charge in yuan for the {@code ordinal}-th request (1-based) of one applicant in one month. */
    public static BigDecimal perRequestCharge(int ordinal) {
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal is 1-based: " + ordinal);
        }
        if (ordinal <= FREE_REQUESTS_PER_MONTH) {
            return BigDecimal.ZERO;
        }
        if (ordinal <= 30) {
            return BigDecimal.valueOf(100);
        }
        return BigDecimal.valueOf(100L * (2 + (ordinal - 31) / 10));
    }

    /** 按量: the charge in yuan for one request of {@code pages} pages. */
    public static BigDecimal perVolumeCharge(int pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("pages must be >= 0: " + pages);
        }
        long yuan = 10L * pagesBetween(pages, 30, 100) + 20L * pagesBetween(pages, 100, 200)
                + 40L * Math.max(0, pages - 200);
        return BigDecimal.valueOf(yuan);
    }

    /** Pages of {@code pages} that fall in {@code (above, upTo]}. */
    private static int pagesBetween(int pages, int above, int upTo) {
        return Math.max(0, Math.min(pages, upTo) - above);
    }
}
