package cn.gongkai.ledger.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import org.axonframework.spring.stereotype.Aggregate;

/** Rules of the house that the compiler does not check. */
@AnalyzeClasses(packages = "cn.gongkai.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DescribedPredicate<JavaMethodCall> READS_THE_CLOCK =
            DescribedPredicate.describe("read the system clock", call ->
                    call.getName().equals("now") && call.getTargetOwner().getPackageName().equals("java.time")
                            || call.getTargetOwner().isAssignableTo(Clock.class)
                            || call.getTargetOwner().isEquivalentTo(System.class)
                            && call.getName().matches("currentTimeMillis|nanoTime"));

    @ArchTest
    static final ArchRule aggregatesArePackagePrivate = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().bePackagePrivate()
            .andShould().resideInAnyPackage("cn.gongkai.ledger.command.request",
                    "cn.gongkai.ledger.command.reconsideration", "cn.gongkai.ledger.command.lawsuit",
                    "cn.gongkai.ledger.command.agency", "cn.gongkai.ledger.command.publication");

    @ArchTest
    static final ArchRule aggregatesNeverReadTheClock = noClasses()
            .that().areAnnotatedWith(Aggregate.class).or().resideInAPackage("cn.gongkai.ledger.command.rules")
            .should().callMethodWhere(READS_THE_CLOCK)
            .because("dates that decide anything come from the command; the recording time is in Recorded");

    @ArchTest
    static final ArchRule apiIsFrameworkFree = classes()
            .that().resideInAPackage("cn.gongkai.ledger.api..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", "cn.gongkai.ledger.api..")
            .because("every module and the command-line fold read the same messages, without Axon or Spring");
}
