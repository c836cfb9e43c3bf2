package cn.gongkai.ledger.workbench.legal;

import java.time.LocalDate;

/**
 * The applicant's remedies against an agency's reply, and their time limits, in one place (the 答复书 states
 * them; the legal staff's page shows them as deadlines). Limits in natural days or months from the day the
 * applicant learns of the act; a limit ending on a statutory holiday ends on the next working day (not applied
 * here: the dates shown are the plain ends, with that rule stated).
 */
public final class AppealWindows {
    /** 《行政复议法》（2023 年修订）第二十条: 知道或者应当知道之日起六十日内. */
    public static final int RECONSIDERATION_DAYS = 60;
    /** 《行政诉讼法》第四十六条: 知道或者应当知道作出行政行为之日起六个月内. */
    public static final int LAWSUIT_MONTHS = 6;
    /** 《行政诉讼法》第四十五条: 收到复议决定书之日起十五日内. */
    public static final int AFTER_RECONSIDERATION_DAYS = 15;
    /** 《行政诉讼法》第八十五条: 判决书送达之日起十五日内（裁定十日）. */
    public static final int APPEAL_JUDGMENT_DAYS = 15;

    public static final String REMEDY_TEXT = "申请人如对本答复不服，可以自收到本答复之日起" + RECONSIDERATION_DAYS
            + "日内依法向{{复议机关}}申请行政复议（《中华人民共和国行政复议法》第二十条），或者自收到本答复之日起"
            + LAWSUIT_MONTHS + "个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。";
    public static final String HOLIDAY_RULE = "期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期。";

    private AppealWindows() {
    }

    public static LocalDate reconsiderationUntil(LocalDate replied) {
        return replied.plusDays(RECONSIDERATION_DAYS);
    }

    public static LocalDate lawsuitUntil(LocalDate replied) {
        return replied.plusMonths(LAWSUIT_MONTHS);
    }

    public static LocalDate lawsuitAfterReconsiderationUntil(LocalDate decided) {
        return decided.plusDays(AFTER_RECONSIDERATION_DAYS);
    }

    public static LocalDate appealUntil(LocalDate rendered) {
        return rendered.plusDays(APPEAL_JUDGMENT_DAYS);
    }
}
