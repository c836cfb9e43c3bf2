package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.violation.ApiUsingSpring;
import cn.gongkai.ledger.clock.violation.ClockUsingTheReadModel;
import cn.gongkai.ledger.command.violation.CommandUsingTheReadModel;
import cn.gongkai.ledger.infra.violation.DecodingTheEventStore;
import cn.gongkai.ledger.problem.violation.ProblemUsingTheApi;
import cn.gongkai.ledger.query.violation.QueryUsingTheMaterializer;
import cn.gongkai.ledger.query.violation.QueryWritingCaseSummaries;
import cn.gongkai.ledger.readmodel.violation.ReadModelUsingKafka;
import cn.gongkai.ledger.report.fold.violation.FoldUsingTheDriver;
import cn.gongkai.ledger.report.projection.violation.ProjectorUsingTheCommandSide;
import cn.gongkai.ledger.security.violation.SecurityUsingTheCommandSide;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link ModularArchitectureTest} can fail: each is evaluated over a class (test sources, package
 * {@code ….violation}, left out of the real check) that breaks it the way the code before the module split did
 * where there was such code (the query service calling {@code ReportMaterializer}, infra's tests decoding
 * {@code domainevents} themselves), or the way a careless change would.
 */
class ModularArchitectureRulesCanFailTest {

    @Test
    void eachRuleReportsTheClassThatBreaksIt() {
        Map<ArchRule, List<Class<?>>> breaking = Map.of(
                ModularArchitectureTest.apiDependsOnNothing, List.of(ApiUsingSpring.class),
                ModularArchitectureTest.statutoryClockDependsOnApiOnly, List.of(ClockUsingTheReadModel.class),
                ModularArchitectureTest.reportDependsOnApiOnly, List.of(FoldUsingTheDriver.class),
                ModularArchitectureTest.readModelKnowsNoService, List.of(ReadModelUsingKafka.class),
                ModularArchitectureTest.queryServiceReadsOnly,
                List.of(QueryUsingTheMaterializer.class, QueryWritingCaseSummaries.class),
                ModularArchitectureTest.projectorKnowsNoOtherService, List.of(ProjectorUsingTheCommandSide.class),
                ModularArchitectureTest.commandSideKnowsNoReadSide, List.of(CommandUsingTheReadModel.class),
                ModularArchitectureTest.problemDetailsKnowNoDomain, List.of(ProblemUsingTheApi.class),
                ModularArchitectureTest.securityKnowsNoService, List.of(SecurityUsingTheCommandSide.class),
                ModularArchitectureTest.onlyTheEventStoreReaderKnowsAxonsSchema, List.of(DecodingTheEventStore.class));
        assertThat(breaking).hasSize(10);
        breaking.forEach((rule, classes) -> classes.forEach(type -> assertThat(
                rule.evaluate(new ClassFileImporter().importClasses(type)).hasViolation())
                .as(rule.getDescription() + " over " + type.getSimpleName()).isTrue()));
    }
}
