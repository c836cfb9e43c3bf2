package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The answer to a query sorted on the field of an {@link OrderedFieldIndex}, read lazily in the index's order, as
 * MongoDB walks an index for a sort: one value of the field after another, the documents holding it filtered by
 * the whole query and ordered among themselves by the rest of the sort, until the batch asked for is full. So the
 * first batch of Axon's tracking query ({@code timestamp ≥ t}, sorted by time, read a batch at a time) reads about
 * one batch of documents, however many are stored after {@code t}; the plain server reads, matches and sorts every
 * one of them before it hands back the first.
 *
 * <p>It is the query's cursor too: a further batch asked for ({@code getMore}) goes on after the last value read,
 * from the index as it is then, so documents stored in between are seen where they sort (a MongoDB cursor is no
 * snapshot either). The index hands out its positions a few hundred at a time under its lock and the documents
 * are read outside it.
 */
final class OrderedWalk extends AbstractCursor {
    /** How many positions one read of the index takes at least: whole values of the field only. */
    private static final int POSITIONS_PER_READ = 256;

    private final OrderedFieldIndex index;
    private final Document query;
    private final boolean descending;
    private final Function<Object, Document> documents;
    private final Predicate<Document> matches;
    private final Comparator<Document> order;
    private final UnaryOperator<List<Document>> projection;
    private final ArrayDeque<Document> ready = new ArrayDeque<>();
    private boolean started;
    private Object after;
    private boolean exhausted;
    private long remaining;

    /**
     * @param limit the most documents the whole answer holds (0: no limit)
     * @param order the query's whole sort: it orders the documents of one value of the indexed field
     * @param projection the query's field selector applied to a batch
     */
    OrderedWalk(long cursorId, OrderedFieldIndex index, Document query, boolean descending, int limit,
                Function<Object, Document> documents, Predicate<Document> matches, Comparator<Document> order,
                UnaryOperator<List<Document>> projection) {
        super(cursorId);
        this.index = index;
        this.query = query;
        this.descending = descending;
        this.remaining = limit == 0 ? Long.MAX_VALUE : Math.abs((long) limit);
        this.documents = documents;
        this.matches = matches;
        this.order = order;
        this.projection = projection;
    }

    /** Passes over the first documents of the answer (a query's {@code skip}); they do not count to its limit. */
    void skip(int count) {
        fill(count);
        for (int i = 0; i < count && !ready.isEmpty(); i++) {
            ready.poll();
        }
    }

    @Override
    public synchronized boolean isEmpty() {
        if (remaining == 0) {
            return true;
        }
        fill(1);
        return ready.isEmpty();
    }

    /** The next documents of the answer: up to {@code count}, or all that are left for 0 or less. */
    @Override
    public synchronized List<Document> takeDocuments(int count) {
        long wanted = count <= 0 ? remaining : Math.min(count, remaining);
        fill(wanted);
        List<Document> batch = new ArrayList<>();
        while (batch.size() < wanted && !ready.isEmpty()) {
            batch.add(ready.poll());
        }
        remaining -= batch.size();
        return projection.apply(batch);
    }

    private void fill(long wanted) {
        while (ready.size() < wanted && !exhausted) {
            int enough = (int) Math.max(POSITIONS_PER_READ, Math.min(Integer.MAX_VALUE, wanted - ready.size()));
            List<Map.Entry<Object, List<Object>>> values = index.valuesInOrder(query, descending, started, after,
                    enough);
            if (values.isEmpty()) {
                exhausted = true;
                return;
            }
            for (Map.Entry<Object, List<Object>> value : values) {
                value.getValue().stream().map(documents).filter(Objects::nonNull).filter(matches).sorted(order)
                        .forEach(ready::add);
                after = value.getKey();
            }
            started = true;
        }
    }
}
