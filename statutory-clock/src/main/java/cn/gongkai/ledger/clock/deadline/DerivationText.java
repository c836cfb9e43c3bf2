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
        Regulation regulation = d.regulation();
        lines.add("收到申请：" + day(d.receivedOn()) + "，" + d.channel().label() + "，以" + receiptRule(d.channel())
                + "为收到申请之日" + (regulation == Regulation.ORDINANCE_2019 ? "（第三十一条）" : "") + "。");
        lines.add(regulationLine(regulation));
        if (receiptDay.working()) {
            lines.add("起算：收到申请当日不计入，自下一个工作日起计算。");
        } else if (d.deemedBy() != null) {
            lines.add("起算：收到申请之日为非工作日（" + dayReason(receiptDay.kind(), receiptDay.name()) + "）；依本机关规定（日历层“"
                    + d.deemedBy() + "”：" + d.channel().label() + "渠道在非工作日收到的申请视为下一个工作日收到），视为"
                    + day(receiptStart) + "收到，该日不计入，自其后的工作日起计算。");
        } else {
            lines.add("起算：收到申请之日为非工作日（" + dayReason(receiptDay.kind(), receiptDay.name())
                    + "），仍以该日为收到申请之日；当日不计入，自其后第一个工作日起计算。");
        }
        lines.add(correctionLine(correction, regulation, flags));
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
            lines.add("延长（" + regulation.replyArticle() + "）：" + day(extension.approvedOn())
                    + (present(extension.approver()) ? "经" + extension.approver().strip() : "") + "批准延长"
                    + extension.workingDays() + "个工作日" + (present(extension.reason()) ? "（" + extension.reason().strip() + "）" : "")
                    + "，在" + regulation.replyDays() + "个工作日之后累加，共" + d.limitDays() + "个工作日。");
        }
        lines.addAll(dayRuns(d.days(), regulation.replyDays()));
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

    private static String regulationLine(Regulation regulation) {
        return regulation == Regulation.ORDINANCE_2019
                ? "适用：" + regulation.citation() + "，自收到申请之日起" + regulation.replyDays() + "个工作日内答复；需要延长的，经批准可延长，延长的期限最长不得超过"
                        + regulation.maxExtensionDays() + "个工作日。"
                : "适用：" + day(Regulation.ORDINANCE_2019_IN_FORCE) + "前收到的申请，适用" + regulation.citation()
                        + "，自收到申请之日起" + regulation.replyDays() + "个工作日内答复；如需延长，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过"
                        + regulation.maxExtensionDays() + "个工作日。";
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank() && !text.strip().equals("null");
    }

    private static String correctionLine(CorrectionWindow c, Regulation regulation, List<ClockFlag> flags) {
        String line = regulation == Regulation.ORDINANCE_2019
                ? "补正：收到申请后第7个工作日为" + day(c.requestBy()) + "，如需补正应至迟于当日一次性书面告知"
                : "补正：" + regulation.decree() + "未规定告知补正的期限";
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
        String resume;
        if (p.kind() == PauseKind.FEE) {
            resume = p.provisional() ? "假定于缴费期限最后一日" + day(p.resumesOn()) + "缴费并恢复计算"
                    : day(p.resumesOn()) + "起恢复计算（" + p.cause().label() + "）";
        } else {
            resume = p.provisional()
                    ? "如未答复，停止至征求意见期限届满之日" + day(p.endedOn()) + "（含当日），" + day(p.resumesOn()) + "起恢复计算"
                    : "至" + day(p.endedOn()) + p.cause().label() + "（含当日），" + day(p.resumesOn()) + "起恢复计算";
        }
        String subject = present(p.subject()) ? "：" + p.subject().strip() : "";
        String stop = p.kind() == PauseKind.CONSULTATION
                ? day(p.startedOn()) + "发出征求意见（当日照常计算），次日起停止计算，"
                : day(p.startedOn()) + "起停止计算，";
        return (p.provisional() ? "（暂定）" : "") + "暂停（" + p.kind().label() + subject + "）："
                + stop + resume + "，期间" + p.workingDaysExcluded() + "个工作日不计入。";
    }

    private static String dayReason(DayKind kind, String name) {
        return kind == DayKind.HOLIDAY && present(name) ? name + "假期" : kind.label();
    }

    private static List<String> dayRuns(List<DayEntry> days, int replyDays) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && sameRun(days.get(i), days.get(j + 1), replyDays)) {
                j++;
            }
            lines.add(runLine(days.get(i), days.get(j), replyDays));
            i = j + 1;
        }
        return lines;
    }

    private static boolean sameRun(DayEntry a, DayEntry b, int replyDays) {
        return a.disposition() == b.disposition() && a.dayKind() == b.dayKind() && Objects.equals(a.holiday(), b.holiday())
                && a.pausedBy() == b.pausedBy() && extended(a, replyDays) == extended(b, replyDays);
    }

    private static boolean extended(DayEntry e, int replyDays) {
        return e.workingDay() != null && e.workingDay() > replyDays;
    }

    private static String runLine(DayEntry first, DayEntry last, int replyDays) {
        String range = first == last ? day(first.date()) : day(first.date()) + "至" + day(last.date());
        return range + "：" + switch (first.disposition()) {
            case NOT_WORKING -> dayReason(first.dayKind(), first.holiday()) + "，不计";
            case PAUSED -> first.pausedBy().label() + "暂停期间，不计";
            case COUNTED -> (first.dayKind() == DayKind.MAKEUP_WORKDAY
                    ? "调休工作日" + (present(first.holiday()) ? "（" + first.holiday() + "）" : "") + "，" : "")
                    + (extended(first, replyDays) ? "延长期限，" : "") + "计入第"
                    + (first == last ? first.workingDay() : first.workingDay() + "–" + last.workingDay()) + "个工作日";
        };
    }
}
