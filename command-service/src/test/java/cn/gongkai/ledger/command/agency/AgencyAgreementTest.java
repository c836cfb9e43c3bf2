package cn.gongkai.ledger.command.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.AgencyCommand;
import cn.gongkai.ledger.api.agency.AgencyCommand.CollectFees;
import cn.gongkai.ledger.api.agency.AgencyCommand.CountOpeningRegister;
import cn.gongkai.ledger.api.agency.AgencyCommand.CountServiceItems;
import cn.gongkai.ledger.api.agency.AgencyCommand.ExpireNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.IssueNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.OpenLedger;
import cn.gongkai.ledger.api.agency.AgencyCommand.RecordProcurement;
import cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency;
import cn.gongkai.ledger.api.agency.AgencyCommand.RepealNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.SetAppealCountingPolicy;
import cn.gongkai.ledger.api.agency.AgencyCommand.TallyDecisions;
import cn.gongkai.ledger.api.agency.AgencyEvent;
import cn.gongkai.ledger.api.agency.AgencyLifecycle;
import cn.gongkai.ledger.api.agency.Article20Category;
import cn.gongkai.ledger.api.agency.NormativeDocumentKind;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.EventTypes;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.command.AxonCommandTargets;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportPeriod;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.LedgerJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * The agency aggregate and the report fold read one register: jqwik-generated command histories (with the
 * duplicates, unknown documents and early years the aggregate must refuse) go through the aggregate's fixture, and
 * the events it accepts through the fold; the aggregate's state is the {@link AgencyLifecycle} of those events, it
 * survives the snapshot serializer, and the fold's table 二, ledger coverage and table-四 policy of every year are
 * those of that state. And no event type is left out: each is made by some step and changes the lifecycle state and
 * what the fold shows.
 */
class AgencyAgreementTest {
    private static final AgencyId ID = new AgencyId("agree-agency");
    private static final Recorded NOW = new Recorded("admin", LocalDate.of(2024, 12, 31).atStartOfDay(Recorded.ZONE)
            .toInstant().plusSeconds(36_000));
    private static final LocalDate START = LocalDate.of(2023, 1, 2);
    private static final ObjectMapper SNAPSHOT_JSON = LedgerJson.newMapper();
    private static final List<Integer> YEARS = List.of(2022, 2023, 2024);

    /** One generated command: a kind and a small number that picks documents, batches, kinds and years. */
    enum Step {
        ISSUE((n, d) -> new IssueNormativeDocument(ID, "doc-" + n % 4, NormativeDocumentKind.values()[n % 2],
                "文件" + n, "号" + n, d, NOW)),
        REPEAL((n, d) -> new RepealNormativeDocument(ID, "doc-" + n % 4, d, NOW)),
        EXPIRE((n, d) -> new ExpireNormativeDocument(ID, "doc-" + n % 4, d, NOW)),
        TALLY((n, d) -> new TallyDecisions(ID, List.of(Article20Category.LICENSING, Article20Category.PENALTY).get(n % 2),
                d, 1 + n, "t-" + n % 3, NOW)),
        FEES((n, d) -> new CollectFees(ID, d, new BigDecimal(100 + n), "f-" + n % 3, NOW)),
        ITEMS((n, d) -> new CountServiceItems(ID, Article20Category.values()[n % 3], d, n, "i-" + n % 3, NOW)),
        PROCURE((n, d) -> new RecordProcurement(ID, d, n, new BigDecimal(1000 + n), "p-" + n % 3, NOW)),
        OPEN((n, d) -> new OpenLedger(ID, 2022 + n % 3, "上年度报告", NOW)),
        OPENING_COUNT((n, d) -> new CountOpeningRegister(ID, NormativeDocumentKind.values()[n % 2], n, "上年度报告", NOW)),
        POLICY((n, d) -> new SetAppealCountingPolicy(ID, AppealPolicy.values()[n % 2].name(), 2021 + n % 4, "上级要求",
                NOW));

        final BiFunction<Integer, LocalDate, AgencyCommand> make;

        Step(BiFunction<Integer, LocalDate, AgencyCommand> make) {
            this.make = make;
        }
    }

