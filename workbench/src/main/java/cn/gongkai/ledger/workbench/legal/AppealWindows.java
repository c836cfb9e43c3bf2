package cn.gongkai.ledger.workbench.legal;

import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import java.time.LocalDate;

/**
 * The applicant's remedies against an agency's reply, and their time limits, in one place (the 答复书 states
 * them; the legal staff's page shows them as deadlines). Limits in natural days or months from the day the
 * applicant learns of the act, the day itself not counted; a limit whose last day is a day off (a weekend or a
 * statutory holiday, as the State Council's notices declare them: a 调休 working day is not one) ends on the first
 * working day after it ({@link #HOLIDAY_RULE}). A year the calendar has no notice for is left unshifted.
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

    private final WorkingDayCalendar calendar;

    public AppealWindows(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public LocalDate reconsiderationUntil(LocalDate replied) {
        return lastDay(replied.plusDays(RECONSIDERATION_DAYS));
    }

    public LocalDate lawsuitUntil(LocalDate replied) {
        return lastDay(replied.plusMonths(LAWSUIT_MONTHS));
    }

    public LocalDate lawsuitAfterReconsiderationUntil(LocalDate decided) {
        return lastDay(decided.plusDays(AFTER_RECONSIDERATION_DAYS));
    }

    public LocalDate appealUntil(LocalDate rendered) {
        return lastDay(rendered.plusDays(APPEAL_JUDGMENT_DAYS));
    }

    /** The period's last day when its plain end is {@code end}: the first working day on or after it. */
    LocalDate lastDay(LocalDate end) {
        LocalDate day = end;
        while (calendar.covers(day) && !calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
