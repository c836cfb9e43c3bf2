package cn.gongkai.ledger.security;

import static cn.gongkai.ledger.security.Role.ADMIN;
import static cn.gongkai.ledger.security.Role.APPROVER;
import static cn.gongkai.ledger.security.Role.AUDITOR;
import static cn.gongkai.ledger.security.Role.HANDLER;
import static cn.gongkai.ledger.security.Role.LEGAL;
import static cn.gongkai.ledger.security.Role.REGISTRAR;
import static cn.gongkai.ledger.security.Role.REPORTER;

import cn.gongkai.ledger.api.agency.AgencyCommand;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand;
import cn.gongkai.ledger.api.publication.PublicationCommand;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint, for every service: the one list the filter chain is built from (anything not listed
 * is refused) and the endpoint-catalogue test checks against every request mapping. Commands take their roles
 * from {@link CommandPolicy}; reads list theirs here.
 *
 * <p>{@link Scope} says which agency the endpoint touches: {@code OWN} endpoints (writes, and every read that can
 * show an applicant) are for the officer's own agency only; {@code OWN_OR_SUBORDINATE} reads (reports and counts)
 * also for the agencies below it; {@code IN_HANDLER} endpoints name their agency in the body or through a case id
 * and check it there, with {@link AgencyGuard}.
 */
public final class EndpointPolicy {
    /** Every role: what any signed-in officer of the agency may read. */
    public static final Set<Role> ANY_ROLE = EnumSet.allOf(Role.class);

    public enum Access { ANONYMOUS, AUTHENTICATED, ROLES }

    public enum Scope { NONE, OWN, OWN_OR_SUBORDINATE, IN_HANDLER }

    /** One endpoint: method and Spring path pattern, who may call it and which agency it touches. */
    public record Rule(HttpMethod method, String pattern, Access access, Set<Role> roles, Scope scope) {
        public boolean allows(Officer officer) {
            return switch (access) {
                case ANONYMOUS, AUTHENTICATED -> true;
                case ROLES -> roles.stream().anyMatch(officer::has);
            };
        }
    }

