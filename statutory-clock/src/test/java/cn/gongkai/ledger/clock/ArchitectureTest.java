package cn.gongkai.ledger.clock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The clock is pure Java: no framework, no system clock. */
class ArchitectureTest {
    private static final JavaClasses CLOCK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gongkai.ledger.clock");

    @Test
    void dependsOnNoFramework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "org.apache.kafka..", "com.mongodb..")
                .check(CLOCK);
    }

    @Test
    void neverReadsTheSystemClock() {
        DescribedPredicate<JavaMethodCall> systemClock = DescribedPredicate.describe("reads the system clock",
                call -> (call.getTargetOwner().getPackageName().equals("java.time") && call.getName().equals("now"))
                        || (call.getTargetOwner().isEquivalentTo(System.class)
                        && (call.getName().equals("currentTimeMillis") || call.getName().equals("nanoTime")))
                        || (call.getTargetOwner().isEquivalentTo(java.time.Clock.class) && call.getName().startsWith("system")));
        noClasses().should().callMethodWhere(systemClock).check(CLOCK);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("cn.gongkai.ledger.clock.(*)..").should().beFreeOfCycles().check(CLOCK);
    }
}
