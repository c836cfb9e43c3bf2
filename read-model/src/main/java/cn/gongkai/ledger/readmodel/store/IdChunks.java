package cn.gongkai.ledger.readmodel.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads by many {@code _id}s split into {@code $in} lists of at most {@value #SIZE}. The embedded server finds each
 * id by its unique index but then matches every document found against the whole {@code $in} list, value by value,
 * so one query of n ids costs n² comparisons (a roll-up's 1,000 agencies: a million per read); in lists of
 * {@value #SIZE} it costs n × {@value #SIZE} and n / {@value #SIZE} round trips. A real MongoDB answers either in one
 * index walk; the split costs it the extra round trips only.
 */
final class IdChunks {
    /** The most ids one {@code $in} names. */
    static final int SIZE = 100;

    private IdChunks() {
    }

    /** Hands {@code ids} to {@code read} in lists of at most {@value #SIZE}, in their order; nothing when empty. */
    static <T> void forEach(Collection<T> ids, Consumer<List<T>> read) {
        List<T> chunk = new ArrayList<>(Math.min(SIZE, ids.size()));
        for (T id : ids) {
            chunk.add(id);
            if (chunk.size() == SIZE) {
                read.accept(chunk);
                chunk = new ArrayList<>(SIZE);
            }
        }
        if (!chunk.isEmpty()) {
            read.accept(chunk);
        }
    }
}
