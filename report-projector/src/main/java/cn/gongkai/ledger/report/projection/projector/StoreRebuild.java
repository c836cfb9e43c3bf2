package cn.gongkai.ledger.report.projection.projector;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.eventstore.MongoEventStoreReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A rebuild of every read model from the whole event store ({@link EventProjector#rebuild()}) with the reading
 * overlapped with the counting: one thread reads the store through its one sorted cursor and decodes each event
 * ({@link MongoEventStoreReader#forEachAggregate}) while the caller's thread counts and writes the chunk before;
 * the reader runs at most {@value #AHEAD} handovers of about {@value #HANDOVER_EVENTS} events ahead, so memory
 * stays bounded by the chunk being written and those. The result is the same as feeding the rebuild from the
 * cursor directly (the histories arrive in the same order, one aggregate's whole history at a time). A failure
 * of either side stops both and is thrown.
 */
public final class StoreRebuild {
    /** Documents per batch of the store's cursor. */
    public static final int READ_BATCH = 5_000;
    /** Events handed from the reader to the counting thread at a time. */
    public static final int HANDOVER_EVENTS = 2_000;
    /** Handovers the reader may be ahead of the counting. */
    static final int AHEAD = 4;

    private static final List<List<EventEnvelope>> END = List.of();

    private StoreRebuild() {
    }

    /** Rebuilds from every event of {@code store} through {@code projector}'s rebuild; returns what was counted. */
    public static EventProjector.Rebuilt run(MongoEventStoreReader store, EventProjector projector) {
        return run(store, projector, READ_BATCH, HANDOVER_EVENTS);
    }

    /**
     * As {@link #run(MongoEventStoreReader, EventProjector)}, the cursor reading {@code readBatch} documents a batch
     * and the reader handing over about {@code handoverEvents} events at a time (at least one aggregate's history).
     */
    public static EventProjector.Rebuilt run(MongoEventStoreReader store, EventProjector projector, int readBatch,
                                             int handoverEvents) {
        EventProjector.Rebuild rebuild = projector.rebuild();
        BlockingQueue<List<List<EventEnvelope>>> handovers = new ArrayBlockingQueue<>(AHEAD);
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                List<List<EventEnvelope>> handover = new ArrayList<>();
                int[] events = {0};
                store.forEachAggregate(readBatch, history -> {
                    handover.add(history);
                    events[0] += history.size();
                    if (events[0] >= handoverEvents) {
                        put(handovers, List.copyOf(handover));
                        handover.clear();
                        events[0] = 0;
                    }
                });
                if (!handover.isEmpty()) {
                    put(handovers, List.copyOf(handover));
                }
                put(handovers, END);
            } catch (Throwable e) {
                readFailure.set(e);
                handovers.clear(); // what was read is not counted: room for the end
                handovers.offer(END);
            }
        }, "ledger-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                List<List<EventEnvelope>> histories = handovers.take();
                if (histories == END) {
                    break;
                }
                histories.forEach(rebuild::add);
            }
            reader.join();
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        } catch (RuntimeException | Error e) {
            reader.interrupt();
            throw e;
        }
        Throwable failure = readFailure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("the event store could not be read", failure);
        }
        return rebuild.finish();
    }

    private static void put(BlockingQueue<List<List<EventEnvelope>>> handovers, List<List<EventEnvelope>> handover) {
        try {
            handovers.put(handover);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild's reader was stopped", e);
        }
    }
}
