package cn.gongkai.ledger.clock.fee;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ApplicantTypeCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.ReceiptDateCorrected;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.testing.RequestHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyRequestCounterTest {
    private static final AgencyId OTHER_AGENCY = new AgencyId("ninghe-finance");
    private static final Applicant ZHANG_WITH_ID =
            new Applicant(ApplicantType.NATURAL_PERSON, "张三", "11010519491231002x", null);
    private static final Applicant ZHANG_SAME_ID_OTHER_SPELLING =
            new Applicant(ApplicantType.NATURAL_PERSON, "张 三", " 11010519491231002X ", null);
    private static final Applicant ACME = new Applicant(ApplicantType.COMMERCIAL_ENTERPRISE, "某公司", null, null);

    private static RequestReceived received(String tracking, String date, Applicant applicant) {
        return (RequestReceived) RequestHistory.received(tracking, LocalDate.parse(date), "王承办", applicant).events().get(0);
    }

    private static List<DisclosureRequestEvent> requests(int count, String date, Applicant applicant) {
        List<DisclosureRequestEvent> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(received(String.format("%s-%03d", date, i), date, applicant));
        }
        return events;
    }

    @Test
    void countsOneApplicantsRequestsInACalendarMonthAndPricesEachByItsOrdinal() {
        List<DisclosureRequestEvent> events = requests(35, "2024-03-05", ZHANG_WITH_ID);

        List<MonthlyCount> counts = MonthlyRequestCounter.count(events);

        assertThat(counts).singleElement().satisfies(month -> {
            assertThat(month.month()).isEqualTo(YearMonth.of(2024, 3));
            assertThat(month.requests()).hasSize(35);
            assertThat(month.requests().get(9).chargeYuan()).isEqualByComparingTo("0");
            assertThat(month.requests().get(10).chargeYuan()).isEqualByComparingTo("100");
            assertThat(month.requests().get(30).chargeYuan()).isEqualByComparingTo("200");
            // 20 x 100 + 5 x 200
            assertThat(month.totalYuan()).isEqualByComparingTo("3000");
        });
    }

    @Test
    void theIdDocumentNumberIdentifiesTheApplicantWhateverTheSpellingOfTheName() {
        List<DisclosureRequestEvent> events = new ArrayList<>(requests(10, "2024-03-05", ZHANG_WITH_ID));
        events.add(received("eleventh", "2024-03-28", ZHANG_SAME_ID_OTHER_SPELLING));

        assertThat(MonthlyRequestCounter.chargeFor(events, RequestId.of(RequestHistory.AGENCY, "eleventh")))
                .hasValueSatisfying(c -> {
                    assertThat(c.ordinal()).isEqualTo(11);
                    assertThat(c.chargeYuan()).isEqualByComparingTo("100");
                });
        assertThat(MonthlyRequestCounter.count(events)).singleElement()
                .extracting(MonthlyCount::applicant).isEqualTo(new ApplicantKey("证件:11010519491231002X"));
    }

    /** Once erased nothing tells who applied: two erased applicants are never counted as one. */
    @Test
    void anErasedApplicantIsCountedAloneNeverWithAnotherErasedOne() {
        Applicant erased = new Applicant(ApplicantType.NATURAL_PERSON, "已删除", "已删除", null);
        List<DisclosureRequestEvent> events = List.of(received("a", "2024-03-05", erased),
                received("b", "2024-03-06", erased));

        assertThat(MonthlyRequestCounter.count(events)).extracting(MonthlyCount::applicant).containsExactlyInAnyOrder(
                new ApplicantKey("已删除:" + RequestId.of(RequestHistory.AGENCY, "a").value()),
                new ApplicantKey("已删除:" + RequestId.of(RequestHistory.AGENCY, "b").value()));
    }

    @Test
    void withoutAnIdDocumentNameAndTypeIdentifyTheApplicant() {
        Applicant acmeAsPerson = new Applicant(ApplicantType.NATURAL_PERSON, "某公司", null, null);
        List<DisclosureRequestEvent> events = List.of(received("a", "2024-03-05", ACME),
                received("b", "2024-03-06", acmeAsPerson));

        assertThat(MonthlyRequestCounter.count(events)).extracting(MonthlyCount::applicant).containsExactly(
                new ApplicantKey("名称:商业企业:某公司"), new ApplicantKey("名称:自然人:某公司"));

        List<DisclosureRequestEvent> corrected = new ArrayList<>(events);
        corrected.add(new ApplicantTypeCorrected(RequestId.of(RequestHistory.AGENCY, "b"), ApplicantType.NATURAL_PERSON,
                ApplicantType.COMMERCIAL_ENTERPRISE, "登记错误", RequestHistory.at(LocalDate.parse("2024-03-07"))));
        assertThat(MonthlyRequestCounter.count(corrected)).singleElement()
                .satisfies(m -> assertThat(m.requests()).hasSize(2));
    }

    @Test
    void monthsAndAgenciesAreCountedApartAndACorrectedReceiptDateMovesARequest() {
        List<DisclosureRequestEvent> events = new ArrayList<>(requests(10, "2024-03-05", ZHANG_WITH_ID));
        events.add(received("april", "2024-04-01", ZHANG_WITH_ID));
        events.add(new RequestReceived(RequestId.of(OTHER_AGENCY, "x"), OTHER_AGENCY, "x", Channel.EMAIL,
                LocalDate.parse("2024-03-20"), ZHANG_WITH_ID, "s", null, RequestHistory.at(LocalDate.parse("2024-03-20"))));

        assertThat(MonthlyRequestCounter.count(events)).extracting(m -> m.agencyId().value() + " " + m.month() + " "
                + m.requests().size()).containsExactly("ninghe-commerce 2024-03 10", "ninghe-commerce 2024-04 1",
                "ninghe-finance 2024-03 1");

        events.add(new ReceiptDateCorrected(RequestId.of(RequestHistory.AGENCY, "april"), LocalDate.parse("2024-04-01"),
                LocalDate.parse("2024-03-29"), "登记错误", RequestHistory.at(LocalDate.parse("2024-04-02"))));
        assertThat(MonthlyRequestCounter.chargeFor(events, RequestId.of(RequestHistory.AGENCY, "april")))
                .hasValueSatisfying(c -> {
                    assertThat(c.receivedOn()).isEqualTo(LocalDate.parse("2024-03-29"));
                    assertThat(c.ordinal()).isEqualTo(11);
                });
    }

    @Test
    void requestsOfTheSameDayAreOrderedByTheTimeTheyWereRecorded() {
        LocalDate day = LocalDate.parse("2024-03-05");
        List<DisclosureRequestEvent> events = new ArrayList<>();
        events.add(withRecording("late", day, Instant.parse("2024-03-05T08:00:00Z")));
        events.add(withRecording("early", day, Instant.parse("2024-03-05T01:00:00Z")));

        assertThat(MonthlyRequestCounter.count(events).get(0).requests())
                .extracting(c -> c.requestId().trackingNumber()).containsExactly("early", "late");
        assertThat(MonthlyRequestCounter.chargeFor(events, RequestId.of(RequestHistory.AGENCY, "unknown"))).isEmpty();
        assertThat(MonthlyRequestCounter.count(List.of())).isEmpty();
        assertThat(MonthlyRequestCounter.count(events).get(0).totalYuan()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static RequestReceived withRecording(String tracking, LocalDate day, Instant at) {
        return new RequestReceived(RequestId.of(RequestHistory.AGENCY, tracking), RequestHistory.AGENCY, tracking,
                Channel.IN_PERSON, day, ZHANG_WITH_ID, "s", null, new Recorded("officer", at));
    }
}
