package cn.gongkai.ledger.api.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounded memory of the services' caches: a map that holds at most {@code capacity} entries and forgets the
 * least recently used one first (a read counts as a use), safe for concurrent use (every call synchronized on the
 * map, as {@link Collections#synchronizedMap} does).
 */
public final class RecentlyUsed {
    private RecentlyUsed() {
    }

    public static <K, V> Map<K, V> map(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
