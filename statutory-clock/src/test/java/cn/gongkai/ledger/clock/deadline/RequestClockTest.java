package cn.gongkai.ledger.clock.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.clock.calendar.DayKind;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.clock.deadline.Derivation.DayEntry;
import cn.gongkai.ledger.clock.deadline.Derivation.Pause;
import cn.gongkai.ledger.clock.deadline.Derivation.Restart;
import cn.gongkai.ledger.clock.testing.RequestHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected dates here are counted by hand on the calendar (see hand-computed-due-dates.csv for the notation). */
class RequestClockTest {
    private final RequestClock clock = new RequestClock(WorkingDayCalendar.national());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private ClockReading read(RequestHistory history) {
        return clock.read(history.events());
    }

    private static DayEntry day(ClockReading reading, String iso) {
        return reading.derivation().days().stream().filter(e -> e.date().equals(d(iso))).findFirst().orElseThrow();
    }

    /** S=03-04; 03-05..08 (1-4); 03-11, 03-12 (5-6); consultation 03-13, answered 03-18; due Sunday 04-07 (调休). */
    private static RequestHistory consultationExample() {
        return RequestHistory.received("c-1", d("2024-03-04")).consultation(d("2024-03-13")).answered(d("2024-03-18"));
    }

    @Nested
    class Derivations {
        @Test
        void recordsEveryDayWithWhyItCountedOrNot() {
            ClockReading reading = read(consultationExample());

            assertThat(reading.dueOn()).isEqualTo(d("2024-04-07"));
            Derivation derivation = reading.derivation();
            assertThat(derivation.startDate()).isEqualTo(d("2024-03-04"));
            assertThat(derivation.limitDays()).isEqualTo(20);
            assertThat(derivation.days()).first().isEqualTo(
                    new DayEntry(d("2024-03-05"), DayKind.WORKDAY, null, Disposition.COUNTED, 1, null));
            assertThat(day(reading, "2024-03-09")).isEqualTo(
                    new DayEntry(d("2024-03-09"), DayKind.WEEKEND, null, Disposition.NOT_WORKING, null, null));
            assertThat(day(reading, "2024-03-13")).isEqualTo(
                    new DayEntry(d("2024-03-13"), DayKind.WORKDAY, null, Disposition.COUNTED, 7, null));
            assertThat(day(reading, "2024-03-18")).isEqualTo(
                    new DayEntry(d("2024-03-18"), DayKind.WORKDAY, null, Disposition.PAUSED, null, PauseKind.CONSULTATION));
            assertThat(day(reading, "2024-03-19").workingDay()).isEqualTo(8);
            assertThat(day(reading, "2024-04-05")).isEqualTo(
                    new DayEntry(d("2024-04-05"), DayKind.HOLIDAY, "清明节", Disposition.NOT_WORKING, null, null));
            assertThat(derivation.days()).last().isEqualTo(
                    new DayEntry(d("2024-04-07"), DayKind.MAKEUP_WORKDAY, "清明节", Disposition.COUNTED, 20, null));
            // the sending day 03-13 counts (day 7); 03-14, 03-15 and the answer day 03-18 do not
            assertThat(derivation.pauses()).containsExactly(new Pause(PauseKind.CONSULTATION, "某公司", d("2024-03-13"),
                    d("2024-03-18"), d("2024-03-14"), d("2024-03-19"), ResumeCause.ANSWERED, false, 3));
        }

        @Test
        void explainsTheCountInChineseLines() {
            List<String> lines = read(consultationExample()).derivation().lines();

            assertThat(lines).contains(
                    "收到申请：2024-03-04（星期一），互联网平台，以双方确认之日为收到申请之日（第三十一条）。",
                    "适用：《政府信息公开条例》（国务院令第711号）第三十三条，自收到申请之日起20个工作日内答复；需要延长的，经批准可延长，延长的期限最长不得超过20个工作日。",
                    "起算：收到申请当日不计入，自下一个工作日起计算。",
                    "暂停（征求意见：某公司）：2024-03-13（星期三）发出征求意见（当日照常计算），次日起停止计算，至2024-03-18（星期一）收到答复（含当日），2024-03-19（星期二）起恢复计算，期间3个工作日不计入。",
                    "2024-03-05（星期二）至2024-03-08（星期五）：计入第1–4个工作日",
                    "2024-03-11（星期一）至2024-03-13（星期三）：计入第5–7个工作日",
                    "2024-03-14（星期四）至2024-03-15（星期五）：征求意见暂停期间，不计",
                    "2024-03-18（星期一）：征求意见暂停期间，不计",
                    "2024-04-04（星期四）至2024-04-06（星期六）：清明节假期，不计",
                    "2024-04-07（星期日）：调休工作日（清明节），计入第20个工作日");
            assertThat(lines).last().isEqualTo("答复期限：2024-04-07（星期日），第20个工作日，至当日结束届满。");
        }

