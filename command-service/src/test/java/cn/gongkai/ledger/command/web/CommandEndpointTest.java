package cn.gongkai.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.gongkai.ledger.api.agency.AgencyCommand.CollectFees;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReplyToRequest;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.gongkai.ledger.security.AccessRefused;
import cn.gongkai.ledger.security.AgencyDirectory;
import cn.gongkai.ledger.security.AgencyGuard;
import cn.gongkai.ledger.security.Officer;
import cn.gongkai.ledger.security.OfficerAuthentication;
import cn.gongkai.ledger.security.Role;

/**
 * The endpoint stamps {@code recorded} from the authenticated officer and its injected clock, never from the
 * handler, and refuses a command the officer's roles or agency do not allow before anything is sent.
 */
class CommandEndpointTest {
    private static final Instant NOW = Instant.parse("2024-05-20T02:30:00Z");

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CommandEndpoint endpoint = new CommandEndpoint(gateway, Clock.fixed(NOW, Recorded.ZONE),
            new AgencyGuard(mock(AgencyDirectory.class)));

    @BeforeEach
    void signIn() {
        signIn(EnumSet.allOf(Role.class));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(Set<Role> roles) {
        SecurityContextHolder.getContext().setAuthentication(
                new OfficerAuthentication(new Officer("wang.wu", new AgencyId("a"), roles)));
    }

    @Test
    void theCommandIsRecordedByTheOfficerAtTheClocksInstant() {
        var answer = endpoint.apply(ReplyToRequest.class, """
                {"repliedOn":"2024-05-20","primaryOutcome":"WITHHELD_THIRD_PARTY_RIGHTS",
                 "secondaryReasons":["WITHHELD_PROCESS_INFORMATION"]}""".getBytes(UTF_8), Map.of("requestId", "a:1"));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new ReplyToRequest(new RequestId("a:1"), LocalDate.of(2024, 5, 20),
                Outcome.WITHHELD_THIRD_PARTY_RIGHTS, List.of(Outcome.WITHHELD_PROCESS_INFORMATION), null,
                new Recorded("wang.wu", NOW)));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo(new CommandAccepted("ReplyToRequest", "a:1", "wang.wu", NOW));
    }

    @Test
    void amountsAreBoundExactlyNeverThroughADouble() {
        endpoint.apply(CollectFees.class,
                "{\"collectedOn\":\"2024-05-20\",\"amountYuan\":12345678901234567.89,\"batchRef\":\"b\"}"
                        .getBytes(UTF_8), Map.of("agencyId", "a"));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        var fees = (CollectFees) sent.getValue();
        assertThat(fees.amountYuan()).isEqualTo(new BigDecimal("12345678901234567.89"));
    }

    @Test
    void anAmountAboveTheDocumentedMaximumIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> endpoint.apply(CollectFees.class,
                "{\"collectedOn\":\"2024-05-20\",\"amountYuan\":123456789012345678.91,\"batchRef\":\"b\"}"
                        .getBytes(UTF_8),
                Map.of("agencyId", "a")))
                .isInstanceOf(CommandRejected.class).hasMessageContaining("AMOUNT_OUT_OF_RANGE");
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aRefusedBindingSendsNothing() {
        assertThatThrownBy(() -> endpoint.apply(ReplyToRequest.class, "{\"repliedOn\":\"2024-05-20\"}".getBytes(UTF_8),
                Map.of("requestId", "a:1")))
                .isInstanceOf(CommandRejected.class).hasMessageContaining("primaryOutcome");
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aRoleThatMayNotIssueTheCommandSendsNothing() {
        signIn(EnumSet.of(Role.REGISTRAR, Role.AUDITOR));
        assertThatThrownBy(() -> endpoint.apply(ReplyToRequest.class,
                "{\"repliedOn\":\"2024-05-20\",\"primaryOutcome\":\"DISCLOSED\"}".getBytes(UTF_8), Map.of("requestId", "a:1")))
                .isInstanceOf(AccessRefused.class).hasMessageContaining("wang.wu");
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void anotherAgencysCaseOrAgencySendsNothing() {
        assertThatThrownBy(() -> endpoint.apply(ReplyToRequest.class,
                "{\"repliedOn\":\"2024-05-20\",\"primaryOutcome\":\"DISCLOSED\"}".getBytes(UTF_8), Map.of("requestId", "b:1")))
                .isInstanceOf(AccessRefused.class).hasMessageContaining("of a may not access the data of b");
        assertThatThrownBy(() -> endpoint.apply(CollectFees.class,
                "{\"collectedOn\":\"2024-05-20\",\"amountYuan\":1,\"batchRef\":\"b\"}".getBytes(UTF_8), Map.of("agencyId", "b")))
                .isInstanceOf(AccessRefused.class);
        verify(gateway, never()).sendAndWait(any());
    }
}
