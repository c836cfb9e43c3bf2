package cn.gongkai.ledger.report.fold;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The events given to the fold do not hold the whole history of some aggregate that may belong to the report,
 * so a report folded from them would silently miss or misplace cases. {@link #problems()} names each such
 * aggregate; read those again from the event store and fold again.
 */
public class IncompleteHistoryException extends RuntimeException {
    private final transient List<AggregateProblem> problems;

    public IncompleteHistoryException(List<AggregateProblem> problems) {
        super("incomplete event history: " + problems.stream()
                .map(p -> p.aggregateId() + " " + p.kind() + " " + p.sequences())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<AggregateProblem> problems() {
        return problems;
    }
}