    private static final List<Rule> RULES = List.of(
            // Signing in, and what is public: the OpenAPI document and health.
            anonymous(HttpMethod.POST, "/api/auth/login"),
            anonymous(HttpMethod.GET, "/api/auth/csrf"),
            anonymous(HttpMethod.POST, "/api/auth/tokens"),
            anonymous(HttpMethod.GET, "/api/health"),
            anonymous(HttpMethod.GET, "/actuator/health"),
            anonymous(HttpMethod.GET, "/actuator/health/**"),
            anonymous(HttpMethod.GET, "/livez"),
            anonymous(HttpMethod.GET, "/readyz"),
            anonymous(HttpMethod.GET, "/v3/api-docs"),
            anonymous(HttpMethod.GET, "/v3/api-docs/**"),
            anonymous(HttpMethod.GET, "/v3/api-docs.yaml"),
            authenticated(HttpMethod.GET, "/api/auth/me"),
            authenticated(HttpMethod.POST, "/api/auth/logout"),
            // 管理: users of the administrator's agency (and agencies below it).
            read(HttpMethod.GET, "/api/admin/users", EnumSet.of(ADMIN), Scope.IN_HANDLER),
            read(HttpMethod.POST, "/api/admin/users", EnumSet.of(ADMIN), Scope.IN_HANDLER),
            // 审计
            read(HttpMethod.GET, "/api/audit", EnumSet.of(AUDITOR), Scope.IN_HANDLER),
            // Commands on agencies.
            command("/api/agencies", AgencyCommand.RegisterAgency.class, Scope.IN_HANDLER),
            command("/api/agencies/{agencyId}/normative-documents", AgencyCommand.IssueNormativeDocument.class),
            command("/api/agencies/{agencyId}/normative-documents/{documentId}/repeal",
                    AgencyCommand.RepealNormativeDocument.class),
            command("/api/agencies/{agencyId}/normative-documents/{documentId}/expiry",
                    AgencyCommand.ExpireNormativeDocument.class),
            command("/api/agencies/{agencyId}/decision-tallies", AgencyCommand.TallyDecisions.class),
            command("/api/agencies/{agencyId}/fees", AgencyCommand.CollectFees.class),
            command("/api/agencies/{agencyId}/service-item-counts", AgencyCommand.CountServiceItems.class),
            command("/api/agencies/{agencyId}/procurements", AgencyCommand.RecordProcurement.class),
            command("/api/agencies/{agencyId}/opening", AgencyCommand.OpenLedger.class),
            command("/api/agencies/{agencyId}/opening/register-counts", AgencyCommand.CountOpeningRegister.class),
            // Moving an agency's events between installations (docs/year-end.md): its administrator; auditors read.
            read(HttpMethod.GET, "/api/agencies/{agencyId}/events", EnumSet.of(ADMIN, AUDITOR), Scope.OWN),
            read(HttpMethod.POST, "/api/agencies/{agencyId}/events", EnumSet.of(ADMIN), Scope.OWN),
            // The Excel 台账 import: each command it runs is checked again against CommandPolicy.
            read(HttpMethod.GET, "/api/agencies/{agencyId}/ledger-import/mapping", EnumSet.of(REGISTRAR, ADMIN), Scope.OWN),
            read(HttpMethod.PUT, "/api/agencies/{agencyId}/ledger-import/mapping", EnumSet.of(REGISTRAR, ADMIN), Scope.OWN),
            read(HttpMethod.POST, "/api/agencies/{agencyId}/ledger-import/dry-run", EnumSet.of(REGISTRAR, ADMIN), Scope.OWN),
            read(HttpMethod.POST, "/api/agencies/{agencyId}/ledger-import", EnumSet.of(REGISTRAR), Scope.OWN),
            read(HttpMethod.GET, "/api/agencies/{agencyId}/ledger-import/{jobId}", EnumSet.of(REGISTRAR, ADMIN), Scope.OWN),
            // Commands on requests.
            command("/api/requests", DisclosureRequestCommand.ReceiveRequest.class, Scope.IN_HANDLER),
            command("/api/requests/{requestId}/officer", DisclosureRequestCommand.AssignOfficer.class),
            command("/api/requests/{requestId}/correction-requests", DisclosureRequestCommand.RequestCorrection.class),
            command("/api/requests/{requestId}/corrections", DisclosureRequestCommand.SupplyCorrection.class),
            command("/api/requests/{requestId}/closure/missing-correction",
                    DisclosureRequestCommand.CloseForMissingCorrection.class),
            command("/api/requests/{requestId}/consultations", DisclosureRequestCommand.StartConsultation.class),
            command("/api/requests/{requestId}/consultations/answer",
                    DisclosureRequestCommand.AnswerConsultation.class),
            command("/api/requests/{requestId}/consultations/expiry",
                    DisclosureRequestCommand.ExpireConsultation.class),
            command("/api/requests/{requestId}/fees", DisclosureRequestCommand.NotifyFee.class),
            command("/api/requests/{requestId}/fees/payment", DisclosureRequestCommand.PayFee.class),
            command("/api/requests/{requestId}/closure/unpaid-fee", DisclosureRequestCommand.CloseForUnpaidFee.class),
            command("/api/requests/{requestId}/extensions", DisclosureRequestCommand.ApproveExtension.class),
            command("/api/requests/{requestId}/reply", DisclosureRequestCommand.ReplyToRequest.class),
            command("/api/requests/{requestId}/withdrawal", DisclosureRequestCommand.WithdrawRequest.class),
            command("/api/requests/{requestId}/amendments/applicant-type",
                    DisclosureRequestCommand.CorrectApplicantType.class),
            command("/api/requests/{requestId}/amendments/receipt-date",
                    DisclosureRequestCommand.CorrectReceiptDate.class),
            command("/api/requests/{requestId}/amendments/outcome", DisclosureRequestCommand.CorrectOutcome.class),
            command("/api/requests/{requestId}/amendments/conclusion-date",
                    DisclosureRequestCommand.CorrectConclusionDate.class),
            command("/api/requests/{requestId}/due-date-recomputations",
                    DisclosureRequestCommand.RecordDueDateRecomputation.class),
            // Commands on reconsiderations and lawsuits: the case id names no agency, the handler looks it up.
            command("/api/reconsiderations", ReconsiderationCommand.FileReconsideration.class, Scope.IN_HANDLER),
            command("/api/reconsiderations/{reconsiderationId}/acceptance",
                    ReconsiderationCommand.AcceptReconsideration.class, Scope.IN_HANDLER),
            command("/api/reconsiderations/{reconsiderationId}/rejection",
                    ReconsiderationCommand.RejectReconsideration.class, Scope.IN_HANDLER),
            command("/api/reconsiderations/{reconsiderationId}/decision",
                    ReconsiderationCommand.DecideReconsideration.class, Scope.IN_HANDLER),
            command("/api/reconsiderations/{reconsiderationId}/withdrawal",
                    ReconsiderationCommand.WithdrawReconsideration.class, Scope.IN_HANDLER),
            command("/api/lawsuits", LawsuitCommand.FileLawsuit.class, Scope.IN_HANDLER),
            command("/api/lawsuits/{lawsuitId}/judgments", LawsuitCommand.RenderJudgment.class, Scope.IN_HANDLER),
            command("/api/lawsuits/{lawsuitId}/appeals", LawsuitCommand.FileAppeal.class, Scope.IN_HANDLER),
            command("/api/lawsuits/{lawsuitId}/judgments/effective", LawsuitCommand.RecordJudgmentEffective.class,
                    Scope.IN_HANDLER),
            command("/api/lawsuits/{lawsuitId}/retrials", LawsuitCommand.OpenRetrial.class, Scope.IN_HANDLER),
            // Erasure of personal data (法制), of the officer's own agency's cases.
            command("/api/requests/{requestId}/personal-data/erasure", DisclosureRequestCommand.EraseApplicantData.class),
            command("/api/reconsiderations/{reconsiderationId}/personal-data/erasure",
                    ReconsiderationCommand.EraseReconsiderationApplicantData.class, Scope.IN_HANDLER),
            command("/api/lawsuits/{lawsuitId}/personal-data/erasure", LawsuitCommand.ErasePlaintiffData.class,
                    Scope.IN_HANDLER),
            // The bulk import checks each line's command against CommandPolicy and its agency.
            read(HttpMethod.POST, "/api/import", EnumSet.of(REGISTRAR, HANDLER, APPROVER, LEGAL, REPORTER, ADMIN),
                    Scope.IN_HANDLER),
            read(HttpMethod.POST, "/api/calendar/recomputations", EnumSet.of(ADMIN), Scope.NONE),
            // Reads of cases show applicants: the officer's own agency only (masked unless the role needs them).
            read(HttpMethod.GET, "/api/requests", ANY_ROLE, Scope.IN_HANDLER),
            read(HttpMethod.GET, "/api/requests/{requestId}", ANY_ROLE, Scope.OWN),
            read(HttpMethod.GET, "/api/requests/{requestId}/deadline", ANY_ROLE, Scope.OWN),
            read(HttpMethod.GET, "/api/reconsiderations", ANY_ROLE, Scope.IN_HANDLER),
            read(HttpMethod.GET, "/api/reconsiderations/{reconsiderationId}", ANY_ROLE, Scope.IN_HANDLER),
            read(HttpMethod.GET, "/api/lawsuits", ANY_ROLE, Scope.IN_HANDLER),
            read(HttpMethod.GET, "/api/lawsuits/{lawsuitId}", ANY_ROLE, Scope.IN_HANDLER),
            read(HttpMethod.GET, "/api/agencies/{agencyId}/worklist", ANY_ROLE, Scope.OWN),
            read(HttpMethod.GET, "/api/agencies/{agencyId}/applicant-counts", EnumSet.of(REGISTRAR, HANDLER, APPROVER),
                    Scope.OWN),
            // Reports and their publication: also for the agencies above.
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/publication", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            command("/api/reports/{agencyId}/{year}/publication", PublicationCommand.PublishAnnualReport.class),
            // Its versions (docs/year-end.md): the published versions and the current, for the agencies above too; the
            // pending revision and the difference of two versions name the cases that moved, so the agency's own.
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/versions", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/versions/diff", ANY_ROLE, Scope.OWN),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/revision", ANY_ROLE, Scope.OWN),
            // Year end (docs/year-end.md): figures of a period, the trend, the narrative.
            read(HttpMethod.GET, "/api/reports/{agencyId}/range", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/trend", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/narrative", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.POST, "/api/reports/{agencyId}/{year}/narrative", EnumSet.of(REPORTER), Scope.OWN),
            // The roll-up of an agency and the agencies below it (docs/year-end.md): a report read like the others.
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/rollup", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/rollup/export/{kind}", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/range/rollup", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/trend/rollup", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            // The workbench (module workbench): its pages are public shells that send to the log-in page on a 401;
            // the report's exports, cells and chart are report reads; a cell's cases, the letters and the remedy
            // windows name applicants, so the officer's own agency only.
            anonymous(HttpMethod.GET, "/"),
            anonymous(HttpMethod.GET, "/*.html"),
            anonymous(HttpMethod.GET, "/app.js"),
            anonymous(HttpMethod.GET, "/report-rollup.js"),
            anonymous(HttpMethod.GET, "/app.css"),
            anonymous(HttpMethod.GET, "/favicon.ico"),
            authenticated(HttpMethod.GET, "/api/vocabulary"),
            authenticated(HttpMethod.GET, "/api/agencies"),
            read(HttpMethod.GET, "/api/agencies/{agencyId}", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/agencies/{agencyId}/appeal-windows", ANY_ROLE, Scope.OWN),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/export/{kind}", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/chart", ANY_ROLE, Scope.OWN_OR_SUBORDINATE),
            read(HttpMethod.GET, "/api/reports/{agencyId}/{year}/cells/**", ANY_ROLE, Scope.OWN),
            // A letter is addressed to the applicant, so it holds their data in the clear: the roles that need it.
            read(HttpMethod.GET, "/api/requests/{requestId}/letters/{file}", EnumSet.of(REGISTRAR, HANDLER, APPROVER),
                    Scope.OWN),
            // Reference data and operations.
            read(HttpMethod.GET, "/api/calendar/{year}", ANY_ROLE, Scope.NONE),
            read(HttpMethod.GET, "/api/fees/quote", ANY_ROLE, Scope.NONE),
            read(HttpMethod.GET, "/api/projection/status", EnumSet.of(ADMIN, AUDITOR), Scope.NONE),
            read(HttpMethod.POST, "/api/reconciliations", EnumSet.of(ADMIN, AUDITOR), Scope.NONE));

    private EndpointPolicy() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    private static Rule anonymous(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.ANONYMOUS, Set.of(), Scope.NONE);
    }

    private static Rule authenticated(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.AUTHENTICATED, Set.of(), Scope.NONE);
    }

    private static Rule read(HttpMethod method, String pattern, Set<Role> roles, Scope scope) {
        return new Rule(method, pattern, Access.ROLES, Set.copyOf(roles), scope);
    }

    private static Rule command(String pattern, Class<? extends LedgerCommand> command) {
        return command(pattern, command, Scope.OWN);
    }

    private static Rule command(String pattern, Class<? extends LedgerCommand> command, Scope scope) {
        return new Rule(HttpMethod.POST, pattern, Access.ROLES, CommandPolicy.rolesFor(command), scope);
    }
}
