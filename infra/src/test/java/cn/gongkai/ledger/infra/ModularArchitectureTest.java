package cn.gongkai.ledger.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The module boundaries of docs/domain.md ("Module map and allowed dependencies"), checked over every module's
 * classes at once (infra is the one module that sees them all), in the manner of ddd-by-examples/library's
 * {@code ModularArchitectureTest}. Each rule names, in its comment, what on the code before the module split
 * (commit 482ac9f) broke it; {@link ModularArchitectureRulesCanFailTest} shows each one failing on a class that
 * breaks it.
 *
 * <p>Main classes of every module, and infra's own test classes (the end-to-end tests and the benchmark, which
 * must read the event store through the one reader too).
 */
@AnalyzeClasses(packages = "cn.gongkai.ledger", importOptions = ModularArchitectureTest.MainClassesAndInfraTests.class)
class ModularArchitectureTest {
    private static final String API = "cn.gongkai.ledger.api..";
    private static final String CLOCK = "cn.gongkai.ledger.clock..";
    private static final String[] REPORT = {"cn.gongkai.ledger.report.fold..", "cn.gongkai.ledger.report.checker..",
        "cn.gongkai.ledger.report.parser..", "cn.gongkai.ledger.report.json..", "cn.gongkai.ledger.report.diff..",
        "cn.gongkai.ledger.report.cli..", "cn.gongkai.ledger.report.narrative..", "cn.gongkai.ledger.report.trend..",
        "cn.gongkai.ledger.report.rollup.."};
    private static final String READ_MODEL = "cn.gongkai.ledger.readmodel..";
    private static final String READ_MODEL_WRITE_SIDE = "cn.gongkai.ledger.readmodel.store..";
    private static final String EVENT_STORE_READER = "cn.gongkai.ledger.readmodel.eventstore..";
    private static final String PROJECTOR = "cn.gongkai.ledger.report.projection..";
    private static final String QUERY = "cn.gongkai.ledger.query..";
    private static final String COMMAND = "cn.gongkai.ledger.command..";
    private static final String WORKBENCH = "cn.gongkai.ledger.workbench..";
    private static final String PROBLEM = "cn.gongkai.ledger.problem..";
    private static final String SECURITY = "cn.gongkai.ledger.security..";
    private static final String JACKSON = "com.fasterxml.jackson..";
    /** The name of Axon's event collection: what a class knows the event store's schema by. */
    private static final String AXON_EVENTS = String.join("", "domain", "events");

    /** Before: already held (command-service's ArchitectureTest); kept here so that the map is complete. */
    @ArchTest
    static final ArchRule apiDependsOnNothing = classes().that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", API)
            .because("every module and the command-line fold read the same messages");

    /** Before: held as well; the clock is the other pure library. */
    @ArchTest
    static final ArchRule statutoryClockDependsOnApiOnly = classes().that().resideInAPackage(CLOCK)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", JACKSON, API, CLOCK)
            .because("the clock is pure: the aggregates, the query service and the tests call the same rules");

    /**
     * Before: the library lived in report-projector beside the Kafka consumer; its own test only barred Spring,
     * so nothing stopped a fold class from using {@code cn.gongkai.ledger.report.projection.store.ReadModelJson}
     * (the event-store reader and the fold shared that module's classpath with the driver).
     */
    @ArchTest
    static final ArchRule reportDependsOnApiOnly = classes().that().resideInAnyPackage(REPORT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(REPORT, "java..", JACKSON, API))
            .because("the fold, checker and parser are a pure library the CLI runs without any service");

    /** Before: the read model lived inside the projector, so any class of it could use the Kafka consumer. */
    @ArchTest
    static final ArchRule readModelKnowsNoService = noClasses().that().resideInAPackage(READ_MODEL)
            .should().dependOnClassesThat().resideInAnyPackage(PROJECTOR, QUERY, COMMAND, "org.apache.kafka..",
                    "org.axonframework..")
            .because("the read model is shared by the projector (writes) and the query service (reads)");

