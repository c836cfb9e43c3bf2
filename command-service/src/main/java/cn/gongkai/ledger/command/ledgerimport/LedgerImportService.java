package cn.gongkai.ledger.command.ledgerimport;

import cn.gongkai.ledger.api.request.LedgerField;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.command.calendar.RequestHistoryReader;
import cn.gongkai.ledger.command.importing.CommandBatches;
import cn.gongkai.ledger.command.web.CommandCatalog;
import cn.gongkai.ledger.command.web.CommandEndpoint;
import cn.gongkai.ledger.command.web.CommandProblems;
import cn.gongkai.ledger.problem.Problem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * The Excel 台账 import: a file read into rows ({@link SheetReader}), each row read into the commands of one
 * disclosure request ({@link RowInterpreter}) or into the problem that stops it, then — after a dry run that shows
 * both — each row's commands run through the same endpoint and aggregates as every other command (the row's case
 * is imported whole or not at all), a few groups of cases at once, their events appended a batch at a time
 * ({@link CommandBatches}). A row whose
 * case is already in the ledger is skipped (re-importing changes nothing). Long files run as a job whose progress
 * can be read while it runs.
 */
@Service
public class LedgerImportService implements DisposableBean {
    private final CommandEndpoint endpoint;
    private final CommandBatches batches;
    private final RequestHistoryReader eventStoreIndex;
    private final ColumnMappingStore mappings;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-import");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread thread = new Thread(r, "ledger-import-case");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** How many groups of cases an import runs at once (each waits partly on the event store). */
    static final int WORKERS = 4;
    /** How many cases a worker takes at a time (sent together: their events appended in few batches). */
    static final int CASES_PER_UNIT = 50;

    public LedgerImportService(CommandEndpoint endpoint, CommandBatches batches, RequestHistoryReader eventStoreIndex,
                               ColumnMappingStore mappings) {
        this.endpoint = endpoint;
        this.batches = batches;
        this.eventStoreIndex = eventStoreIndex;
        this.mappings = mappings;
        this.clock = Clock.system(Recorded.ZONE);
    }

    /**
     * What an import of the file would do.
     *
     * @param mapping         the columns used: the agency's remembered mapping completed by the suggestion
     * @param unmappedColumns the file's columns no field reads (ignored)
     * @param cases           the cases that would be created, each with its commands
     * @param alreadyImported the rows whose case is already in the ledger (skipped)
     * @param problems        every row that cannot be understood, with its cell and why
     */
    public record Plan(int rows, Map<String, String> mapping, List<String> unmappedColumns, List<PlannedCase> cases,
                       List<Integer> alreadyImported, List<RowProblem> problems) {
    }

