package cn.gongkai.ledger.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The fold, checker, parser, JSON, diff and CLI are plain Java and Jackson: no framework, no clock. */
class ArchitectureTest {
    private static final String[] PURE = {"cn.gongkai.ledger.report.fold..", "cn.gongkai.ledger.report.checker..",
        "cn.gongkai.ledger.report.parser..", "cn.gongkai.ledger.report.json..", "cn.gongkai.ledger.report.diff..",
        "cn.gongkai.ledger.report.cli.."};

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gongkai.ledger.report");

    @Test
    void the_pure_packages_use_no_framework_and_not_the_read_model() {
        noClasses().that().resideInAnyPackage(PURE).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "org.apache.kafka..", "com.mongodb..",
                        "org.bson..", "cn.gongkai.ledger.report.projection..")
                .check(classes);
    }

    @Test
    void none_of_them_reads_the_clock() {
        noClasses().that().resideInAnyPackage(PURE).should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(Instant.class, "now").orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now").orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis").orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .check(classes);
    }
}
