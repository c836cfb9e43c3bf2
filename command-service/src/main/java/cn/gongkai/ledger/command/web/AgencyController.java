package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.agency.AgencyCommand;
import cn.gongkai.ledger.api.agency.AgencyCommand.CollectFees;
import cn.gongkai.ledger.api.agency.AgencyCommand.CountServiceItems;
import cn.gongkai.ledger.api.agency.AgencyCommand.ExpireNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.IssueNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.RecordProcurement;
import cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency;
import cn.gongkai.ledger.api.agency.AgencyCommand.RepealNormativeDocument;
import cn.gongkai.ledger.api.agency.AgencyCommand.TallyDecisions;
import cn.gongkai.ledger.api.common.LedgerCommand;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on agencies and their Article-20 register (第二十条, table 二). */
@RestController
@RequestMapping(path = AgencyController.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class AgencyController {
    static final String PATH = "/api/agencies";
    private static final String AGENCY_ID = "agencyId";

    private final CommandEndpoint endpoint;

    public AgencyController(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The body names the {@code agencyId}. */
    @CommandBody(RegisterAgency.class)
    @PostMapping
    public ResponseEntity<CommandAccepted> register(@RequestBody byte[] body) {
        return endpoint.create(RegisterAgency.class, body, PATH);
    }

    @CommandBody(IssueNormativeDocument.class)
    @PostMapping("/{agencyId}/normative-documents")
    public ResponseEntity<CommandAccepted> issueNormativeDocument(@PathVariable String agencyId,
                                                                  @RequestBody byte[] body) {
        return on(IssueNormativeDocument.class, agencyId, body);
    }

    @CommandBody(RepealNormativeDocument.class)
    @PostMapping("/{agencyId}/normative-documents/{documentId}/repeal")
    public ResponseEntity<CommandAccepted> repealNormativeDocument(@PathVariable String agencyId,
                                                                   @PathVariable String documentId,
                                                                   @RequestBody byte[] body) {
        return onDocument(RepealNormativeDocument.class, agencyId, documentId, body);
    }

    @CommandBody(ExpireNormativeDocument.class)
    @PostMapping("/{agencyId}/normative-documents/{documentId}/expiry")
    public ResponseEntity<CommandAccepted> expireNormativeDocument(@PathVariable String agencyId,
                                                                   @PathVariable String documentId,
                                                                   @RequestBody byte[] body) {
        return onDocument(ExpireNormativeDocument.class, agencyId, documentId, body);
    }

    @CommandBody(TallyDecisions.class)
    @PostMapping("/{agencyId}/decision-tallies")
    public ResponseEntity<CommandAccepted> tallyDecisions(@PathVariable String agencyId,
                                                          @RequestBody byte[] body) {
        return on(TallyDecisions.class, agencyId, body);
    }

    @CommandBody(CollectFees.class)
    @PostMapping("/{agencyId}/fees")
    public ResponseEntity<CommandAccepted> collectFees(@PathVariable String agencyId,
                                                       @RequestBody byte[] body) {
        return on(CollectFees.class, agencyId, body);
    }

    @CommandBody(CountServiceItems.class)
    @PostMapping("/{agencyId}/service-item-counts")
    public ResponseEntity<CommandAccepted> countServiceItems(@PathVariable String agencyId,
                                                             @RequestBody byte[] body) {
        return on(CountServiceItems.class, agencyId, body);
    }

    @CommandBody(RecordProcurement.class)
    @PostMapping("/{agencyId}/procurements")
    public ResponseEntity<CommandAccepted> recordProcurement(@PathVariable String agencyId,
                                                             @RequestBody byte[] body) {
        return on(RecordProcurement.class, agencyId, body);
    }

    @CommandBody(AgencyCommand.OpenLedger.class)
    @PostMapping("/{agencyId}/opening")
    public ResponseEntity<CommandAccepted> openLedger(@PathVariable String agencyId, @RequestBody byte[] body) {
        return on(AgencyCommand.OpenLedger.class, agencyId, body);
    }

    @CommandBody(AgencyCommand.CountOpeningRegister.class)
    @PostMapping("/{agencyId}/opening/register-counts")
    public ResponseEntity<CommandAccepted> countOpeningRegister(@PathVariable String agencyId,
                                                                @RequestBody byte[] body) {
        return on(AgencyCommand.CountOpeningRegister.class, agencyId, body);
    }

    /**
     * The table-四 counting policy from a year on ({@code {policy, fromYear, reason}}), by the agency's administrator:
     * the agency's reports of that year and later follow it unless a query names another policy.
     */
    @CommandBody(AgencyCommand.SetAppealCountingPolicy.class)
    @PostMapping("/{agencyId}/appeal-counting-policy")
    public ResponseEntity<CommandAccepted> setAppealCountingPolicy(@PathVariable String agencyId,
                                                                   @RequestBody byte[] body) {
        return on(AgencyCommand.SetAppealCountingPolicy.class, agencyId, body);
    }

    private ResponseEntity<CommandAccepted> on(Class<? extends LedgerCommand> type, String agencyId,
                                               byte[] body) {
        return endpoint.apply(type, body, Map.of(AGENCY_ID, agencyId));
    }

    private ResponseEntity<CommandAccepted> onDocument(Class<? extends LedgerCommand> type, String agencyId,
                                                       String documentId, byte[] body) {
        return endpoint.apply(type, body, Map.of(AGENCY_ID, agencyId, "documentId", documentId));
    }
}
