package cn.gongkai.ledger.clock.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {
    @ParameterizedTest(name = "request #{0} of the month costs {1} yuan")
    @CsvSource({
            "1, 0", "10, 0",          // 1–10 free
            "11, 100", "30, 100",     // 11–30: 100 each
            "31, 200", "40, 200",     // first band of 10 above 30: +100
            "41, 300", "50, 300",     // second band: +200
            "51, 400", "61, 500"})
    void perRequestScaleRisesByOneHundredForEveryTenAboveThirty(int ordinal, int yuan) {
        assertThat(FeeSchedule.perRequestCharge(ordinal)).isEqualByComparingTo(BigDecimal.valueOf(yuan));
    }

    @ParameterizedTest(name = "{0} pages cost {1} yuan")
    @CsvSource({
            "0, 0", "30, 0",
            "31, 10",        // 1 page at 10
            "100, 700",      // 70 pages at 10
            "101, 720",      // 700 + 1 page at 20 (marginal, not 101 x 20)
            "200, 2700",     // 700 + 100 x 20
            "201, 2740",     // 2700 + 1 page at 40
            "250, 4700"})    // 2700 + 50 x 40
    void perVolumeScaleIsMarginal(int pages, int yuan) {
        assertThat(FeeSchedule.perVolumeCharge(pages)).isEqualByComparingTo(BigDecimal.valueOf(yuan));
    }

    @Test
    void refusesImpossibleInputs() {
        assertThatThrownBy(() -> FeeSchedule.perRequestCharge(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeSchedule.perVolumeCharge(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
