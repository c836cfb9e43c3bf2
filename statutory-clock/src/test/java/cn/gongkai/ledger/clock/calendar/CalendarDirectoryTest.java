package cn.gongkai.ledger.clock.calendar;

import static cn.gongkai.ledger.clock.calendar.WorkingDayCalendarTest.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.request.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CalendarRegistry#load} and {@link CalendarSource}: the calendar directory of docs/calendar.md. */
class CalendarDirectoryTest {
    private static final AgencyId URUMQI = new AgencyId("urumqi-finance");
    private static final AgencyId NINGHE = new AgencyId("ninghe-commerce");

    @TempDir
    Path dir;

    @Test
    void anEmptyDirectoryIsTheShippedNationalData() {
        CalendarRegistry registry = CalendarRegistry.load(dir);

        assertThat(registry.national().version()).isEqualTo(WorkingDayCalendar.national().version());
        assertThat(registry.agenciesWithLayers()).isEmpty();
        assertThat(registry.calendarFor(NINGHE)).isEqualTo(WorkingDayCalendar.national());
    }

    @Test
    void nationalFilesAddANewYearOrReplaceAShippedOne() throws IOException {
        copy("next-year/2027.json", "national/2027.json");
        copy("revised-2026/2026.json", "national/2026.json");

        CalendarRegistry registry = CalendarRegistry.load(dir);

        WorkingDayCalendar national = registry.national();
        assertThat(national.coveredYears()).contains(2026, 2027);
        assertThat(national.day(d("2027-01-04"))).isEqualTo(new CalendarDay(d("2027-01-04"), DayKind.HOLIDAY, "测试假日"));
        assertThat(national.day(d("2027-01-09")).kind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(national.isWorkingDay(d("2026-03-02"))).isFalse();
        assertThat(WorkingDayCalendar.national().isWorkingDay(d("2026-03-02"))).isTrue();
        assertThat(national.name()).isEqualTo("national");
        assertThat(national.version()).isNotEqualTo(WorkingDayCalendar.national().version());
    }

    @Test
    void anAgencyDirectoryLayersARegionalHolidayOverTheNationalCalendarForThatAgencyOnly() throws IOException {
        copy("xinjiang-2024.json", "agencies/urumqi-finance/2024.json");
        copy("next-year/2027.json", "national/2027.json");
        Files.createDirectories(dir.resolve("agencies/empty-agency"));
        Files.writeString(dir.resolve("agencies/urumqi-finance/README.txt"), "not a year file");

        CalendarRegistry registry = CalendarRegistry.load(dir);

        assertThat(registry.agenciesWithLayers()).containsExactly(URUMQI);
        WorkingDayCalendar urumqi = registry.calendarFor(URUMQI);
        assertThat(urumqi.name()).isEqualTo("national+urumqi-finance");
        assertThat(urumqi.day(d("2024-06-17"))).isEqualTo(new CalendarDay(d("2024-06-17"), DayKind.HOLIDAY, "古尔邦节"));
        assertThat(urumqi.covers(d("2027-06-01"))).isTrue();
        assertThat(registry.calendarFor(NINGHE).isWorkingDay(d("2024-06-17"))).isTrue();
        assertThat(registry.calendarFor(new AgencyId("empty-agency"))).isSameAs(registry.national());
    }

    @Test
    void anAgencyReceiptRuleIsPartOfItsLayerAndItsVersion() throws IOException {
        write("agencies/online-bureau/receipt-rule.properties",
                "# 本机关规定：通过互联网平台、电子邮件在非工作日收到的申请，视为下一个工作日收到\nnextWorkingDayReceipt=INTERNET, EMAIL\n");
        CalendarRegistry registry = CalendarRegistry.load(dir);
        WorkingDayCalendar online = registry.calendarFor(new AgencyId("online-bureau"));

        assertThat(online.deemedReceipt(Channel.INTERNET)).contains("online-bureau");
        assertThat(online.deemedReceipt(Channel.EMAIL)).contains("online-bureau");
        assertThat(online.deemedReceipt(Channel.SIGNED_MAIL)).isEmpty();
        assertThat(registry.national().deemedReceipt(Channel.INTERNET)).isEmpty();
        assertThat(online.version()).isNotEqualTo(registry.national().version());
        assertThat(WorkingDayCalendar.fromLayers(online.layers()).version()).isEqualTo(online.version());
        assertThat(online.layers().get(1).nextWorkingDayReceipt()).containsExactlyInAnyOrder(Channel.INTERNET, Channel.EMAIL);

        write("bad-rule/agencies/online-bureau/receipt-rule.properties", "nextWorkingDayReceipt=PIGEON\n");
        assertThatThrownBy(() -> CalendarRegistry.load(dir.resolve("bad-rule")))
                .isInstanceOf(CalendarConfigurationException.class).hasMessageContaining("PIGEON");
        write("other-key/agencies/online-bureau/receipt-rule.properties", "deemAll=true\n");
        assertThatThrownBy(() -> CalendarRegistry.load(dir.resolve("other-key")))
                .isInstanceOf(CalendarConfigurationException.class).hasMessageContaining("deemAll");
    }

    @Test
    void aCalendarRebuiltFromItsLayersHasTheSameVersion() throws IOException {
        copy("xinjiang-2024.json", "agencies/urumqi-finance/2024.json");
        copy("next-year/2027.json", "national/2027.json");
        WorkingDayCalendar urumqi = CalendarRegistry.load(dir).calendarFor(URUMQI);

        assertThat(urumqi.layers()).extracting(CalendarLayer::name).containsExactly("national", "urumqi-finance");
        assertThat(urumqi.layers().get(0).years()).extracting(HolidayYear::year)
                .containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
        WorkingDayCalendar rebuilt = WorkingDayCalendar.fromLayers(urumqi.layers());
        assertThat(rebuilt.version()).isEqualTo(urumqi.version());
        assertThat(rebuilt.isWorkingDay(d("2024-06-18"))).isFalse();
        assertThatThrownBy(() -> WorkingDayCalendar.fromLayers(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDirectoryThatCannotBeUsedIsRefusedNamingTheProblem() throws IOException {
        assertThatThrownBy(() -> CalendarRegistry.load(dir.resolve("missing")))
                .isInstanceOf(CalendarConfigurationException.class).hasMessageContaining("does not exist");

        Path twoFilesOneYear = Files.createDirectories(dir.resolve("twice"));
        copy("next-year/2027.json", "twice/national/2027.json");
        copy("next-year/2027.json", "twice/national/2027-copy.json");
        assertThatThrownBy(() -> CalendarRegistry.load(twoFilesOneYear))
                .isInstanceOf(CalendarConfigurationException.class).hasMessageContaining("both for year 2027");

        Path uncovered = Files.createDirectories(dir.resolve("uncovered"));
        write("uncovered/agencies/urumqi-finance/2030.json", "{\"year\":2030,\"days\":[]}");
        assertThatThrownBy(() -> CalendarRegistry.load(uncovered))
                .isInstanceOf(CalendarConfigurationException.class).hasMessageContaining("does not cover");

        Path badAgency = Files.createDirectories(dir.resolve("bad-agency"));
        copy("xinjiang-2024.json", "bad-agency/agencies/a:b/2024.json");
        assertThatThrownBy(() -> CalendarRegistry.load(badAgency))
                .isInstanceOf(CalendarConfigurationException.class).hasMessageContaining("agencyId");

        Path notJson = Files.createDirectories(dir.resolve("not-json"));
        write("not-json/national/2027.json", "{\"year\":");
        assertThatThrownBy(() -> CalendarRegistry.load(notJson))
                .isInstanceOf(CalendarConfigurationException.class).hasMessageContaining("2027.json");
    }

    @Test
    void aSourceReadsTheDirectoryAgainOnlyWhenAFileChanged() throws IOException {
        CalendarSource source = CalendarSource.of(dir.toString());
        CalendarRegistry first = source.registry();
        assertThat(source.registry()).isSameAs(first);
        assertThat(first.national().covers(d("2027-01-04"))).isFalse();

        Path added = copy("next-year/2027.json", "national/2027.json");
        CalendarRegistry second = source.registry();
        assertThat(second).isNotSameAs(first);
        assertThat(second.national().isWorkingDay(d("2027-01-04"))).isFalse();
        assertThat(source.registry()).isSameAs(second);

        Files.writeString(added, Files.readString(added).replace("测试假日", "测试假期"));
        Files.setLastModifiedTime(added, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(source.registry().national().day(d("2027-01-04")).name()).isEqualTo("测试假期");

        Files.delete(added);
        assertThat(source.registry().national().version()).isEqualTo(first.national().version());
        assertThat(source.directory()).contains(dir);
    }

    @Test
    void withoutADirectoryTheSourceIsTheShippedData() {
        assertThat(CalendarSource.of(" ").directory()).isEmpty();
        assertThat(CalendarSource.of(null).registry().national()).isSameAs(WorkingDayCalendar.national());
        assertThatThrownBy(() -> CalendarSource.of(dir.resolve("gone").toString()).registry())
                .isInstanceOf(CalendarConfigurationException.class);
    }

    private Path copy(String fixture, String target) throws IOException {
        Path file = dir.resolve(target);
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/calendar-fixtures/" + fixture)) {
            Files.copy(in, file);
        }
        return file;
    }

    private void write(String target, String content) throws IOException {
        Path file = dir.resolve(target);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
