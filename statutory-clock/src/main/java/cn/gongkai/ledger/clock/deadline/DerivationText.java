package cn.gongkai.ledger.clock.deadline;

import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.FeeScale;
import cn.gongkai.ledger.clock.calendar.CalendarDay;
import cn.gongkai.ledger.clock.calendar.DayKind;
import cn.gongkai.ledger.clock.deadline.Derivation.DayEntry;
import cn.gongkai.ledger.clock.deadline.Derivation.Extension;
import cn.gongkai.ledger.clock.deadline.Derivation.Pause;
import cn.gongkai.ledger.clock.deadline.Derivation.Restart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Writes a {@link Derivation} as Chinese lines, one step a line; runs of like days share a line. */
final class DerivationText {
    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private DerivationText() {
    }

    /** {@code 2024-02-18（星期日）} */
    static String day(LocalDate date) {
        return date + "（" + WEEKDAYS[date.getDayOfWeek().getValue() - 1] + "）";
    }

    static String fee(FeeScale scale, BigDecimal amountYuan) {
        String label = scale == FeeScale.PER_VOLUME ? "按量计收" : "按件计收";
        return amountYuan == null ? label : amountYuan.toPlainString() + "元，" + label;
    }

    static List<String> lines(Derivation d, LocalDate receiptStart, CalendarDay receiptDay, CorrectionWindow correction,
                              List<ClockFlag> flags, boolean awaitingCorrection, LocalDate dueOn, boolean provisional) {
        List<String> lines = new ArrayList<>();
        lines.add("收到申请：" + day(d.receivedOn()) + "，" + d.channel().label() + "，以" + receiptRule(d.channel())
                + "为收到申请之日（第三十一条）。");
        lines.add(receiptDay.working()
                ? "起算：收到申请当日不计入，自下一个工作日起计算。"
                : "起算：收到申请之日为非工作日（" + dayReason(receiptDay.kind(), receiptDay.name()) + "），顺延至下一个工作日"
                        + day(receiptStart) + "起算，该日不计入。");
        lines.add(correctionLine(correction, flags));
        for (Restart restart : d.restarts()) {
            lines.add(restart.provisional()
                    ? "（暂定）尚未收到补正：假定于补正期限" + day(restart.suppliedOn()) + "补正，自"
                            + day(restart.startDate()) + "起重新计算，该日不计入。"
                    : "补正后重新起算（第三十条）：" + day(restart.suppliedOn()) + "收到补正后的申请，此前的计算不再有效，自"
                            + day(restart.startDate()) + "起重新计算，该日不计入。");
        }
        if (awaitingCorrection && d.startDate() == null) {
            lines.add("未收到补正：答复期限未重新起算（收到补正后的申请之日起重新计算）。");
        }
        for (Pause pause : d.pauses()) {
            lines.add(pauseLine(pause));
        }
        Extension extension = d.extension();
        if (extension != null) {
            lines.add("延长（第三十三条）：" + day(extension.approvedOn()) + "经" + extension.approver() + "批准延长"
                    + extension.workingDays() + "个工作日（" + extension.reason() + "），在20个工作日之后累加，共"
                    + d.limitDays() + "个工作日。");
        }
        lines.addAll(dayRuns(d.days()));
        if (dueOn != null) {
            lines.add((provisional ? "（暂定）" : "") + "答复期限：" + day(dueOn) + "，第" + d.limitDays()
                    + "个工作日，至当日结束届满。");
        }
        return lines;
    }

    private static String receiptRule(Channel channel) {
        return switch (channel) {
            case IN_PERSON -> "当面提交之日";
            case SIGNED_MAIL -> "行政机关签收之日";
            case ORDINARY_LETTER -> "行政机关与申请人确认之日";
            case INTERNET, FAX, EMAIL -> "双方确认之日";
        };
    }

    private static String correctionLine(CorrectionWindow c, List<ClockFlag> flags) {
        String line = "补正：起算后第7个工作日为" + day(c.requestBy()) + "，如需补正应至迟于当日一次性书面告知";
        if (c.requestedOn() == null) {
            return line + "；未要求补正。";
        }
        line += "；" + day(c.requestedOn()) + "要求补正" + (c.supplyBy() == null ? "" : "，补正期限" + day(c.supplyBy()));
        if (flags.contains(ClockFlag.CORRECTION_REQUESTED_LATE)) {
            line += "（" + ClockFlag.CORRECTION_REQUESTED_LATE.label() + "）";
        }
        return line + "。";
    }

    private static String pauseLine(Pause p) {
        String resume = p.provisional()
                ? (p.kind() == PauseKind.FEE ? "假定于缴费期限最后一日" + day(p.resumesOn()) + "缴费并恢复计算"
                        : "如未答复，于" + day(p.resumesOn()) + "起恢复计算（征求意见期限届满次日）")
                : day(p.resumesOn()) + "起恢复计算（" + p.cause().label() + "）";
        return (p.provisional() ? "（暂定）" : "") + "暂停（" + p.kind().label() + "：" + p.subject() + "）："
                + day(p.stoppedOn()) + "起停止计算，" + resume + "，期间" + p.workingDaysExcluded() + "个工作日不计入。";
    }

    private static String dayReason(DayKind kind, String name) {
        return kind == DayKind.HOLIDAY ? name + "假期" : kind.label();
    }

    private static List<String> dayRuns(List<DayEntry> days) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && sameRun(days.get(i), days.get(j + 1))) {
                j++;
            }
            lines.add(runLine(days.get(i), days.get(j)));
            i = j + 1;
        }
        return lines;
    }

    private static boolean sameRun(DayEntry a, DayEntry b) {
        return a.disposition() == b.disposition() && a.dayKind() == b.dayKind() && Objects.equals(a.holiday(), b.holiday())
                && a.pausedBy() == b.pausedBy() && extended(a) == extended(b);
    }

    private static boolean extended(DayEntry e) {
        return e.workingDay() != null && e.workingDay() > RequestClock.REPLY_LIMIT_DAYS;
    }

    private static String runLine(DayEntry first, DayEntry last) {
        String range = first == last ? day(first.date()) : day(first.date()) + "至" + day(last.date());
        return range + "：" + switch (first.disposition()) {
            case NOT_WORKING -> dayReason(first.dayKind(), first.holiday()) + "，不计";
            case PAUSED -> first.pausedBy().label() + "暂停期间，不计";
            case COUNTED -> (first.dayKind() == DayKind.MAKEUP_WORKDAY ? "调休工作日（" + first.holiday() + "），" : "")
                    + (extended(first) ? "延长期限，" : "") + "计入第"
                    + (first == last ? first.workingDay() : first.workingDay() + "–" + last.workingDay()) + "个工作日";
        };
    }
}