        @Test
        void aRequestReceivedOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
            // received Monday 2024-02-12 (春节): S = 02-12 itself; 02-13..17 H; day 1 = Sunday 02-18 (调休); 02-19..23 (2-6);
            // 02-26..03-01 (7-11); 03-04..08 (12-16); 03-11..14 (17-20): due 03-14 (the earlier count moved S to 02-18
            // and skipped it too: 03-15)
            ClockReading reading = read(RequestHistory.received("h-1", d("2024-02-12")));

            assertThat(reading.derivation().startDate()).isEqualTo(d("2024-02-12"));
            assertThat(reading.derivation().deemedBy()).isNull();
            assertThat(reading.derivation().days()).filteredOn(e -> e.disposition() == Disposition.COUNTED).first()
                    .extracting(DayEntry::date).isEqualTo(d("2024-02-18"));
            assertThat(reading.dueOn()).isEqualTo(d("2024-03-14"));
            assertThat(reading.derivation().lines()).contains(
                    "起算：收到申请之日为非工作日（春节假期），仍以该日为收到申请之日；当日不计入，自其后第一个工作日起计算。");
        }

        @Test
        void anAgencyRuleMayDeemANonWorkingDayArrivalReceivedOnTheNextWorkingDay() {
            // received Saturday 2024-03-16 online; the agency's layer deems INTERNET arrivals on a non-working day received
            // on the next working day: S = Monday 03-18 (not counted); 03-19..22 (1-4); 03-25..29 (5-9); 04-01..03 (10-12);
            // 04-07 Sun M (13); 04-08..12 (14-18); 04-15, 04-16 (19-20). By signed mail the same day: the default, 04-15.
            WorkingDayCalendar deeming = WorkingDayCalendar.national()
                    .overlay("online-bureau", List.of(), Set.of(Channel.INTERNET));
            RequestClock agencyClock = new RequestClock(deeming);

            ClockReading online = agencyClock.read(RequestHistory.received("o-1", d("2024-03-16")).events());
            ClockReading mail = agencyClock.read(RequestHistory.received("o-2", d("2024-03-16"), Channel.SIGNED_MAIL).events());
            ClockReading onAWorkingDay = agencyClock.read(RequestHistory.received("o-3", d("2024-03-18")).events());

            assertThat(online.dueOn()).isEqualTo(d("2024-04-16"));
            assertThat(online.derivation().startDate()).isEqualTo(d("2024-03-18"));
            assertThat(online.derivation().deemedBy()).isEqualTo("online-bureau");
            assertThat(online.derivation().lines()).contains("起算：收到申请之日为非工作日（周末）；依本机关规定（日历层“online-bureau”："
                    + "互联网平台渠道在非工作日收到的申请视为下一个工作日收到），视为2024-03-18（星期一）收到，该日不计入，自其后的工作日起计算。");
            assertThat(mail.dueOn()).isEqualTo(d("2024-04-15"));
            assertThat(mail.derivation().deemedBy()).isNull();
            assertThat(onAWorkingDay.derivation().deemedBy()).isNull();
            assertThat(deeming.version()).isNotEqualTo(WorkingDayCalendar.national().overlay("online-bureau", List.of()).version());
        }

        @Test
        void anExtensionIsAddedAfterTheTwentyDaysAndNamedInTheDerivation() {
            // S=03-04, base due 04-01 (day 20), extension 5: 04-02, 04-03 (21-22), 04-07 M (23), 04-08, 04-09 (24-25)
            ClockReading reading = read(RequestHistory.received("e-1", d("2024-03-04")).extension(d("2024-03-25"), 5));

            assertThat(reading.dueOn()).isEqualTo(d("2024-04-09"));
            assertThat(reading.status()).isEqualTo(RequestStatus.EXTENDED);
            assertThat(reading.derivation().extension())
                    .isEqualTo(new Derivation.Extension(d("2024-03-25"), 5, "办公室主任", "需调取档案"));
            assertThat(reading.derivation().limitDays()).isEqualTo(25);
            assertThat(reading.derivation().lines()).contains(
                    "延长（第三十三条）：2024-03-25（星期一）经办公室主任批准延长5个工作日（需调取档案），在20个工作日之后累加，共25个工作日。",
                    "2024-04-01（星期一）：计入第20个工作日",
                    "2024-04-02（星期二）至2024-04-03（星期三）：延长期限，计入第21–22个工作日",
                    "2024-04-07（星期日）：调休工作日（清明节），延长期限，计入第23个工作日");
        }