    /**
     * Before: {@code ReportQueryService} and {@code RequestHistories} called {@code ReportMaterializer} (the
     * projector's report writer), five controllers threw {@code report.projection.web.LedgerProblemException},
     * and {@code RequestHistories} read {@code case_summaries} through {@code ReadModelDatabase} by field names.
     */
    @ArchTest
    static final ArchRule queryServiceReadsOnly = noClasses().that().resideInAnyPackage(QUERY, WORKBENCH)
            .should().dependOnClassesThat().resideInAnyPackage(PROJECTOR, READ_MODEL_WRITE_SIDE, EVENT_STORE_READER,
                    COMMAND, "org.axonframework..", "org.apache.kafka..")
            .because("the query service and the workbench it serves read the read model through its read-only API"
                    + " and change nothing");

    /** Before: nothing checked it (the query service and projector were in the same Maven classpath as Axon). */
    @ArchTest
    static final ArchRule projectorKnowsNoOtherService = noClasses().that().resideInAPackage(PROJECTOR)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY, COMMAND, "org.axonframework..")
            .because("the projector is fed by Kafka and repairs from the event store, never through Axon");

    /**
     * Before: held by the Maven graph only. The command side may use the pure report library (a publication
     * records the tables folded from the event store) but never a projection.
     */
    @ArchTest
    static final ArchRule commandSideKnowsNoReadSide = noClasses().that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODEL, PROJECTOR, QUERY)
            .because("the command side decides from its aggregates and the event store, never from a projection");

    /** Before: nothing; the services each need the one RFC 9457 renderer, and the renderer needs no service. */
    @ArchTest
    static final ArchRule problemDetailsKnowNoDomain = noClasses().that().resideInAPackage(PROBLEM)
            .should().dependOnClassesThat().resideInAnyPackage(API, READ_MODEL, PROJECTOR, QUERY, COMMAND)
            .because("one problem-details type serves every service");

    /** Before: nothing; who may do what is one policy for every service, and knows none of them. */
    @ArchTest
    static final ArchRule securityKnowsNoService = noClasses().that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODEL, PROJECTOR, QUERY, COMMAND)
            .because("the services depend on the security policy, never the other way round");

    /**
     * Before: besides {@code MongoEventStoreReader}, infra's {@code RunningLedger} decoded {@code domainevents}
     * itself and {@code BenchLedger} queried it by Axon's field names. (A class that reads another's
     * {@code static final} name gets the string inlined, so this also catches a use of such a constant.) Until #10
     * the security module's {@code AgencyDirectory} and {@code AuditTrail} read it too (the latter scanning the
     * whole store per query); they now ask ports the reader answers ({@code EventStoreSecurityFacts}).
     */
    @ArchTest
    static final ArchRule onlyTheEventStoreReaderKnowsAxonsSchema = noClasses()
            .that().resideOutsideOfPackages(COMMAND, EVENT_STORE_READER,
                    // the embedded MongoDB-compatible server, whose indexes are tuned to Axon's queries (storage, not a reader)
                    "cn.gongkai.ledger.infra.mongo..")
            .should(mention(AXON_EVENTS))
            .because("outside the command service, stored events are read by the one event-store reader");

    /** Whether the class file holds {@code text} as a constant (a literal, or a constant of another class inlined). */
    private static ArchCondition<JavaClass> mention(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return new ArchCondition<>("name " + text) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (javaClass.getSource().isEmpty()) {
                    return;
                }
                try (InputStream in = javaClass.getSource().get().getUri().toURL().openStream()) {
                    if (contains(in.readAllBytes(), needle)) {
                        events.add(SimpleConditionEvent.satisfied(javaClass,
                                javaClass.getName() + " names " + text));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String[] concat(String[] packages, String... more) {
        String[] all = new String[packages.length + more.length];
        System.arraycopy(packages, 0, all, 0, packages.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }

    /**
     * Every module's main classes, and infra's test classes (not the other modules' tests and fixtures, nor the
     * classes in {@code ….violation} that {@link ModularArchitectureRulesCanFailTest} breaks the rules with).
     */
    static final class MainClassesAndInfraTests implements ImportOption {
        private static final ImportOption MAIN = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return MAIN.includes(location)
                    || location.contains("/infra/target/test-classes/") && !location.contains("/violation/");
        }
    }
}