    record Move(Step step, int n) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        return Arbitraries.of(Step.class).flatMap(step -> Arbitraries.integers().between(0, 11).map(n -> new Move(step, n)))
                .list().ofMaxSize(14);
    }

    @Property(tries = 60)
    void theAggregateAndTheFoldReadOneRegister(@ForAll("moves") List<Move> moves) {
        assertAgree(run(moves));
    }

    /** The fixed paths of the aggregate tests. */
    @Example
    void theAggregateTestsPathsAgree() {
        for (List<Move> path : List.of(
                List.of(new Move(Step.ISSUE, 0), new Move(Step.REPEAL, 0), new Move(Step.EXPIRE, 0)),
                List.of(new Move(Step.TALLY, 1), new Move(Step.TALLY, 1), new Move(Step.TALLY, 4)),
                List.of(new Move(Step.OPEN, 1), new Move(Step.OPENING_COUNT, 5), new Move(Step.OPENING_COUNT, 7),
                        new Move(Step.POLICY, 0)),
                List.of(new Move(Step.POLICY, 3), new Move(Step.POLICY, 3), new Move(Step.POLICY, 2)),
                List.of(new Move(Step.ITEMS, 2), new Move(Step.PROCURE, 2), new Move(Step.FEES, 2)))) {
            assertAgree(run(path));
        }
    }

    /** What the aggregate accepted, and the state it holds afterwards. */
    private record Run(List<AgencyEvent> events, Agency aggregate) {
    }

    /** Sends the moves, one a day from {@link #START}, to the aggregate after its registration. */
    private static Run run(List<Move> moves) {
        List<AgencyEvent> accepted = new ArrayList<>(sent(List.of(), new RegisterAgency(ID, "协议局", null, NOW)));
        LocalDate day = START;
        for (Move move : moves) {
            day = day.plusDays(37);
            accepted.addAll(sent(accepted, move.step().make.apply(move.n(), day.isAfter(NOW.businessDate())
                    ? NOW.businessDate() : day)));
        }
        return probed(accepted);
    }

    /**
     * A fixture for the next given-when: the last one again unless its command was refused (a refused command leaves
     * the fixture's aggregate in a rolled-back unit of work); building one per command is slow.
     */
    private static FixtureConfiguration<Agency> fixture;

    private static FixtureConfiguration<Agency> fixture() {
        if (fixture == null) {
            fixture = new AggregateTestFixture<>(Agency.class).registerCommandTargetResolver(new AxonCommandTargets());
        }
        return fixture;
    }

    /** The events the aggregate applies for the command after the history, none when a rule refuses it. */
    private static List<AgencyEvent> sent(List<AgencyEvent> history, AgencyCommand command) {
        ResultValidator<Agency> result = history.isEmpty() ? fixture().givenNoPriorActivity().when(command)
                : fixture().given(new ArrayList<Object>(history)).when(command);
        List<AgencyEvent> events = new ArrayList<>();
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AssertionError refused) {
            result.expectException(RuleViolation.class); // refused by a rule, never a crash
            fixture = null;
            return List.of();
        }
        result.expectEventsMatching(capture(events));
        return events;
    }

    /** Matches any events, adding their payloads to {@code into}. */
    private static BaseMatcher<List<EventMessage<?>>> capture(List<AgencyEvent> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                ((List<?>) actual).forEach(m -> into.add((AgencyEvent) ((EventMessage<?>) m).getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events");
            }
        };
    }

    /**
     * The aggregate as a command finds it after the history, read by a last command that every register accepts
     * (a tally of a batch no step uses; its event joins the history, so the fold reads what the aggregate holds).
     */
    private static Run probed(List<AgencyEvent> history) {
        TallyDecisions probe = new TallyDecisions(ID, Article20Category.ENFORCEMENT, NOW.businessDate(), 1, "probe", NOW);
        Agency[] aggregate = new Agency[1];
        ResultValidator<Agency> result = fixture().given(new ArrayList<Object>(history)).when(probe);
        result.expectSuccessfulHandlerExecution().expectState(agency -> aggregate[0] = agency);
        List<AgencyEvent> events = new ArrayList<>(history);
        result.expectEventsMatching(capture(events));
        return new Run(events, aggregate[0]);
    }

    private static void assertAgree(Run run) {
        String path = run.events().stream().map(EventTypes::nameOf).toList().toString();
        AgencyLifecycle.State state = run.aggregate().state();
        assertThat(state).as("aggregate state " + path).isEqualTo(AgencyLifecycle.replay(run.events()));
        assertThat(snapshotRoundTrip(run.aggregate()).state()).as("snapshot " + path).isEqualTo(state);

        List<EventEnvelope> envelopes = IntStream.range(0, run.events().size())
                .mapToObj(i -> EventEnvelope.of(i, run.events().get(i))).toList();
        for (int year : YEARS) {
            for (ReportFormat format : ReportFormat.values()) {
                AnnualReport report = ReportFold.fold(envelopes, new ReportRequest(ID, year, format, null, null));
                boolean covered = state.firstYear() == null || year >= state.firstYear();
                assertThat(report.checks().isEmpty()).as("covered " + year + " " + path).isEqualTo(covered);
                if (covered) {
                    assertThat(report.table2()).as("table 二 " + year + " " + format + " " + path)
                            .isEqualTo(ReportFold.table2(state, ReportPeriod.year(year), format));
                }
            }
            AnnualReport report = ReportFold.fold(envelopes, ReportRequest.of(ID, year));
            assertThat(report.appealPolicy().name()).as("policy " + year + " " + path)
                    .isEqualTo(state.appealPolicyIn(year).policy());
            assertThat(report.agency().name()).isEqualTo(state.name());
        }
    }

    private static Agency snapshotRoundTrip(Agency aggregate) {
        try {
            return SNAPSHOT_JSON.readValue(SNAPSHOT_JSON.writeValueAsString(aggregate), Agency.class);
        } catch (Exception e) {
            throw new AssertionError("the aggregate does not survive its snapshot serializer", e);
        }
    }

    // --- no event type is left out

    /** A step after which each step changes the state: a document for a repeal or expiry, an opening for a count. */
    private static List<Move> before(Step step) {
        return switch (step) {
            case REPEAL, EXPIRE -> List.of(new Move(Step.ISSUE, 1));
            case OPENING_COUNT -> List.of(new Move(Step.OPEN, 1));
            default -> List.of();
        };
    }

    @Example
    void everyAgencyEventTypeIsMadeByAStepAndChangesTheStateAndTheFold() {
        Set<Class<?>> made = new LinkedHashSet<>();
        for (Step step : Step.values()) {
            Run prior = run(before(step));
            Run after = run(concat(before(step), new Move(step, 1)));
            assertThat(after.events()).as(step + " is accepted").hasSize(prior.events().size() + 1);
            AgencyEvent event = after.events().get(after.events().size() - 2); // the last is the probe's
            made.add(event.getClass());
            assertThat(after.aggregate().state()).as(step + " changes the state").isNotEqualTo(prior.aggregate().state());
            assertThat(folded(after)).as(step + " changes what the fold shows").isNotEqualTo(folded(prior));
        }
        made.add(AgencyEvent.AgencyRegistered.class);
        assertThat(run(List.of()).aggregate().state().name()).isEqualTo("协议局");
        assertThat(made).containsExactlyInAnyOrderElementsOf(EventTypes.under(AgencyEvent.class));
    }

    private static List<Move> concat(List<Move> moves, Move last) {
        List<Move> all = new ArrayList<>(moves);
        all.add(last);
        return all;
    }

    /** Every year's report as the fold gives it. */
    private static List<AnnualReport> folded(Run run) {
        List<EventEnvelope> envelopes = IntStream.range(0, run.events().size())
                .mapToObj(i -> EventEnvelope.of(i, run.events().get(i))).toList();
        return YEARS.stream().flatMap(y -> java.util.Arrays.stream(ReportFormat.values())
                .map(f -> ReportFold.fold(envelopes, new ReportRequest(ID, y, f, null, null)))).toList();
    }
}
