package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.AnswerConsultation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ApproveExtension;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.AssignOfficer;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CloseForMissingCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CloseForUnpaidFee;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectApplicantType;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectConclusionDate;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectOutcome;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.CorrectReceiptDate;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.EraseApplicantData;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ExpireConsultation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.NotifyFee;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.PayFee;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RecordDueDateRecomputation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReplyToRequest;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.RequestCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.StartConsultation;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.SupplyCorrection;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.WithdrawRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on disclosure requests (依申请公开). The request id is {@code agencyId:trackingNumber}. */
@RestController
@RequestMapping(path = RequestController.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class RequestController {
    static final String PATH = "/api/requests";

    private final CommandEndpoint endpoint;

    public RequestController(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** 登记申请: the body has {@code agencyId} and {@code trackingNumber} instead of a request id. */
    @CommandBody(ReceiveRequest.class)
    @PostMapping
    public ResponseEntity<CommandAccepted> receive(@RequestBody byte[] body) {
        return endpoint.create(ReceiveRequest.class, body, PATH);
    }

    @CommandBody(AssignOfficer.class)
    @PostMapping("/{requestId}/officer")
    public ResponseEntity<CommandAccepted> assignOfficer(@PathVariable String requestId,
                                                         @RequestBody byte[] body) {
        return on(AssignOfficer.class, requestId, body);
    }

    @CommandBody(RequestCorrection.class)
    @PostMapping("/{requestId}/correction-requests")
    public ResponseEntity<CommandAccepted> requestCorrection(@PathVariable String requestId,
                                                             @RequestBody byte[] body) {
        return on(RequestCorrection.class, requestId, body);
    }

    @CommandBody(SupplyCorrection.class)
    @PostMapping("/{requestId}/corrections")
    public ResponseEntity<CommandAccepted> supplyCorrection(@PathVariable String requestId,
                                                            @RequestBody byte[] body) {
        return on(SupplyCorrection.class, requestId, body);
    }

    @CommandBody(CloseForMissingCorrection.class)
    @PostMapping("/{requestId}/closure/missing-correction")
    public ResponseEntity<CommandAccepted> closeForMissingCorrection(@PathVariable String requestId,
                                                                     @RequestBody byte[] body) {
        return on(CloseForMissingCorrection.class, requestId, body);
    }

    @CommandBody(StartConsultation.class)
    @PostMapping("/{requestId}/consultations")
    public ResponseEntity<CommandAccepted> startConsultation(@PathVariable String requestId,
                                                             @RequestBody byte[] body) {
        return on(StartConsultation.class, requestId, body);
    }

    @CommandBody(AnswerConsultation.class)
    @PostMapping("/{requestId}/consultations/answer")
    public ResponseEntity<CommandAccepted> answerConsultation(@PathVariable String requestId,
                                                              @RequestBody byte[] body) {
        return on(AnswerConsultation.class, requestId, body);
    }

    @CommandBody(ExpireConsultation.class)
    @PostMapping("/{requestId}/consultations/expiry")
    public ResponseEntity<CommandAccepted> expireConsultation(@PathVariable String requestId,
                                                              @RequestBody byte[] body) {
        return on(ExpireConsultation.class, requestId, body);
    }

    @CommandBody(NotifyFee.class)
    @PostMapping("/{requestId}/fees")
    public ResponseEntity<CommandAccepted> notifyFee(@PathVariable String requestId,
                                                     @RequestBody byte[] body) {
        return on(NotifyFee.class, requestId, body);
    }

    @CommandBody(PayFee.class)
    @PostMapping("/{requestId}/fees/payment")
    public ResponseEntity<CommandAccepted> payFee(@PathVariable String requestId,
                                                  @RequestBody byte[] body) {
        return on(PayFee.class, requestId, body);
    }

    @CommandBody(CloseForUnpaidFee.class)
    @PostMapping("/{requestId}/closure/unpaid-fee")
    public ResponseEntity<CommandAccepted> closeForUnpaidFee(@PathVariable String requestId,
                                                             @RequestBody byte[] body) {
        return on(CloseForUnpaidFee.class, requestId, body);
    }

    @CommandBody(ApproveExtension.class)
    @PostMapping("/{requestId}/extensions")
    public ResponseEntity<CommandAccepted> approveExtension(@PathVariable String requestId,
                                                            @RequestBody byte[] body) {
        return on(ApproveExtension.class, requestId, body);
    }

    @CommandBody(ReplyToRequest.class)
    @PostMapping("/{requestId}/reply")
    public ResponseEntity<CommandAccepted> reply(@PathVariable String requestId,
                                                 @RequestBody byte[] body) {
        return on(ReplyToRequest.class, requestId, body);
    }

    @CommandBody(WithdrawRequest.class)
    @PostMapping("/{requestId}/withdrawal")
    public ResponseEntity<CommandAccepted> withdraw(@PathVariable String requestId,
                                                    @RequestBody byte[] body) {
        return on(WithdrawRequest.class, requestId, body);
    }

    /** 更正申请人类型 (a correction event; the recorded intake is never edited). */
    @CommandBody(CorrectApplicantType.class)
    @PostMapping("/{requestId}/amendments/applicant-type")
    public ResponseEntity<CommandAccepted> correctApplicantType(@PathVariable String requestId,
                                                                @RequestBody byte[] body) {
        return on(CorrectApplicantType.class, requestId, body);
    }

    @CommandBody(CorrectReceiptDate.class)
    @PostMapping("/{requestId}/amendments/receipt-date")
    public ResponseEntity<CommandAccepted> correctReceiptDate(@PathVariable String requestId,
                                                              @RequestBody byte[] body) {
        return on(CorrectReceiptDate.class, requestId, body);
    }

    @CommandBody(CorrectOutcome.class)
    @PostMapping("/{requestId}/amendments/outcome")
    public ResponseEntity<CommandAccepted> correctOutcome(@PathVariable String requestId,
                                                          @RequestBody byte[] body) {
        return on(CorrectOutcome.class, requestId, body);
    }

    @CommandBody(CorrectConclusionDate.class)
    @PostMapping("/{requestId}/amendments/conclusion-date")
    public ResponseEntity<CommandAccepted> correctConclusionDate(@PathVariable String requestId,
                                                                 @RequestBody byte[] body) {
        return on(CorrectConclusionDate.class, requestId, body);
    }

    @CommandBody(RecordDueDateRecomputation.class)
    @PostMapping("/{requestId}/due-date-recomputations")
    public ResponseEntity<CommandAccepted> recordDueDateRecomputation(@PathVariable String requestId,
                                                                      @RequestBody byte[] body) {
        return on(RecordDueDateRecomputation.class, requestId, body);
    }

    /** 删除申请人个人信息 (《个人信息保护法》第四十七条): the case's data key is destroyed; counts stay. */
    @CommandBody(EraseApplicantData.class)
    @PostMapping("/{requestId}/personal-data/erasure")
    public ResponseEntity<CommandAccepted> eraseApplicantData(@PathVariable String requestId,
                                                              @RequestBody byte[] body) {
        return on(EraseApplicantData.class, requestId, body);
    }

    private ResponseEntity<CommandAccepted> on(Class<? extends LedgerCommand> type, String requestId, byte[] body) {
        return endpoint.apply(type, body, Map.of("requestId", requestId));
    }
}
