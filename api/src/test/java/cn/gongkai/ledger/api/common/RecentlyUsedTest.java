package cn.gongkai.ledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentlyUsedTest {

    @Test
    void forgetsTheLeastRecentlyUsedEntryBeyondItsCapacityAReadCountingAsAUse() {
        Map<String, Integer> kept = RecentlyUsed.map(2);
        kept.put("a", 1);
        kept.put("b", 2);
        assertThat(kept.get("a")).isEqualTo(1);
        kept.put("c", 3);
        assertThat(kept).containsOnlyKeys("a", "c");
        assertThat(kept.computeIfAbsent("d", k -> 4)).isEqualTo(4);
        assertThat(kept).containsOnlyKeys("c", "d");
    }

    @Test
    void refusesACapacityThatCouldKeepNothing() {
        assertThatThrownBy(() -> RecentlyUsed.map(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