        @Test
        void aCorrectionRestartsTheCountFromTheCorrectedRequest() {
            // received 03-04, correction asked 03-06, supplied Thursday 03-14: S = 03-14; 03-15 (1); 03-18..22 (2-6);
            // 03-25..29 (7-11); 04-01..03 (12-14); 04-07 M (15); 04-08..12 (16-20)
            ClockReading reading = read(RequestHistory.received("r-1", d("2024-03-04"))
                    .correctionRequested(d("2024-03-06"), d("2024-03-20")).correctionSupplied(d("2024-03-14")));

            assertThat(reading.dueOn()).isEqualTo(d("2024-04-12"));
            assertThat(reading.status()).isEqualTo(RequestStatus.REGISTERED);
            assertThat(reading.derivation().restarts()).containsExactly(new Restart(d("2024-03-14"), d("2024-03-14"), false));
            assertThat(reading.derivation().startDate()).isEqualTo(d("2024-03-14"));
            assertThat(reading.correction()).isEqualTo(
                    new CorrectionWindow(d("2024-03-13"), d("2024-03-06"), d("2024-03-20"), d("2024-03-14")));
            assertThat(reading.derivation().lines()).contains(
                    "补正：收到申请后第7个工作日为2024-03-13（星期三），如需补正应至迟于当日一次性书面告知；2024-03-06（星期三）要求补正，补正期限2024-03-20（星期三）。",
                    "补正后重新起算（第三十条）：2024-03-14（星期四）收到补正后的申请，此前的计算不再有效，自2024-03-14（星期四）起重新计算，该日不计入。");
        }
    }

    @Nested
    class CorrectionStep {
        @Test
        void theAgencyMayAskForACorrectionUntilTheSeventhWorkingDay() {
            // S=03-04: 03-05..08 (1-4), 03-11..13 (5-7)
            ClockReading onTime = read(RequestHistory.received("k-1", d("2024-03-04"))
                    .correctionRequested(d("2024-03-13"), d("2024-03-22")));
            ClockReading late = read(RequestHistory.received("k-2", d("2024-03-04"))
                    .correctionRequested(d("2024-03-14"), d("2024-03-22")));

            assertThat(onTime.correction().requestBy()).isEqualTo(d("2024-03-13"));
            assertThat(onTime.flags()).doesNotContain(ClockFlag.CORRECTION_REQUESTED_LATE);
            assertThat(late.flags()).contains(ClockFlag.CORRECTION_REQUESTED_LATE);
            assertThat(late.derivation().lines()).anyMatch(l -> l.contains("（要求补正晚于收到申请之日起7个工作日）"));
        }

        @Test
        void whileAwaitingTheCorrectionTheDueDateIsProvisionalAndTheLapseIsProposedNotApplied() {
            // asked 03-06, supply by Friday 03-15; if supplied that day: 03-18..22 (1-5), 03-25..29 (6-10),
            // 04-01..03 (11-13), 04-07 M (14), 04-08..12 (15-19), 04-15 (20)
            ClockReading reading = read(RequestHistory.received("w-1", d("2024-03-04"))
                    .correctionRequested(d("2024-03-06"), d("2024-03-15")));

            assertThat(reading.status()).isEqualTo(RequestStatus.AWAITING_CORRECTION);
            assertThat(reading.provisional()).isTrue();
            assertThat(reading.dueOn()).isEqualTo(d("2024-04-15"));
            assertThat(reading.derivation().restarts()).containsExactly(new Restart(d("2024-03-15"), d("2024-03-15"), true));
            assertThat(reading.proposals()).singleElement().satisfies(p -> {
                assertThat(p.outcome()).isEqualTo(Outcome.OTHER_CORRECTION_NOT_SUPPLIED);
                assertThat(p.proposedFrom()).isEqualTo(d("2024-03-18"));
                assertThat(p.reason()).contains("2024-03-15", "三.六.1", "不自动办结");
            });

            Standing before = clock.standing(reading, d("2024-03-15"));
            Standing after = clock.standing(reading, d("2024-03-18"));
            assertThat(before.proposals()).isEmpty();
            assertThat(after.proposals()).extracting(Proposal::outcome).containsExactly(Outcome.OTHER_CORRECTION_NOT_SUPPLIED);
            assertThat(after.running()).isFalse();
            assertThat(after.daysLeft()).isEqualTo(20);
            assertThat(after.status()).isEqualTo(RequestStatus.AWAITING_CORRECTION);
        }

        @Test
        void withoutASupplyByDateThereIsNoDueDateUntilTheCorrectionArrives() {
            ClockReading reading = read(RequestHistory.received("w-2", d("2024-03-04")).correctionRequested(d("2024-03-06"), null));

            assertThat(reading.dueOn()).isNull();
            assertThat(reading.derivation().startDate()).isNull();
            assertThat(reading.derivation().days()).isEmpty();
            assertThat(reading.proposals()).isEmpty();
            assertThat(reading.derivation().lines()).contains("未收到补正：答复期限未重新起算（收到补正后的申请之日起重新计算）。");
            assertThat(clock.standing(reading, d("2024-06-01")).daysLeft()).isEqualTo(20);
        }

        @Test
        void closingForAMissingCorrectionEndsTheRequestWithoutADueDate() {
            ClockReading reading = read(RequestHistory.received("w-3", d("2024-03-04"))
                    .correctionRequested(d("2024-03-06"), d("2024-03-15")).closedForMissingCorrection(d("2024-03-19")));

            assertThat(reading.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(reading.dueOn()).isNull();
            assertThat(reading.provisional()).isFalse();
            assertThat(reading.proposals()).isEmpty();
            assertThat(reading.concludedOn()).isEqualTo(d("2024-03-19"));
        }

        @Test
        void aRepeatedCorrectionRequestIsFlagged() {
            ClockReading reading = read(RequestHistory.received("w-4", d("2024-03-04"))
                    .correctionRequested(d("2024-03-06"), d("2024-03-15")).correctionSupplied(d("2024-03-08"))
                    .correctionRequested(d("2024-03-12"), d("2024-03-19")));

            assertThat(reading.flags()).contains(ClockFlag.REPEATED_CORRECTION_REQUEST);
            assertThat(reading.status()).isEqualTo(RequestStatus.AWAITING_CORRECTION);
            assertThat(reading.derivation().restarts()).extracting(Restart::provisional).containsExactly(false, true);
        }

        @Test
        void aCorrectedRequestNeverCountsFromBeforeTheReceiptDate() {
            // supplied 03-13, but the receipt date was later corrected to Thursday 03-14: S = 03-14; 03-15 (1);
            // 03-18..22 (2-6); 03-25..29 (7-11); 04-01..03 (12-14); 04-07 M (15); 04-08..12 (16-20)
            ClockReading reading = read(RequestHistory.received("w-5", d("2024-03-11"))
                    .correctionRequested(d("2024-03-12"), d("2024-03-20")).correctionSupplied(d("2024-03-13"))
                    .receiptCorrected(d("2024-03-11"), d("2024-03-14")));

            assertThat(reading.receivedOn()).isEqualTo(d("2024-03-14"));
            assertThat(reading.derivation().startDate()).isEqualTo(d("2024-03-14"));
            assertThat(reading.dueOn()).isEqualTo(d("2024-04-12"));
        }
    }

    @Nested
    class Transition2019 {
        @Test
        void aRequestReceivedOn20190514HasTheOldFifteenWorkingDays() {
            // 国务院令第492号 第二十四条: S=05-14; 05-15..17 (1-3); 05-20..24 (4-8); 05-27..31 (9-13); 06-03, 06-04 (14-15)
            ClockReading reading = read(RequestHistory.received("t-1", d("2019-05-14")));

            assertThat(reading.dueOn()).isEqualTo(d("2019-06-04"));
            assertThat(reading.derivation().regulation()).isEqualTo(Regulation.ORDINANCE_2008);
            assertThat(reading.derivation().limitDays()).isEqualTo(15);
            assertThat(reading.derivation().lines()).contains(
                    "收到申请：2019-05-14（星期二），互联网平台，以双方确认之日为收到申请之日。",
                    "适用：2019-05-15（星期三）前收到的申请，适用《政府信息公开条例》（国务院令第492号）第二十四条，自收到申请之日起15个工作日内答复；"
                            + "如需延长，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过15个工作日。",
                    "补正：国务院令第492号未规定告知补正的期限；未要求补正。",
                    "2019-06-03（星期一）至2019-06-04（星期二）：计入第14–15个工作日");
            assertThat(reading.derivation().lines()).last().isEqualTo("答复期限：2019-06-04（星期二），第15个工作日，至当日结束届满。");
            assertThat(reading.derivation().lines()).noneMatch(l -> l.contains("国务院令第711号") || l.contains("第三十一条"));
        }

        @Test
        void aRequestReceivedOn20190515HasTheNewTwentyWorkingDays() {
            // 国务院令第711号 第三十三条: S=05-15; 05-16, 05-17 (1-2); 05-20..24 (3-7); 05-27..31 (8-12); 06-03..06 (13-16);
            // 06-07 H (端午节); 06-10..13 (17-20)
            ClockReading reading = read(RequestHistory.received("t-2", d("2019-05-15")));

            assertThat(reading.dueOn()).isEqualTo(d("2019-06-13"));
            assertThat(reading.derivation().regulation()).isEqualTo(Regulation.ORDINANCE_2019);
            assertThat(reading.derivation().limitDays()).isEqualTo(20);
            assertThat(reading.derivation().lines()).anyMatch(l -> l.startsWith("适用：《政府信息公开条例》（国务院令第711号）第三十三条"));
        }

        @Test
        void anOldRuleExtensionIsAtMostFifteenDaysAndCitesTheOldArticle() {
            // S=04-10; base 15: 04-11, 04-12 (1-2); 04-15..19 (3-7); 04-22..26 (8-12); 04-28 Sun M (13); 04-29, 04-30 (14-15);
            // 05-01..04 H; extension 15: 05-05 Sun M (16); 05-06..10 (17-21); 05-13..17 (22-26); 05-20..23 (27-30)
            ClockReading fifteen = read(RequestHistory.received("t-3", d("2019-04-10")).extension(d("2019-04-25"), 15));
            ClockReading twenty = read(RequestHistory.received("t-4", d("2019-04-10")).extension(d("2019-04-25"), 20));

            assertThat(fifteen.dueOn()).isEqualTo(d("2019-05-23"));
            assertThat(fifteen.flags()).isEmpty();
            assertThat(fifteen.derivation().lines()).contains(
                    "延长（第二十四条）：2019-04-25（星期四）经办公室主任批准延长15个工作日（需调取档案），在15个工作日之后累加，共30个工作日。");
            assertThat(twenty.dueOn()).isEqualTo(d("2019-05-23"));
            assertThat(twenty.derivation().limitDays()).isEqualTo(30);
            assertThat(twenty.flags()).containsExactly(ClockFlag.EXTENSION_OUT_OF_RANGE);
            assertThat(Regulation.governing(d("2019-05-14")).allowsExtension(16)).isFalse();
            assertThat(Regulation.governing(d("2019-05-15")).allowsExtension(20)).isTrue();
            assertThat(Regulation.longestLimitDays()).isEqualTo(40);
        }
    }

    @Nested
    class Texts {
        @Test
        void anExtensionWithoutReasonOrApproverPrintsNoNull() {
            ClockReading reading = read(RequestHistory.received("n-1", d("2024-03-04")).extension(d("2024-03-25"), 5, null, null));
            ClockReading blank = read(RequestHistory.received("n-2", d("2024-03-04")).extension(d("2024-03-25"), 5, "主任", " "));

            assertThat(reading.derivation().lines()).contains(
                    "延长（第三十三条）：2024-03-25（星期一）批准延长5个工作日，在20个工作日之后累加，共25个工作日。");
            assertThat(blank.derivation().lines()).contains(
                    "延长（第三十三条）：2024-03-25（星期一）经主任批准延长5个工作日，在20个工作日之后累加，共25个工作日。");
            assertThat(reading.derivation().lines()).noneMatch(l -> l.contains("null"));
        }

        @Test
        void noDerivationLineEverSaysNull() {
            RequestHistory h = RequestHistory.received("n-3", d("2020-01-19")).extension(d("2020-02-04"), 3, null, null);
            ClockReading reading = read(h);

            assertThat(reading.derivation().lines()).noneMatch(l -> l.contains("null"));
            // Monday 2020-02-03 is counted as a plain working day, not as a 调休 day
            assertThat(reading.derivation().lines()).contains("2020-02-03（星期一）至2020-02-07（星期五）：计入第5–9个工作日");
        }
    }

    @Nested
    class Pauses {
        @Test
        void anOpenConsultationPausesUntilTheFifteenthWorkingDayAtTheLatest() {
            // sent 03-13 (day 7 of the count: 03-05..08, 03-11..13): window 03-14, 03-15 (1-2), 03-18..22 (3-7),
            // 03-25..29 (8-12), 04-01..03 (13-15): answer due 04-03; excluded 03-14..04-03 = 15 working days; the clock
            // would resume 04-04 (清明节): 04-07 M (8), 04-08..12 (9-13), 04-15..19 (14-18), 04-22, 04-23 (19-20)
            ClockReading reading = read(RequestHistory.received("p-1", d("2024-03-04")).consultation(d("2024-03-13")));

            assertThat(reading.status()).isEqualTo(RequestStatus.CONSULTING);
            assertThat(reading.consultations()).containsExactly(
                    new ConsultationWindow("某公司", d("2024-03-13"), d("2024-04-03"), null, null));
            assertThat(reading.provisional()).isTrue();
            assertThat(reading.dueOn()).isEqualTo(d("2024-04-23"));
            assertThat(reading.derivation().pauses()).singleElement()
                    .isEqualTo(new Pause(PauseKind.CONSULTATION, "某公司", d("2024-03-13"), d("2024-04-03"),
                            d("2024-03-14"), d("2024-04-04"), ResumeCause.EXPIRED, true, 15));
            assertThat(reading.derivation().lines()).anyMatch(l -> l.startsWith("（暂定）暂停（征求意见：某公司）")
                    && l.contains("如未答复，停止至征求意见期限届满之日2024-04-03（星期三）（含当日），2024-04-04（星期四）起恢复计算"));
            assertThat(reading.derivation().lines()).last().asString().startsWith("（暂定）答复期限：2024-04-23");

            Standing paused = clock.standing(reading, d("2024-03-20"));
            assertThat(paused.running()).isFalse();
            assertThat(paused.daysLeft()).isEqualTo(13);
            // after the window the clock runs again by law, although no expiry is recorded: 04-07, 04-08 counted
            Standing lapsed = clock.standing(reading, d("2024-04-08"));
            assertThat(lapsed.running()).isTrue();
            assertThat(lapsed.status()).isEqualTo(RequestStatus.CONSULTING);
            assertThat(lapsed.daysLeft()).isEqualTo(11);
        }

        @Test
        void aLateAnswerDoesNotExtendThePauseBeyondTheWindow() {
            ClockReading reading = read(RequestHistory.received("p-2", d("2024-03-04"))
                    .consultation(d("2024-03-13")).answered(d("2024-04-10")));

            assertThat(reading.provisional()).isFalse();
            assertThat(reading.dueOn()).isEqualTo(d("2024-04-23"));
            assertThat(reading.derivation().pauses()).singleElement().extracting(Pause::endedOn, Pause::resumesOn, Pause::cause)
                    .containsExactly(d("2024-04-03"), d("2024-04-04"), ResumeCause.EXPIRED);
        }

        @Test
        void aReplyDuringAConsultationEndsThePause() {
            ClockReading reading = read(RequestHistory.received("p-3", d("2024-03-04"))
                    .consultation(d("2024-03-13")).replied(d("2024-03-20")));

            assertThat(reading.status()).isEqualTo(RequestStatus.REPLIED);
            assertThat(reading.provisional()).isFalse();
            assertThat(reading.derivation().pauses()).singleElement().extracting(Pause::endedOn, Pause::resumesOn, Pause::cause)
                    .containsExactly(d("2024-03-20"), d("2024-03-21"), ResumeCause.CONCLUDED);
        }

        @Test
        void anUnpaidFeeKeepsTheClockStoppedAndItsLapseIsProposed() {
            // S=03-04; 03-05..08 (1-4); notified 03-11; pay by: 03-12..15 (1-4), 03-18..22 (5-9), 03-25..29 (10-14),
            // 04-01..03 (15-17), 04-07 M (18), 04-08, 04-09 (19-20) -> 04-09; if paid then: 04-09 (5), 04-10..12 (6-8),
            // 04-15..19 (9-13), 04-22..26 (14-18), 04-28 Sun M (19), 04-29 (20)
            ClockReading reading = read(RequestHistory.received("f-1", d("2024-03-04")).fee(d("2024-03-11")));

            assertThat(reading.status()).isEqualTo(RequestStatus.AWAITING_FEE);
            assertThat(reading.fees()).singleElement().satisfies(f -> {
                assertThat(f.payBy()).isEqualTo(d("2024-04-09"));
                assertThat(f.paidOn()).isNull();
            });
            assertThat(reading.provisional()).isTrue();
            assertThat(reading.dueOn()).isEqualTo(d("2024-04-29"));
            assertThat(reading.proposals()).singleElement().satisfies(p -> {
                assertThat(p.outcome()).isEqualTo(Outcome.OTHER_FEE_NOT_PAID);
                assertThat(p.proposedFrom()).isEqualTo(d("2024-04-10"));
                assertThat(p.reason()).contains("2024-04-09", "三.六.2");
            });
            Standing afterLapse = clock.standing(reading, d("2024-05-06"));
            assertThat(afterLapse.running()).isFalse();
            assertThat(afterLapse.daysLeft()).isEqualTo(16);
            assertThat(afterLapse.proposals()).extracting(Proposal::outcome).containsExactly(Outcome.OTHER_FEE_NOT_PAID);
            assertThat(reading.derivation().lines()).anyMatch(l -> l.startsWith("（暂定）暂停（收费：720元，按量计收）")
                    && l.contains("假定于缴费期限最后一日2024-04-09（星期二）缴费并恢复计算"));
        }

        @Test
        void closingForAnUnpaidFeeConcludesTheRequest() {
            ClockReading reading = read(RequestHistory.received("f-2", d("2024-03-04")).fee(d("2024-03-11"))
                    .closedForUnpaidFee(d("2024-04-10")));

            assertThat(reading.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(reading.proposals()).isEmpty();
            assertThat(reading.provisional()).isFalse();
            assertThat(reading.derivation().pauses()).singleElement().extracting(Pause::resumesOn, Pause::cause)
                    .containsExactly(d("2024-04-10"), ResumeCause.CONCLUDED);
        }
    }

    @Nested
    class Standings {
        // received Saturday 2024-03-09: day 1 Monday 03-11, due Monday 04-08
        private final ClockReading reading = read(RequestHistory.received("s-1", d("2024-03-09")));

        @Test
        void countsWorkingDaysLeftAndOverdue() {
            assertThat(clock.standing(reading, d("2024-03-09")).daysLeft()).isEqualTo(20);
            assertThat(clock.standing(reading, d("2024-03-10")).daysLeft()).isEqualTo(20);
            assertThat(clock.standing(reading, d("2024-03-11")).daysLeft()).isEqualTo(19);
            assertThat(clock.standing(reading, d("2024-03-12")).daysLeft()).isEqualTo(18);
            Standing dueToday = clock.standing(reading, d("2024-04-08"));
            assertThat(dueToday.daysLeft()).isZero();
            assertThat(dueToday.daysOverdue()).isZero();
            assertThat(dueToday.running()).isTrue();
            assertThat(clock.standing(reading, d("2024-04-09")).daysOverdue()).isEqualTo(1);
            Standing weekend = clock.standing(reading, d("2024-04-13"));
            assertThat(weekend.daysOverdue()).isEqualTo(4);
            assertThat(weekend.balance()).isEqualTo(-4);
        }

        @Test
        void aConcludedRequestIsMeasuredUpToItsConclusion() {
            ClockReading late = read(RequestHistory.received("s-2", d("2024-03-09")).replied(d("2024-04-11")));

            assertThat(late.flags()).contains(ClockFlag.CONCLUDED_AFTER_DUE);
            Standing standing = clock.standing(late, d("2024-05-01"));
            assertThat(standing.daysOverdue()).isEqualTo(3);
            assertThat(standing.running()).isFalse();
            assertThat(read(RequestHistory.received("s-3", d("2024-03-09")).replied(d("2024-04-08"))).flags()).isEmpty();
            assertThat(read(RequestHistory.received("s-4", d("2024-03-09")).replied(d("2024-04-09"))).flags())
                    .containsExactly(ClockFlag.CONCLUDED_AFTER_DUE);
        }

        @Test
        void refusesAReadingOfAnotherCalendar() {
            WorkingDayCalendar other = WorkingDayCalendar.national().overlay("other", List.of());
            RequestClock otherClock = new RequestClock(other);

            assertThatThrownBy(() -> otherClock.standing(reading, d("2024-04-01")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calendar");
        }
    }

    @Nested
    class History {
        @Test
        void followsTheStatusThroughTheLifeOfARequest() {
            RequestHistory h = RequestHistory.received("l-1", d("2024-03-04"));
            assertThat(read(h).status()).isEqualTo(RequestStatus.REGISTERED);
            h.correctionRequested(d("2024-03-06"), d("2024-03-15"));
            assertThat(read(h).status()).isEqualTo(RequestStatus.AWAITING_CORRECTION);
            h.correctionSupplied(d("2024-03-08"));
            assertThat(read(h).status()).isEqualTo(RequestStatus.REGISTERED);
            h.consultation(d("2024-03-12"));
            assertThat(read(h).status()).isEqualTo(RequestStatus.CONSULTING);
            h.fee(d("2024-03-13"));
            assertThat(read(h).status()).isEqualTo(RequestStatus.AWAITING_FEE);
            h.paid(d("2024-03-14")).answered(d("2024-03-15"));
            assertThat(read(h).status()).isEqualTo(RequestStatus.REGISTERED);
            h.extension(d("2024-03-20"), 20);
            assertThat(read(h).status()).isEqualTo(RequestStatus.EXTENDED);
            h.replied(d("2024-04-01"));
            assertThat(read(h).status()).isEqualTo(RequestStatus.REPLIED);
            assertThat(read(RequestHistory.received("l-2", d("2024-03-04")).withdrawn(d("2024-03-05"))).status())
                    .isEqualTo(RequestStatus.WITHDRAWN);
            assertThat(RequestStatus.WITHDRAWN.open()).isFalse();
            assertThat(RequestStatus.AWAITING_FEE.label()).isEqualTo("待缴费");
        }

        @Test
        void appliesCorrectionsOfReceiptDateAndOfficer() {
            // receipt corrected to Saturday 03-09: due 04-08 (see the Standings example)
            ClockReading reading = read(RequestHistory.received("l-3", d("2024-03-04"))
                    .receiptCorrected(d("2024-03-04"), d("2024-03-09")).officer("李承办", d("2024-03-05")));

            assertThat(reading.receivedOn()).isEqualTo(d("2024-03-09"));
            assertThat(reading.dueOn()).isEqualTo(d("2024-04-08"));
            assertThat(reading.officer()).isEqualTo("李承办");
        }

        @Test
        void countsOnlyTheFirstExtensionAndAtMostTwentyDays() {
            // base due 04-01; 20 more: 04-02, 04-03 (21-22), 04-07 M (23), 04-08..12 (24-28), 04-15..19 (29-33),
            // 04-22..26 (34-38), 04-28 Sun M (39), 04-29 (40)
            ClockReading reading = read(RequestHistory.received("l-4", d("2024-03-04"))
                    .extension(d("2024-03-20"), 25).extension(d("2024-03-21"), 10));

            assertThat(reading.flags()).containsExactlyInAnyOrder(ClockFlag.EXTENSION_OUT_OF_RANGE, ClockFlag.REPEATED_EXTENSION);
            assertThat(reading.derivation().limitDays()).isEqualTo(40);
            assertThat(reading.dueOn()).isEqualTo(d("2024-04-29"));
        }

        @Test
        void refusesHistoriesThatAreNotOneRequestsFromItsReceipt() {
            RequestHistory a = RequestHistory.received("v-1", d("2024-03-04"));
            RequestHistory b = RequestHistory.received("v-2", d("2024-03-04")).replied(d("2024-03-05"));
            List<DisclosureRequestEvent> mixed = new java.util.ArrayList<>(a.events());
            mixed.add(b.events().get(1));

            assertThatThrownBy(() -> clock.read(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clock.read(b.events().subList(1, 2))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clock.read(mixed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("v-2");
        }
    }

    @Test
    void serialisesToJsonWithTheFullDerivation() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        JsonNode node = json.readTree(json.writeValueAsString(read(consultationExample())));

        assertThat(node.get("dueOn").asText()).isEqualTo("2024-04-07");
        assertThat(node.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(node.get("calendarVersion").asText()).isEqualTo(WorkingDayCalendar.national().version());
        JsonNode derivation = node.get("derivation");
        assertThat(derivation.get("pauses").get(0).get("workingDaysExcluded").asInt()).isEqualTo(3);
        assertThat(derivation.get("pauses").get(0).get("startedOn").asText()).isEqualTo("2024-03-13");
        assertThat(derivation.get("pauses").get(0).get("stoppedOn").asText()).isEqualTo("2024-03-14");
        assertThat(derivation.get("regulation").asText()).isEqualTo("ORDINANCE_2019");
        assertThat(derivation.get("days")).hasSize(34);
        assertThat(derivation.get("days").get(33).get("dayKind").asText()).isEqualTo("MAKEUP_WORKDAY");
        assertThat(derivation.get("lines").get(0).asText()).startsWith("收到申请：2024-03-04");
    }
}
