package cn.gongkai.ledger.command;

import static cn.gongkai.ledger.command.rules.Refusals.recordedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileAppeal;
import cn.gongkai.ledger.api.lawsuit.LawsuitId;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.AcceptReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.AssignOfficer;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.LocalDate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

class AxonCommandTargetsTest {
    private static final Recorded NOW = recordedOn(LocalDate.of(2024, 3, 1));
    private static final RequestId REQUEST = new RequestId("ninghe-commerce:2024-0001");

    private final AxonCommandTargets targets = new AxonCommandTargets();

    @Test
    void routesEveryKindOfCommandToTheAggregateItNamesWithoutExpectedVersion() {
        assertThat(target(new AssignOfficer(REQUEST, "赵敏", NOW)))
                .isEqualTo(new VersionedAggregateIdentifier("ninghe-commerce:2024-0001", null));
        assertThat(target(new AcceptReconsideration(new ReconsiderationId("rc-7"), LocalDate.of(2024, 3, 1), NOW)))
                .isEqualTo(new VersionedAggregateIdentifier("rc-7", null));
        assertThat(target(new FileAppeal(new LawsuitId("ls-3"), LocalDate.of(2024, 3, 1), "张三", NOW)))
                .isEqualTo(new VersionedAggregateIdentifier("ls-3", null));
        assertThat(target(new RegisterAgency(new AgencyId("ninghe-commerce"), "宁和市商务局", null, NOW)))
                .isEqualTo(new VersionedAggregateIdentifier("ninghe-commerce", null));
    }

    @Test
    void refusesAMessageThatIsNotALedgerCommand() {
        assertThatThrownBy(() -> target("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    /** The aggregates, wired by Axon's Spring auto-configuration, find their targets through the resolver. */
    @Test
    void springRoutesCommandsToTheAggregatesAndRefusesADuplicateRegistration() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AxonAutoConfiguration.class,
                        AxonTracingAutoConfiguration.class, InfraConfiguration.class,
                        EventProcessingAutoConfiguration.class, NoOpTransactionAutoConfiguration.class,
                        ObjectMapperAutoConfiguration.class))
                .withPropertyValues("axon.axonserver.enabled=false", "axon.serializer.general=jackson")
                .withUserConfiguration(Aggregates.class)
                .run(context -> {
                    CommandGateway gateway = context.getBean(CommandGateway.class);
                    ReceiveRequest receive = new ReceiveRequest(REQUEST, Channel.IN_PERSON, LocalDate.of(2024, 3, 1),
                            new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null), "许可决定书", null, NOW);
                    gateway.sendAndWait(receive);
                    gateway.sendAndWait(new AssignOfficer(REQUEST, "赵敏", NOW));

                    assertThatThrownBy(() -> gateway.sendAndWait(receive))
                            .isInstanceOfSatisfying(RuleViolation.class,
                                    violation -> assertThat(violation.code()).isEqualTo("REQUEST_ALREADY_REGISTERED"));
                    assertThat(context.getBean(EventStore.class).readEvents(REQUEST.value()).asStream()
                            .map(event -> event.getPayloadType().getSimpleName()))
                            .containsExactly("RequestReceived", "OfficerAssigned");
                });
    }

    private VersionedAggregateIdentifier target(Object payload) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(payload));
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = AxonCommandTargets.class, useDefaultFilters = false, includeFilters = {
            @Filter(type = FilterType.ANNOTATION, classes = Aggregate.class),
            @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = AxonCommandTargets.class),
            // the Agency aggregate's snapshot trigger (package-private, beside the aggregate)
            @Filter(type = FilterType.REGEX, pattern = ".*\\.AgencySnapshots")})
    static class Aggregates {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }
    }
}
