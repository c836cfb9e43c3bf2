package cn.gongkai.ledger.report.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.report.checker.ReportChecker;
import cn.gongkai.ledger.report.json.EventJson;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random histories of requests, reconsiderations and lawsuits (with corrections, noise events and another
 * agency's cases): the fold equals a brute-force oracle computed from the cases' final states, every invariant
 * holds, and replaying, duplicating, shuffling or round-tripping the events through JSON changes nothing; the
 * incremental fold ({@link AgencyCases}) equals the pure fold after every batch of a random arrival.
 */
class FoldProperties {
    private static final LocalDate ORIGIN = LocalDate.of(2020, 1, 1);

    enum Ending { REPLY, WITHDRAW, MISSING_CORRECTION, UNPAID_FEE }

    /** How a request ended, as first recorded, and the corrections made afterwards (null: none). */
    record ConclusionSpec(Ending ending, int daysAfterReceipt, Outcome primary, List<Outcome> secondary,
                          Integer correctedDaysAfterReceipt, Outcome correctedPrimary, List<Outcome> correctedSecondary) {
    }

    record RequestSpec(ApplicantType type, ApplicantType correctedType, int receivedDay, Integer correctedReceivedDay,
                       ConclusionSpec conclusion, boolean busy) {
        LocalDate receivedOn() {
            return ORIGIN.plusDays(correctedReceivedDay == null ? receivedDay : correctedReceivedDay);
        }

        LocalDate firstReceivedOn() {
            return ORIGIN.plusDays(receivedDay);
        }

        ApplicantType finalType() {
            return correctedType == null ? type : correctedType;
        }

        LocalDate firstConcludedOn() {
            LocalDate later = firstReceivedOn().isAfter(receivedOn()) ? firstReceivedOn() : receivedOn();
            return later.plusDays(conclusion.daysAfterReceipt());
        }

        LocalDate concludedOn() {
            return conclusion.correctedDaysAfterReceipt() == null ? firstConcludedOn()
                    : receivedOn().plusDays(conclusion.correctedDaysAfterReceipt());
        }

        /** The counted outcome, from the spec's words: 三.二 whenever something is disclosed and something is not. */
        Outcome countedOutcome() {
            return switch (conclusion.ending()) {
                case WITHDRAW -> Outcome.OTHER;
                case MISSING_CORRECTION -> Outcome.OTHER_CORRECTION_NOT_SUPPLIED;
                case UNPAID_FEE -> Outcome.OTHER_FEE_NOT_PAID;
                case REPLY -> conclusion.correctedPrimary() == null
                        ? mixed(conclusion.primary(), conclusion.secondary())
                        : mixed(conclusion.correctedPrimary(), conclusion.correctedSecondary());
            };
        }

        private static Outcome mixed(Outcome primary, List<Outcome> secondary) {
            List<Outcome> all = new ArrayList<>(secondary);
            all.add(primary);
            boolean disclosed = all.contains(Outcome.DISCLOSED) || all.contains(Outcome.PARTIALLY_DISCLOSED);
            boolean refused = all.stream().anyMatch(o -> o != Outcome.DISCLOSED && o != Outcome.PARTIALLY_DISCLOSED);
            return disclosed && refused ? Outcome.PARTIALLY_DISCLOSED : primary;
        }
    }

    enum AppealKind { RECONSIDERATION, DIRECT, AFTER_RECONSIDERATION }

    /** A case and its steps: alternately a conclusion (with its outcome) and, for lawsuits, a retrial. */
    record AppealSpec(AppealKind kind, int filedDay, List<Integer> stepGaps, List<AppealOutcome> outcomes,
                      ReconsiderationResult result) {
        String group() {
            return switch (kind) {
                case RECONSIDERATION -> "复议";
                case DIRECT -> "直诉";
                case AFTER_RECONSIDERATION -> "复议后诉";
            };
        }

        int steps() {
            return kind == AppealKind.RECONSIDERATION ? Math.min(1, stepGaps.size()) : stepGaps.size();
        }

        LocalDate filedOn() {
            return ORIGIN.plusDays(filedDay);
        }

        LocalDate stepDate(int step) {
            LocalDate date = filedOn();
            for (int i = 0; i <= step; i++) {
                date = date.plusDays(stepGaps.get(i));
            }
            return date;
        }

        /** Null for a reopening (odd steps) or the outcome of a conclusion. */
        AppealOutcome stepOutcome(int step) {
            if (step % 2 == 1) {
                return null;
            }
            return kind == AppealKind.RECONSIDERATION ? CountingRules.appealOutcome(result) : outcomes.get(step % outcomes.size());
        }

        /** Pending at the start of {@code day}: filed by then and not standing concluded after the day before. */
        boolean pendingAtStartOf(LocalDate day) {
            return !filedOn().isAfter(day) && standingAtEndOf(day.minusDays(1)) == null;
        }

        AppealOutcome standingAtEndOf(LocalDate day) {
            AppealOutcome standing = null;
            for (int s = 0; s < steps(); s++) {
                if (!stepDate(s).isAfter(day)) {
                    standing = stepOutcome(s);
                }
            }
            return standing;
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<RequestSpec>> requests() {
        Arbitrary<List<Outcome>> reasons = Arbitraries.of(Outcome.class).list().ofMaxSize(2);
        Arbitrary<ConclusionSpec> conclusion = Combinators.combine(Arbitraries.of(Ending.class),
                Arbitraries.integers().between(0, 500), Arbitraries.of(Outcome.class), reasons,
                Arbitraries.integers().between(0, 500).injectNull(0.8), Arbitraries.of(Outcome.class).injectNull(0.8),
                reasons).as(ConclusionSpec::new);
        return Combinators.combine(Arbitraries.of(ApplicantType.class), Arbitraries.of(ApplicantType.class).injectNull(0.8),
                Arbitraries.integers().between(0, 6 * 365), Arbitraries.integers().between(0, 6 * 365).injectNull(0.85),
                conclusion.injectNull(0.25), Arbitraries.of(true, false)).as(RequestSpec::new).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<AppealSpec>> appeals() {
        return Combinators.combine(Arbitraries.of(AppealKind.class), Arbitraries.integers().between(0, 6 * 365),
                Arbitraries.integers().between(0, 500).list().ofMaxSize(4),
                Arbitraries.of(AppealOutcome.class).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(ReconsiderationResult.class)).as(AppealSpec::new).list().ofMaxSize(8);
    }

    // ---------------------------------------------------------------- histories

    private static final String AGENCY = "ninghe-commerce";

    /** The events of the specs, plus a case of another agency in every year (which must never be counted). */
    static List<EventEnvelope> history(List<RequestSpec> requests, List<AppealSpec> appeals) {
        History h = new History(AGENCY).register("宁河区商务局");
        for (int i = 0; i < requests.size(); i++) {
            RequestSpec r = requests.get(i);
            String t = "r" + i;
            h.receive(t, r.type(), r.firstReceivedOn());
            if (i % 3 == 1) {
                h.erase(t); // the applicant's data erased early: it counts nowhere, and the case goes on
            }
            if (r.correctedType() != null) {
                h.correctType(t, r.type(), r.correctedType());
            }
            if (r.busy()) {
                h.busy(t, r.firstReceivedOn());
            }
            if (r.correctedReceivedDay() != null) {
                h.correctReceipt(t, r.firstReceivedOn(), r.receivedOn());
            }
            ConclusionSpec c = r.conclusion();
            if (c != null) {
                LocalDate on = r.firstConcludedOn();
                switch (c.ending()) {
                    case REPLY -> h.reply(t, on, c.primary(), c.secondary().toArray(Outcome[]::new));
                    case WITHDRAW -> h.withdraw(t, on);
                    case MISSING_CORRECTION -> h.closeForMissingCorrection(t, r.receivedOn(), on);
                    case UNPAID_FEE -> h.closeForUnpaidFee(t, r.receivedOn(), on);
                }
                if (c.ending() == Ending.REPLY && c.correctedPrimary() != null) {
                    h.correctOutcome(t, c.primary(), c.correctedPrimary(), c.correctedSecondary().toArray(Outcome[]::new));
                }
                if (c.correctedDaysAfterReceipt() != null) {
                    h.correctConclusion(t, on, r.concludedOn());
                }
            }
        }
        for (int i = 0; i < appeals.size(); i++) {
            AppealSpec a = appeals.get(i);
            String id = "c" + i;
            if (a.kind() == AppealKind.RECONSIDERATION) {
                h.fileReconsideration(id, a.filedOn());
                if (i % 2 == 0) {
                    h.eraseReconsideration(id);
                }
                if (a.steps() == 1) {
                    h.decideReconsideration(id, a.stepDate(0), a.result());
                }
            } else {
                h.fileLawsuit(id, a.kind() == AppealKind.DIRECT ? Route.DIRECT : Route.AFTER_RECONSIDERATION, a.filedOn());
                if (i % 2 == 0) {
                    h.erasePlaintiff(id);
                }
                for (int s = 0; s < a.steps(); s++) {
                    if (a.stepOutcome(s) == null) {
                        h.retrial(id, a.stepDate(s));
                    } else {
                        h.takeEffect(id, s == 0 ? Instance.FIRST : Instance.RETRIAL, a.stepDate(s), a.stepOutcome(s));
                    }
                }
            }
        }
        List<EventEnvelope> events = new ArrayList<>(h.events());
        History other = new History("laizhou-commerce");
        for (int year = 2020; year <= 2026; year++) {
            other.receive("o" + year, ApplicantType.NATURAL_PERSON, LocalDate.of(year, 6, 1))
                    .fileReconsideration("o" + year, LocalDate.of(year, 6, 1));
        }
        events.addAll(other.events());
        return events;
    }

    // ---------------------------------------------------------------- oracle

    /** Table 三 counted request by request from the final states, for every row of {@code format}. */
    static Map<String, Map<String, Integer>> oracleTable3(List<RequestSpec> requests, int year, ReportFormat format) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (String row : format.table3Rows()) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (String column : ReportFormat.table3Columns()) {
                columns.put(column, (int) requests.stream()
                        .filter(r -> column.equals("总计") || r.finalType().key().equals(column))
                        .filter(r -> counts(r, row, first, last, format)).count());
            }
            table.put(row, columns);
        }
        return table;
    }

    private static boolean counts(RequestSpec r, String row, LocalDate first, LocalDate last, ReportFormat format) {
        LocalDate concluded = r.conclusion() == null ? null : r.concludedOn();
        boolean concludedInYear = concluded != null && !concluded.isBefore(first) && !concluded.isAfter(last);
        return switch (row) {
            case "一" -> r.receivedOn().getYear() == first.getYear();
            case "二" -> r.receivedOn().isBefore(first) && (concluded == null || !concluded.isBefore(first));
            case "三.七" -> concludedInYear;
            case "四" -> !r.receivedOn().isAfter(last) && (concluded == null || concluded.isAfter(last));
            default -> concludedInYear && format.rowOf(r.countedOutcome()).equals(row);
        };
    }

    /** Table 四 from the final states, walking every day of the year. */
    static Map<String, Integer> oracleTable4(List<AppealSpec> appeals, int year, AppealPolicy policy) {
        Map<String, Integer> table = new HashMap<>();
        LocalDate last = LocalDate.of(year, 12, 31);
        for (AppealSpec a : appeals) {
            boolean belongs;
            if (policy == AppealPolicy.FILED_IN_YEAR) {
                belongs = a.filedOn().getYear() == year;
            } else {
                boolean pendingSomeDay = LocalDate.of(year, 1, 1).datesUntil(last.plusDays(1)).anyMatch(a::pendingAtStartOf);
                boolean movedInYear = IntStream.range(0, a.steps())
                        .anyMatch(s -> a.stepDate(s).getYear() == year && !a.filedOn().isAfter(last));
                belongs = pendingSomeDay || movedInYear;
            }
            if (belongs) {
                AppealOutcome standing = a.standingAtEndOf(last);
                table.merge(a.group() + "." + (standing == null ? "未审结" : standing.key()), 1, Integer::sum);
                table.merge(a.group() + ".总计", 1, Integer::sum);
            }
        }
        Map<String, Integer> full = new LinkedHashMap<>();
        ReportFormat.table4Keys().forEach(k -> full.put(k, table.getOrDefault(k, 0)));
        return full;
    }

    private static AnnualReport fold(List<EventEnvelope> events, int year, ReportFormat format, AppealPolicy policy) {
        return ReportFold.fold(events, new ReportRequest(new AgencyId(AGENCY), year, format, policy, null));
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 300)
    void the_fold_equals_the_oracle(@ForAll("requests") List<RequestSpec> requests, @ForAll("appeals") List<AppealSpec> appeals,
                                    @ForAll @IntRange(min = 2020, max = 2026) int year, @ForAll ReportFormat format,
                                    @ForAll AppealPolicy policy) {
        AnnualReport report = fold(history(requests, appeals), year, format, policy);
        assertThat(report.table3()).isEqualTo(oracleTable3(requests, year, format));
        assertThat(report.table4()).isEqualTo(oracleTable4(appeals, year, policy));
    }

    @Property(tries = 200)
    void the_traced_fold_counts_exactly_its_sources(@ForAll("requests") List<RequestSpec> requests,
                                                    @ForAll("appeals") List<AppealSpec> appeals,
                                                    @ForAll @IntRange(min = 2020, max = 2026) int year,
                                                    @ForAll ReportFormat format, @ForAll AppealPolicy policy) {
        List<EventEnvelope> events = history(requests, appeals);
        ReportRequest request = new ReportRequest(new AgencyId(AGENCY), year, format, policy, null);
        TracedReport traced = ReportFold.trace(events, request);
        assertThat(traced.report()).isEqualTo(ReportFold.fold(events, request));
        traced.report().cells().forEach((cell, value) -> {
            if (cell.startsWith("table2/")) {
                return;
            }
            List<CellSource> sources = traced.sourcesOf(cell);
            assertThat(sources).as(cell).hasSize(value.intValueExact());
            assertThat(sources.stream().map(CellSource::caseId).distinct()).as(cell).hasSize(sources.size());
            for (CellSource source : sources) {
                EventEnvelope event = events.stream().filter(e -> e.aggregateId().equals(source.caseId())
                        && e.sequence() == source.sequence()).findFirst().orElseThrow();
                assertThat(event.payload().getClass().getSimpleName()).as(cell).isEqualTo(source.eventType());
            }
        });
    }

    @Property(tries = 200)
    void every_invariant_holds(@ForAll("requests") List<RequestSpec> requests, @ForAll("appeals") List<AppealSpec> appeals,
                               @ForAll @IntRange(min = 2020, max = 2026) int year, @ForAll ReportFormat format,
                               @ForAll AppealPolicy policy) {
        List<EventEnvelope> events = history(requests, appeals);
        AnnualReport report = fold(events, year, format, policy);
        AnnualReport lastYear = fold(events, year - 1, format, policy);
        assertThat(ReportChecker.check(report, lastYear)).isEmpty();
    }

    @Property(tries = 200)
    void replaying_twice_duplicating_or_shuffling_changes_nothing(@ForAll("requests") List<RequestSpec> requests,
                                                                  @ForAll("appeals") List<AppealSpec> appeals,
                                                                  @ForAll @IntRange(min = 2020, max = 2026) int year,
                                                                  @ForAll Random random) {
        List<EventEnvelope> events = history(requests, appeals);
        AnnualReport once = fold(events, year, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR);
        assertThat(fold(events, year, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR)).isEqualTo(once);
        List<EventEnvelope> noisy = new ArrayList<>(events);
        noisy.addAll(events.stream().filter(e -> random.nextInt(3) == 0).toList());
        Collections.shuffle(noisy, random);
        assertThat(fold(noisy, year, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR)).isEqualTo(once);
    }

    @Property(tries = 200)
    void the_incremental_fold_equals_the_pure_fold_after_every_batch(@ForAll("requests") List<RequestSpec> requests,
                                                                     @ForAll("appeals") List<AppealSpec> appeals,
                                                                     @ForAll @IntRange(min = 2020, max = 2026) int year,
                                                                     @ForAll ReportFormat format,
                                                                     @ForAll AppealPolicy policy,
                                                                     @ForAll Random random) {
        // Arrival as a projector sees it: the aggregates interleaved at random, each in sequence order, in batches;
        // the register may set the agency's table-四 policy from some year on midway (the kept tallies must follow).
        Map<String, List<EventEnvelope>> pending = new LinkedHashMap<>();
        history(requests, appeals).forEach(e -> pending.computeIfAbsent(e.aggregateId(), id -> new ArrayList<>()).add(e));
        if (random.nextBoolean()) {
            List<EventEnvelope> register = pending.get(AGENCY);
            java.time.Instant at = register.get(register.size() - 1).payload().recorded().at().plusSeconds(1);
            register.add(EventEnvelope.of(register.size(), new AgencyEvent.AppealCountingPolicySet(new AgencyId(AGENCY),
                    AppealPolicy.FILED_IN_YEAR.name(), 2021 + random.nextInt(5), "上级机关要求",
                    new Recorded("test", at))));
        }
        List<EventEnvelope> arrival = new ArrayList<>();
        List<String> open = new ArrayList<>(pending.keySet());
        while (!open.isEmpty()) {
            String id = open.get(random.nextInt(open.size()));
            arrival.add(pending.get(id).remove(0));
            if (pending.get(id).isEmpty()) {
                open.remove(id);
            }
        }
        AgencyId agency = new AgencyId(AGENCY);
        ReportRequest request = new ReportRequest(agency, year, format, policy, null);
        AgencyCases incremental = new AgencyCases(agency);
        Map<String, List<EventEnvelope>> seen = new HashMap<>();
        List<EventEnvelope> seenEvents = new ArrayList<>();
        int next = 0;
        java.util.Set<Long> fingerprints = new java.util.HashSet<>();
        while (next < arrival.size()) {
            int end = Math.min(arrival.size(), next + 1 + random.nextInt(8));
            List<String> touched = new ArrayList<>();
            for (EventEnvelope event : arrival.subList(next, end)) {
                seen.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
                seenEvents.add(event);
                touched.add(event.aggregateId());
            }
            int before = incremental.events();
            touched.stream().distinct().forEach(id -> incremental.replace(seen.get(id)));
            next = end;
            assertThat(incremental.report(request)).isEqualTo(ReportFold.fold(seenEvents, request));
            for (int y : incremental.years()) { // what the projector materialises: every year, its format and policy
                assertThat(incremental.report(ReportRequest.of(agency, y)))
                        .isEqualTo(ReportFold.fold(seenEvents, ReportRequest.of(agency, y)));
            }
            // the version a read keeps results under: the same however the cases were replayed, new once they grow
            assertThat(incremental.fingerprint()).isEqualTo(AgencyCases.of(agency, seenEvents).fingerprint());
            if (incremental.events() != before) {
                assertThat(fingerprints.add(incremental.fingerprint())).as("a new fingerprint after a batch").isTrue();
            }
        }
        AgencyCases whole = AgencyCases.of(agency, seenEvents);
        assertThat(incremental.years()).isEqualTo(whole.years()).isNotEmpty();
        assertThat(incremental.events()).isEqualTo(whole.events());
        assertThat(whole.report(request)).isEqualTo(ReportFold.fold(seenEvents, request));
    }

    @Property(tries = 100)
    void events_round_trip_through_json_lines(@ForAll("requests") List<RequestSpec> requests,
                                              @ForAll("appeals") List<AppealSpec> appeals) {
        List<EventEnvelope> events = history(requests, appeals);
        String lines = events.stream().map(EventJson::write).collect(Collectors.joining("\n"));
        List<EventEnvelope> read = EventJson.readLines(new BufferedReader(new StringReader(lines)));
        assertThat(read).isEqualTo(events);
    }

    @Property(tries = 100)
    void a_missing_event_is_reported_with_its_aggregate(@ForAll("requests") List<RequestSpec> requests,
                                                        @ForAll("appeals") List<AppealSpec> appeals,
                                                        @ForAll Random random) {
        List<EventEnvelope> events = history(requests, appeals).stream()
                .filter(e -> e.aggregateId().startsWith(AGENCY) || !e.aggregateId().contains(":")).toList();
        Map<String, Long> highest = events.stream().collect(Collectors.toMap(EventEnvelope::aggregateId,
                EventEnvelope::sequence, Math::max));
        List<EventEnvelope> removable = events.stream().filter(e -> e.sequence() < highest.get(e.aggregateId())
                && !e.aggregateId().startsWith("rc-o")).toList();
        if (removable.isEmpty()) {
            return;
        }
        EventEnvelope removed = removable.get(random.nextInt(removable.size()));
        List<EventEnvelope> gapped = events.stream().filter(e -> e != removed).toList();
        assertThatThrownBy(() -> fold(gapped, 2024, ReportFormat.Y2021, AppealPolicy.OPEN_IN_YEAR))
                .isInstanceOfSatisfying(IncompleteHistoryException.class, e -> assertThat(e.problems())
                        .containsExactly(new AggregateProblem(removed.aggregateId(), removed.aggregateType(),
                                AggregateProblem.Kind.MISSING_SEQUENCES, List.of(removed.sequence()))));
    }
}
