package cn.gongkai.ledger.security;

import static cn.gongkai.ledger.security.Role.ADMIN;
import static cn.gongkai.ledger.security.Role.APPROVER;
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
import java.util.Map;
import java.util.Set;

/**
 * Which roles may issue which command: the one table both the REST endpoints ({@link EndpointPolicy}) and the bulk
 * import (line by line) consult. A command not in the table is refused to everyone.
 */
public final class CommandPolicy {
    private static final Map<Class<? extends LedgerCommand>, Set<Role>> ROLES = Map.ofEntries(
            // 管理: agencies exist before anyone works in them.
            Map.entry(AgencyCommand.RegisterAgency.class, EnumSet.of(ADMIN)),
            // 报告: the agency's own yearly figures for table 二.
            Map.entry(AgencyCommand.IssueNormativeDocument.class, EnumSet.of(REPORTER)),
            Map.entry(AgencyCommand.RepealNormativeDocument.class, EnumSet.of(REPORTER)),
            Map.entry(AgencyCommand.ExpireNormativeDocument.class, EnumSet.of(REPORTER)),
            Map.entry(AgencyCommand.TallyDecisions.class, EnumSet.of(REPORTER)),
            Map.entry(AgencyCommand.CollectFees.class, EnumSet.of(REPORTER)),
            Map.entry(AgencyCommand.CountServiceItems.class, EnumSet.of(REPORTER)),
            Map.entry(AgencyCommand.RecordProcurement.class, EnumSet.of(REPORTER)),
            // Opening the ledger decides what every report covers; the opening register is the reporter's.
            Map.entry(AgencyCommand.OpenLedger.class, EnumSet.of(ADMIN)),
            Map.entry(AgencyCommand.CountOpeningRegister.class, EnumSet.of(REPORTER)),
            // The table-四 counting policy is the agency's decision, as its administrator records it.
            Map.entry(AgencyCommand.SetAppealCountingPolicy.class, EnumSet.of(ADMIN)),
            // 报告: the annual report's publication (and its revisions).
            Map.entry(PublicationCommand.PublishAnnualReport.class, EnumSet.of(REPORTER)),
            // 登记
            Map.entry(DisclosureRequestCommand.ReceiveRequest.class, EnumSet.of(REGISTRAR)),
            Map.entry(DisclosureRequestCommand.AssignOfficer.class, EnumSet.of(REGISTRAR, HANDLER)),
            // 承办
            Map.entry(DisclosureRequestCommand.RequestCorrection.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.SupplyCorrection.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.CloseForMissingCorrection.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.StartConsultation.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.AnswerConsultation.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.ExpireConsultation.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.NotifyFee.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.PayFee.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.CloseForUnpaidFee.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.WithdrawRequest.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.CorrectApplicantType.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.CorrectReceiptDate.class, EnumSet.of(HANDLER)),
            Map.entry(DisclosureRequestCommand.CorrectConclusionDate.class, EnumSet.of(HANDLER)),
            // 审批: extensions and replies, and corrections of a recorded outcome.
            Map.entry(DisclosureRequestCommand.ApproveExtension.class, EnumSet.of(APPROVER)),
            Map.entry(DisclosureRequestCommand.ReplyToRequest.class, EnumSet.of(APPROVER)),
            Map.entry(DisclosureRequestCommand.CorrectOutcome.class, EnumSet.of(APPROVER)),
            // 管理: the calendar.
            Map.entry(DisclosureRequestCommand.RecordDueDateRecomputation.class, EnumSet.of(ADMIN)),
            // 法制
            Map.entry(ReconsiderationCommand.FileReconsideration.class, EnumSet.of(LEGAL)),
            Map.entry(ReconsiderationCommand.AcceptReconsideration.class, EnumSet.of(LEGAL)),
            Map.entry(ReconsiderationCommand.RejectReconsideration.class, EnumSet.of(LEGAL)),
            Map.entry(ReconsiderationCommand.DecideReconsideration.class, EnumSet.of(LEGAL)),
            Map.entry(ReconsiderationCommand.WithdrawReconsideration.class, EnumSet.of(LEGAL)),
            Map.entry(LawsuitCommand.FileLawsuit.class, EnumSet.of(LEGAL)),
            Map.entry(LawsuitCommand.RenderJudgment.class, EnumSet.of(LEGAL)),
            Map.entry(LawsuitCommand.FileAppeal.class, EnumSet.of(LEGAL)),
            Map.entry(LawsuitCommand.RecordJudgmentEffective.class, EnumSet.of(LEGAL)),
            Map.entry(LawsuitCommand.OpenRetrial.class, EnumSet.of(LEGAL)),
            // 法制: erasing an applicant's personal data is a legal decision (《个人信息保护法》第四十七条).
            Map.entry(DisclosureRequestCommand.EraseApplicantData.class, EnumSet.of(LEGAL)),
            Map.entry(ReconsiderationCommand.EraseReconsiderationApplicantData.class, EnumSet.of(LEGAL)),
            Map.entry(LawsuitCommand.ErasePlaintiffData.class, EnumSet.of(LEGAL)));

    private CommandPolicy() {
    }

    /** The roles that may issue the command; empty for a command nobody may issue. */
    public static Set<Role> rolesFor(Class<? extends LedgerCommand> command) {
        return ROLES.getOrDefault(command, Set.of());
    }

    public static boolean may(Officer officer, Class<? extends LedgerCommand> command) {
        return rolesFor(command).stream().anyMatch(officer::has);
    }

    /** Every command with a rule, for the tests that check the table is complete. */
    public static Set<Class<? extends LedgerCommand>> commands() {
        return ROLES.keySet();
    }
}