    public Plan dryRun(AgencyId agency, byte[] file) {
        Sheet sheet = SheetReader.read(file);
        ColumnMapping mapping = mappings.find(agency).orElse(new ColumnMapping(Map.of())).orSuggested(sheet.headers());
        mapping.requireFits(sheet.headers());
        RowInterpreter interpreter = new RowInterpreter(agency, mapping, LocalDate.now(clock));
        List<PlannedCase> planned = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (Sheet.Row row : sheet.rows()) {
            RowInterpreter.Reading reading = interpreter.read(row);
            if (reading instanceof RowInterpreter.Refused refused) {
                problems.add(refused.problem());
                continue;
            }
            PlannedCase one = ((RowInterpreter.Planned) reading).plannedCase();
            Integer first = firstRowOf.putIfAbsent(one.requestId(), row.number());
            if (first != null) {
                String header = mapping.header(LedgerField.TRACKING_NUMBER);
                problems.add(new RowProblem(row.number(), header == null ? LedgerField.TRACKING_NUMBER.label() : header,
                        row.cell(header), "与第 " + first + " 行是同一件申请（" + one.requestId() + "）",
                        "the same request as row " + first + " (" + one.requestId() + ")"));
            } else {
                planned.add(one);
            }
        }
        // Whether each case is already in the ledger: asked for all of them at once, not row by row.
        java.util.Set<String> recorded = eventStoreIndex.recorded(planned.stream().map(PlannedCase::requestId).toList());
        List<PlannedCase> cases = new ArrayList<>();
        List<Integer> already = new ArrayList<>();
        for (PlannedCase one : planned) {
            if (recorded.contains(one.requestId())) {
                already.add(one.row());
            } else {
                cases.add(one);
            }
        }
        problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
        Map<String, String> used = new LinkedHashMap<>();
        mapping.columns().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> used.put(e.getKey().name(), e.getValue()));
        List<String> unmapped = sheet.headers().stream().filter(h -> !mapping.columns().containsValue(h)).toList();
        return new Plan(sheet.rows().size(), used, unmapped, cases, already, problems);
    }

    /** A row whose commands an aggregate refused (what was recorded of it before stays recorded). */
    public record Refusal(int row, String requestId, String command, String code, String messageZh, String messageEn) {
    }

    /** An import job: its progress while it runs, its outcome once done. */
    public record Progress(String jobId, String agencyId, String state, int rows, int processed, int created,
                           int alreadyImported, List<RowProblem> problems, List<Refusal> refused,
                           Instant startedAt, Instant finishedAt, Double rowsPerSecond) {
    }

    private static final class Job {
        final String id;
        final String agencyId;
        final Plan plan;
        final Instant startedAt;
        final AtomicInteger processed = new AtomicInteger();
        final AtomicInteger created = new AtomicInteger();
        final List<Refusal> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile Instant finishedAt;
        volatile String state = "RUNNING";

        Job(String id, String agencyId, Plan plan, Instant startedAt) {
            this.id = id;
            this.agencyId = agencyId;
            this.plan = plan;
            this.startedAt = startedAt;
        }

        Progress progress() {
            Instant end = finishedAt;
            Double perSecond = end == null ? null : rate(plan.rows(), Duration.between(startedAt, end));
            return new Progress(id, agencyId, state, plan.rows(), processed.get() + plan.problems().size()
                    + plan.alreadyImported().size(), created.get(), plan.alreadyImported().size(), plan.problems(),
                    List.copyOf(refused), startedAt, end, perSecond);
        }

        private static Double rate(int rows, Duration elapsed) {
            double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
            return Math.round(rows / seconds * 10) / 10.0;
        }
    }

    /** Plans the file (as {@link #dryRun}) and starts running it; the job's progress is read with {@link #progress}. */
    public Progress start(AgencyId agency, byte[] file) {
        Instant started = clock.instant();
        Plan plan = dryRun(agency, file);
        Job job = new Job(UUID.randomUUID().toString(), agency.value(), plan, started);
        jobs.put(job.id, job);
        // The job runs as the officer who started it: each command is checked against their roles and agency.
        runner.submit(new DelegatingSecurityContextRunnable(() -> run(job)));
        return job.progress();
    }

    public Optional<Progress> progress(AgencyId agency, String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).filter(j -> j.agencyId.equals(agency.value())).map(Job::progress);
    }

    private void run(Job job) {
        // The cases are independent aggregates: a few workers run them at once, a group of cases at a time, each
        // case whole or not at all, their events appended a batch at a time.
        List<PlannedCase> cases = job.plan.cases();
        AtomicInteger next = new AtomicInteger();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        try {
            int groups = (cases.size() + CASES_PER_UNIT - 1) / CASES_PER_UNIT;
            for (int w = 0; w < Math.min(WORKERS, Math.max(1, groups)); w++) {
                running.add(workers.submit(new DelegatingSecurityContextRunnable(() -> {
                    for (int from = next.getAndAdd(CASES_PER_UNIT); from < cases.size();
                         from = next.getAndAdd(CASES_PER_UNIT)) {
                        runGroup(job, cases.subList(from, Math.min(cases.size(), from + CASES_PER_UNIT)));
                    }
                })));
            }
            for (java.util.concurrent.Future<?> worker : running) {
                worker.get();
            }
            job.state = "DONE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.state = "FAILED";
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            job.state = "FAILED";
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    /**
     * A group of rows: every command of each case checked and bound (the officer's roles and agency, every limit),
     * then the group's cases sent together ({@link CommandBatches}): each command through its aggregate, each
     * case imported whole or not at all (a refusal names its row, its command and the problem), their events
     * appended a batch of cases at a time.
     */
    private void runGroup(Job job, List<PlannedCase> group) {
        List<PlannedCase> sent = new ArrayList<>(group.size());
        List<List<LedgerCommand>> commands = new ArrayList<>(group.size());
        for (PlannedCase planned : group) {
            Optional<List<LedgerCommand>> bound = bind(job, planned);
            if (bound.isPresent()) {
                sent.add(planned);
                commands.add(bound.get());
            } else {
                job.processed.incrementAndGet();
            }
        }
        List<CommandBatches.Outcome> outcomes = batches.send(commands);
        for (int i = 0; i < sent.size(); i++) {
            PlannedCase planned = sent.get(i);
            if (outcomes.get(i) instanceof CommandBatches.Refused refused) {
                String command = refused.command() == null ? planned.commands().get(0).get("command").asText()
                        : refused.command().getClass().getSimpleName();
                refuse(job, planned, command, CommandProblems.of(refused.reason()));
            } else {
                job.created.incrementAndGet();
            }
            job.processed.incrementAndGet();
        }
    }

    private Optional<List<LedgerCommand>> bind(Job job, PlannedCase planned) {
        List<LedgerCommand> bound = new ArrayList<>(planned.commands().size());
        for (ObjectNode command : planned.commands()) {
            String name = command.get("command").asText();
            try {
                Class<? extends LedgerCommand> type = CommandCatalog.byName(name).orElseThrow();
                ObjectNode fields = command.deepCopy();
                fields.remove("command");
                bound.add(endpoint.bind(type, fields));
            } catch (RuntimeException refusedBinding) {
                refuse(job, planned, name, CommandProblems.of(refusedBinding));
                return Optional.empty();
            }
        }
        return Optional.of(bound);
    }

    private static void refuse(Job job, PlannedCase planned, String command, Problem problem) {
        job.refused.add(new Refusal(planned.row(), planned.requestId(), command, problem.code(), problem.messageZh(),
                problem.messageEn()));
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        workers.shutdownNow();
    }
}
