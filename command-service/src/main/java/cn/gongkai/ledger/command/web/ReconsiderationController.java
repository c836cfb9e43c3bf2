package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.AcceptReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.DecideReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.EraseReconsiderationApplicantData;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.FileReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.RejectReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.WithdrawReconsideration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on reconsiderations (行政复议) in which the agency is the respondent. Ids start with {@code rc-}. */
@RestController
@RequestMapping(path = ReconsiderationController.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class ReconsiderationController {
    static final String PATH = "/api/reconsiderations";

    private final CommandEndpoint endpoint;

    public ReconsiderationController(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The body may name the {@code reconsiderationId}; without one the service assigns {@code rc-<uuid>}. */
    @CommandBody(FileReconsideration.class)
    @PostMapping
    public ResponseEntity<CommandAccepted> file(@RequestBody byte[] body) {
        return endpoint.create(FileReconsideration.class, body, PATH);
    }

    @CommandBody(AcceptReconsideration.class)
    @PostMapping("/{reconsiderationId}/acceptance")
    public ResponseEntity<CommandAccepted> accept(@PathVariable String reconsiderationId,
                                                  @RequestBody byte[] body) {
        return on(AcceptReconsideration.class, reconsiderationId, body);
    }

    @CommandBody(RejectReconsideration.class)
    @PostMapping("/{reconsiderationId}/rejection")
    public ResponseEntity<CommandAccepted> reject(@PathVariable String reconsiderationId,
                                                  @RequestBody byte[] body) {
        return on(RejectReconsideration.class, reconsiderationId, body);
    }

    @CommandBody(DecideReconsideration.class)
    @PostMapping("/{reconsiderationId}/decision")
    public ResponseEntity<CommandAccepted> decide(@PathVariable String reconsiderationId,
                                                  @RequestBody byte[] body) {
        return on(DecideReconsideration.class, reconsiderationId, body);
    }

    @CommandBody(WithdrawReconsideration.class)
    @PostMapping("/{reconsiderationId}/withdrawal")
    public ResponseEntity<CommandAccepted> withdraw(@PathVariable String reconsiderationId,
                                                    @RequestBody byte[] body) {
        return on(WithdrawReconsideration.class, reconsiderationId, body);
    }

    /** 删除复议申请人个人信息 (《个人信息保护法》第四十七条). */
    @CommandBody(EraseReconsiderationApplicantData.class)
    @PostMapping("/{reconsiderationId}/personal-data/erasure")
    public ResponseEntity<CommandAccepted> eraseApplicantData(@PathVariable String reconsiderationId,
                                                              @RequestBody byte[] body) {
        return on(EraseReconsiderationApplicantData.class, reconsiderationId, body);
    }

    private ResponseEntity<CommandAccepted> on(Class<? extends LedgerCommand> type, String id,
                                               byte[] body) {
        return endpoint.apply(type, body, Map.of("reconsiderationId", id));
    }
}
